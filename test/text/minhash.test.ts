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
