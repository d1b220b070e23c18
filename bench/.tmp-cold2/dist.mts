import { SKELETON_TABLE } from '../../src/data/skeleton-table.js'
let end = 0; const counts = new Map<number, number>()
for (const record of SKELETON_TABLE.split(';')) { if (!record) continue
  const first = record.indexOf(','), second = record.indexOf(',', first + 1)
  const start = end + (first === 0 ? 0 : parseInt(record.slice(0, first), 36))
  const lt = record.slice(first + 1, second); const step = lt.endsWith('+')
  const length = lt === '' || lt === '+' ? 1 : parseInt(step ? lt.slice(0, -1) : lt, 36)
  end = start + length; const b = start >> 12; counts.set(b, (counts.get(b) ?? 0) + 1) }
console.log([...counts].map(([b, c]) => `${(b << 12).toString(16)}:${c}`).join(' '))
