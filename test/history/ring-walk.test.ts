import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { chainInsert, chainWalk, createChainIndex } from '../../src/history/chain-index.js'
import type { MemoryRecord } from '../../src/history/memory-store.js'
import { createStatusRing, ringAppend, ringHas, ringTextCopies, type OwnCopies, type StatusRing } from '../../src/history/status-ring.js'
import { MINHASH_SIZE } from '../../src/text/minhash.js'
import { referenceAppend, referenceChainWalk, referenceHas, referenceTextCopies } from './ring-reference.js'

// Keys that share buckets (low bits) under different tags (top byte), so chains mix keys.
const KEYS = [0x01000005, 0x02000005, 0x01000006, 0xff000005, 0x7f000009, 0x01000009]
const BASE = [3, 50, 120, 200].map((seed) => Uint8Array.from({ length: MINHASH_SIZE }, (_, i) => (seed + i * 7) & 255))
const IDS = [undefined, '', '1', '2', '3', 'https://example.social/users/a/statuses/113500000000000000001']

const packedArb = fc.tuple(fc.integer({ min: 0, max: BASE.length - 1 }), fc.integer({ min: 0, max: MINHASH_SIZE })).map(([base, changed]) => {
  // A base signature with its first `changed` bytes altered: copies, near copies and unrelated ones.
  const out = BASE[base]!.slice()
  for (let i = 0; i < changed; i++) out[i] = (out[i]! + 1) & 255
  return out
})

const recordArb: fc.Arbitrary<MemoryRecord> = fc
  .record({
    kind: fc.constantFrom('long', 'long', 'short', 'none'),
    packed: packedArb,
    // Chain 0 (where "seen already" is looked for) from two keys only: long chains of candidates.
    keys: fc.tuple(fc.constantFrom(KEYS[0]!, KEYS[1]!), fc.array(fc.constantFrom(...KEYS), { minLength: 7, maxLength: 7 })).map(([first, rest]) => [first, ...rest]),
    author: fc.integer({ min: 1, max: 4 }),
    id: fc.constantFrom(...IDS),
    seconds: fc.integer({ min: 1_000, max: 1_200 }),
    flags: fc.integer({ min: 0, max: 7 }),
  })
  .map(({ kind, packed, keys, author, id, seconds, flags }) => ({
    kind: kind as MemoryRecord['kind'],
    packed,
    keys: Uint32Array.from(kind === 'long' ? keys : keys.slice(0, id === undefined && kind === 'none' ? 0 : 1)),
    author,
    acct: `a${author}`,
    id,
    seconds,
    flags,
    images: [],
    mentions: new Uint32Array(0),
  }))

function sameState(a: StatusRing, b: StatusRing): void {
  expect(a.total).toBe(b.total)
  expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
  expect(Buffer.from(a.index.heads.buffer).equals(Buffer.from(b.index.heads.buffer))).toBe(true)
  expect(Buffer.from(a.index.next.buffer).equals(Buffer.from(b.index.next.buffer))).toBe(true)
}

