import { describe, expect, test } from 'vitest'
import { estimateJaccard, lshBandKeys, LSH_BANDS, minhashSignature, MINHASH_SIZE, packSignature } from '../../src/text/minhash.js'
import { wordShingles } from '../../src/text/shingles.js'

const packed = (text: string) => {
  const out = new Uint8Array(MINHASH_SIZE)
  packSignature(minhashSignature(wordShingles(text)), out)
  return out
}
const similarity = (a: string, b: string) => estimateJaccard(packed(a), 0, packed(b), 0)
const BASE = 'our group is giving away free art commissions to everyone who joins the server this week'

describe('minhashSignature', () => {
  test('is deterministic across calls', () => {
    expect(minhashSignature(wordShingles(BASE))).toEqual(minhashSignature(wordShingles(BASE)))
  })

  test('is the signature 0.2.0 wrote, densified bins included (exported memories and shared Redis stores compare signatures made by other processes and builds)', () => {
    // Pinned from the build that built the probe table at load (0fc7170), before the table became lazy.
    const pinned = [34591853, 72394700, 96641264, 14473300, 112493392, 100853936, 6511752, 72394700, 42008500, 100853936, 67185033, 33520974, 112493392, 14473300, 21517694, 96641264, 109256495, 109256495, 14473300, 100853936, 96641264, 67185033, 67185033, 34591853, 14473300, 112493392, 109256495, 112493392, 96641264, 14473300, 33520974, 42008500]
    expect([...minhashSignature(wordShingles('free nitro here'))]).toEqual(pinned)
  })

  test('is all 0xffffffff for an empty set', () => {
    expect([...minhashSignature(new Int32Array(0))].every((v) => v === 0xffffffff)).toBe(true)
  })
})

describe('estimateJaccard', () => {
  // columns: case, other text, lowest estimate, highest estimate
  test.each([
    ['the same text', BASE, 1, 1],
    ['one word changed', BASE.replace('free', 'cheap'), 0.7, 1],
    ['an unrelated text', 'the bakery on the corner sells the best sourdough bread in the whole city', 0, 0.35],
  ])('estimates %s', (_case, other, low, high) => {
    const estimate = similarity(BASE, other)
    expect(estimate).toBeGreaterThanOrEqual(low)
    expect(estimate).toBeLessThanOrEqual(high)
  })
})

describe('lshBandKeys', () => {
  test('gives one key per band, equal for equal signatures', () => {
    const keys = lshBandKeys(minhashSignature(wordShingles(BASE)))
    expect(keys).toHaveLength(LSH_BANDS)
    expect(lshBandKeys(minhashSignature(wordShingles(BASE)))).toEqual(keys)
  })

  test('shares a band between a text and a copy with one word changed', () => {
    const a = lshBandKeys(minhashSignature(wordShingles(BASE)))
    const b = lshBandKeys(minhashSignature(wordShingles(BASE.replace('free', 'cheap'))))
    expect([...a].some((key, i) => key === b[i])).toBe(true)
  })
})

describe('one-permutation MinHash with densification', () => {
  test('fills every bin: a one-shingle set repeats its one value', () => {
    const signature = minhashSignature(Int32Array.of(12345))
    expect(new Set(signature).size).toBe(1)
    expect(signature[0]).not.toBe(0xffffffff)
  })

  // Two sets of `size` shingles sharing `shared`: Jaccard = shared / (2 size − shared). Seeded sets,
  // the mean share of agreeing positions over many pairs must be the Jaccard similarity.
  // size | shared
  test.each([
    [100, 33],
    [100, 67],
    [100, 89],
    [12, 6],
  ])('estimates Jaccard without bias: %i shingles each, %i shared', (size, shared) => {
    let state = size * 1_000 + shared
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state | 0
    }
    const jaccard = shared / (2 * size - shared)
    let agree = 0
    const pairs = 400
    for (let p = 0; p < pairs; p++) {
      const common = Array.from({ length: shared }, next)
      const a = minhashSignature(Int32Array.from([...common, ...Array.from({ length: size - shared }, next)]))
      const b = minhashSignature(Int32Array.from([...common, ...Array.from({ length: size - shared }, next)]))
      for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) agree++
    }
    expect(agree / (pairs * MINHASH_SIZE)).toBeCloseTo(jaccard, 1)
  })
})
