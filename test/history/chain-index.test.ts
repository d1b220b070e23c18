import { describe, expect, test } from 'vitest'
import { chainCollect, chainInsert, chainWalk, createChainIndex, createCollectScratch, keysBySlot } from '../../src/history/chain-index.js'

/** Inserts `keys` in order into a one-table index of `capacity`, as a ring buffer would. */
function build(capacity: number, keys: readonly number[]) {
  const index = createChainIndex(1, capacity)
  keys.forEach((key, sequence) => chainInsert(index, 0, key, sequence))
  const total = keys.length
  const kept = Math.min(total, capacity)
  const walk = (key: number, maxSteps = 100): number[] => {
    const slots: number[] = []
    chainWalk(index, 0, key, total, kept, maxSteps, (slot) => slots.push(slot) > 0)
    return slots
  }
  return { index, total, kept, walk }
}

describe('chainWalk', () => {
  test('visits the entries of a key, newest first', () => {
    const { walk } = build(16, [7, 9, 7, 7])
    expect(walk(7)).toEqual([3, 2, 0])
    expect(walk(9)).toEqual([1])
  })

  test('stops at entries the ring has overwritten', () => {
    // Capacity 4 (buckets 0–3): sequences 0 and 1 (key 4) were overwritten by 4 and 5.
    const { walk } = build(4, [4, 4, 1, 2, 3, 4])
    expect(walk(4)).toEqual([1])
  })

  test('skips entries of another key in the same bucket by their tag', () => {
    // Same bucket (low bits), different top byte.
    const { walk } = build(16, [0x01000003, 0x02000003, 0x01000003])
    expect(walk(0x01000003)).toEqual([2, 0])
    expect(walk(0x02000003)).toEqual([1])
  })

  test('visits at most maxSteps entries', () => {
    const { walk } = build(64, Array.from({ length: 40 }, () => 11))
    expect(walk(11, 32)).toHaveLength(32)
  })
})

describe('keysBySlot', () => {
  test('recovers the bucket and tag each kept entry is filed under', () => {
    const { index, total, kept } = build(4, [0x0a000001, 0x0b000002, 0x0c000003])
    expect([...keysBySlot(index, total, kept)]).toEqual([0x0a000001, 0x0b000002, 0x0c000003, 0xffffffff])
  })
})

describe('chainCollect (all tables at once) against chainWalk (one table at a time, the reference)', () => {
  test('collects the same slots in the same order on random indexes', () => {
    let seed = 12345
    const random = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let trial = 0; trial < 60; trial++) {
      const tables = 1 + (random() % 8)
      const capacity = 8 + (random() % 300)
      const index = createChainIndex(tables, capacity)
      // Few distinct keys, some sharing a bucket with another tag: long chains, tag skips, overwritten entries.
      const pool = Array.from({ length: 1 + (random() % 12) }, () => random() % 2 === 0 ? random() : ((random() & 0xff000000) | (random() % 4)) >>> 0)
      const total = random() % (3 * capacity)
      for (let sequence = 0; sequence < total; sequence++) for (let table = 0; table < tables; table++) chainInsert(index, table, pool[random() % pool.length]!, sequence)
      const kept = Math.min(total, capacity)
      const maxSteps = 1 + (random() % 20)
      const scratch = createCollectScratch(tables, maxSteps)
      for (let probe = 0; probe < 10; probe++) {
        const keys = Uint32Array.from({ length: tables }, () => (random() % 5 === 0 ? random() : pool[random() % pool.length]!))
        const n = 1 + (random() % tables)
        chainCollect(index, keys, total, kept, maxSteps, scratch, n)
        for (let table = 0; table < n; table++) {
          const expected: number[] = []
          chainWalk(index, table, keys[table]!, total, kept, maxSteps, (slot) => expected.push(slot) > 0)
          expect([...scratch.slots.subarray(table * maxSteps, table * maxSteps + scratch.counts[table]!)]).toEqual(expected)
        }
      }
    }
  })
})