describe('the status ring walk (cursor, "seen" folded into chain 0) against the 0.2.0 reference (callbacks, a second walk)', () => {
  test('finds the same copies, repeats and "seen already", and leaves the same ring, over random statuses', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 120 }), fc.constantFrom(8, 16, 64), fc.constantFrom(30, 100, 1_000), (records, capacity, window) => {
        const mine = createStatusRing(capacity)
        const theirs = createStatusRing(capacity)
        const own: OwnCopies = { repeats: 0, seen: false }
        for (const record of records) {
          own.repeats = 0
          const walked = record.kind !== 'none'
          const text = walked ? ringTextCopies(mine, record, record.flags, record.seconds, window, own) : undefined
          const seen = walked ? own.seen : ringHas(mine, record, record.id)
          const theirOwn = { repeats: 0 }
          const theirText = walked ? referenceTextCopies(theirs, record, record.flags, record.seconds, window, theirOwn) : undefined
          const theirSeen = referenceHas(theirs, record, record.id)
          expect(text).toEqual(theirText)
          expect(own.repeats).toBe(theirOwn.repeats)
          expect(seen).toBe(theirSeen)
          expect(ringHas(mine, record, record.id)).toBe(theirSeen)
          // Without `own`, the author's own copies are skipped (the reference does the same).
          expect(ringTextCopies(mine, record, record.flags, record.seconds, window)).toEqual(referenceTextCopies(theirs, record, record.flags, record.seconds, window))
          if (!seen) ringAppend(mine, record, record.flags, record.seconds, record.id)
          if (!theirSeen) referenceAppend(theirs, record, record.flags, record.seconds, record.id)
          sameState(mine, theirs)
        }
      }),
      { numRuns: 400 },
    )
  })

  test('an append over a slot full of another record leaves the bytes the reference (clear, then write) leaves', () => {
    const mine = createStatusRing(2)
    const theirs = createStatusRing(2)
    const long = { kind: 'long' as const, packed: BASE[0]!, keys: Uint32Array.from(KEYS.slice(0, 8).concat(KEYS.slice(0, 2))), author: 7 }
    for (const [ring, append] of [[mine, ringAppend], [theirs, referenceAppend]] as const) {
      append(ring, long, 7, 1_000, 'https://example.social/a-very-long-status-id-that-is-hashed')
      append(ring, long, 1, 1_000, 'x')
      append(ring, { ...long, kind: 'short', keys: Uint32Array.of(KEYS[0]!) }, 0, 1_001, '12')
      append(ring, { ...long, kind: 'none', packed: new Uint8Array(MINHASH_SIZE) }, 0, 1_002, undefined)
      // A malformed record's short or long signature: the rest of the slot is cleared, the excess cut.
      append(ring, { ...long, packed: BASE[1]!.subarray(0, 10) }, 0, 1_003, '9')
      append(ring, { ...long, packed: new Uint8Array(40).fill(9) }, 0, 1_004, '10')
    }
    sameState(mine, theirs)
  })
})

describe('the accounts found by one lookup (a stamped table, not a Map)', () => {
  test('counts as many accounts, with the same suspect bits, as the reference when a wave fills every chain', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 300 }), (posters) => {
        const mine = createStatusRing(512)
        const theirs = createStatusRing(512)
        const keys = Uint32Array.from(KEYS.slice(0, 6).concat(KEYS.slice(0, 2)))
        posters.forEach(([author, flags], i) => {
          // Filed under the lookup's key in some tables only: each chain holds other statuses.
          const filed = keys.map((key, table) => ((i + table) % 3 === 0 ? key : KEYS[(i + table) % KEYS.length]! ^ 0x00f00000))
          ringAppend(mine, { kind: 'long', packed: BASE[0]!, keys: filed, author }, flags, 1_000, undefined)
          referenceAppend(theirs, { kind: 'long', packed: BASE[0]!, keys: filed, author }, flags, 1_000, undefined)
        })
        const record = { kind: 'long' as const, packed: BASE[0]!, keys, author: 7, id: undefined }
        const found = ringTextCopies(mine, record, 0, 1_000, 60, { repeats: 0, seen: false })
        expect(found).toEqual(referenceTextCopies(theirs, record, 0, 1_000, 60, { repeats: 0 }))
        if (posters.length >= 200) expect(found!.accounts).toBeGreaterThan(40)
        // A second lookup starts from an empty table.
        expect(ringTextCopies(mine, record, 4, 1_000, 60)).toEqual(referenceTextCopies(theirs, record, 4, 1_000, 60))
      }),
      { numRuns: 300 },
    )
  })
})

describe('chainWalk (on the cursor) against the reference walk', () => {
  test('visits the same slots with the same link words, for any step limit, tag rule and early stop', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(...KEYS)), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 4, max: 32 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 10 }),
        (inserts, capacity, maxSteps, anyTag, stopAfter) => {
          const index = createChainIndex(2, capacity)
          inserts.forEach(([table, key], sequence) => chainInsert(index, table, key, sequence))
          const total = inserts.length
          const kept = Math.min(total, capacity)
          for (const table of [0, 1]) {
            for (const key of KEYS) {
              const a: number[][] = []
              const b: number[][] = []
              chainWalk(index, table, key, total, kept, maxSteps, (slot, word) => a.push([slot, word]) < stopAfter, anyTag)
              referenceChainWalk(index, table, key, total, kept, maxSteps, (slot, word) => b.push([slot, word]) < stopAfter, anyTag)
              expect(a).toEqual(b)
            }
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
