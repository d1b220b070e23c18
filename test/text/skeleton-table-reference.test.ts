import { describe, expect, test, vi } from 'vitest'
import { SKELETON_TABLE } from '../../src/data/skeleton-table.js'
import { skeletonChars, skeletonOfCodePoint } from '../../src/text/transformers/skeleton-chars.js'

/**
 * The generated records read the plain way: every code point of every record set at once, `~`
 * and `^` computed right there. The transformer builds its table faster (ranges filled whole,
 * only the blocks of 4096 code points a text reaches, through the generated `SKELETON_BLOCKS`;
 * `~` and `^` computed on a code point's first lookup); it must give the same skeleton for every
 * code point, in any order of first lookups.
 */
function referenceTable(): Map<number, string> {
  const table = new Map<number, string>()
  let end = 0
  for (const record of SKELETON_TABLE.split(/(?<!\\);/u)) {
    if (record === '') continue
    const [gapText = '', lengthText = '', ...rest] = record.split(',')
    const target = rest.join(',').replace(/\\(.)/gu, '$1')
    const start = end + (gapText === '' ? 0 : Number.parseInt(gapText, 36))
    const step = lengthText.endsWith('+')
    const length = lengthText === '' || lengthText === '+' ? 1 : Number.parseInt(step ? lengthText.slice(0, -1) : lengthText, 36)
    end = start + length
    for (let i = 0; i < length; i++) {
      const cp = start + i
      const char = String.fromCodePoint(cp)
      const written = step ? String.fromCodePoint((target.codePointAt(0) ?? 0) + i) : target
      table.set(cp, written === '~' ? char.normalize('NFKC').toLowerCase() : written === '^' ? char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : written)
    }
  }
  return table
}

describe('skeleton table', () => {
  const reference = referenceTable()

  test('every code point above ASCII has the skeleton of the plain reading of the records, twice in a row', () => {
    expect(reference.size).toBeGreaterThan(9000)
    // Scrambled order, so that first lookups (which compute `~` and `^`) meet every kind of entry.
    const order: number[] = []
    for (let cp = 0x80; cp <= 0x10ffff; cp++) order.push(cp)
    let seed = 7
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) >>> 0
      const j = seed % (i + 1)
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    const mismatches: string[] = []
    for (const pass of [1, 2]) {
      for (const cp of order) {
        if (cp >= 0xd800 && cp < 0xe000) continue
        const got = skeletonOfCodePoint(cp)
        if (got !== reference.get(cp) && mismatches.length < 20) mismatches.push(`pass ${pass} U+${cp.toString(16)}: ${JSON.stringify(got)} vs ${JSON.stringify(reference.get(cp))}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  test('each block reads its own records (SKELETON_BLOCKS): code points looked up from the last block down, in a fresh module', async () => {
    // Descending: a block is read before the one below it, so a record that starts in the lower
    // block and runs on into this one must be found through this block's own entry.
    vi.resetModules()
    const fresh = await import('../../src/text/transformers/skeleton-chars.js')
    const mismatches: string[] = []
    for (let cp = 0x10ffff; cp >= 0x80; cp--) {
      if (cp >= 0xd800 && cp < 0xe000) continue
      const got = fresh.skeletonOfCodePoint(cp)
      if (got !== reference.get(cp) && mismatches.length < 20) mismatches.push(`U+${cp.toString(16)}: ${JSON.stringify(got)} vs ${JSON.stringify(reference.get(cp))}`)
    }
    expect(mismatches).toEqual([])
  })

  test('skeletonChars reads a text of table entries as the reference does', () => {
    const cps = [...reference.keys()].filter((cp) => cp % 7 === 0)
    const text = cps.map((cp) => `a${String.fromCodePoint(cp)}`).join('')
    const expected = cps.map((cp) => `a${reference.get(cp)}`).join('')
    expect(skeletonChars(text).text).toBe(expected)
  })

  test('every target is well-formed UTF-16 (an astral target, such as the skeleton of U+114BB, keeps both halves)', () => {
    const broken = [...reference].filter(([, target]) => /\p{Cs}/u.test(target)).map(([cp]) => `U+${cp.toString(16)}`)
    expect(broken).toEqual([])
    expect(skeletonOfCodePoint(0x114bb)).toBe('\u{114b9}')
  })
})
