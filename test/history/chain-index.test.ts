import { describe, expect, test } from 'vitest'
import { chainInsert, chainWalk, createChainIndex, keysBySlot } from '../../src/history/chain-index.js'

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
