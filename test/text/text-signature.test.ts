import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MINHASH_SIZE, minhashSignature, textSignature } from '../../src/text/minhash.js'
import { wordShingles } from '../../src/text/shingles.js'
import { referenceShingles, referenceSignature } from '../helpers/minhash-reference.js'

// Code points from many scripts, the boundary (space), surrogate halves alone and astral characters.
const POINTS = [
  0x20, 0x20, 0x20, 0x61, 0x62, 0x7a, 0x30, 0x39, 0xe9, 0x3b1, 0x3c9, 0x430, 0x44f, 0x5d0, 0x627, 0x645, 0x915, 0x94d, 0xe01, 0x3042, 0x30a2, 0x65e5, 0x672c,
  0xac00, 0xd55c, 0xff41, 0x301, 0x200d, 0xfe0f, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x1f600, 0x1d7d8, 0x20000, 0x10ffff, 0x0, 0xa, 0xffff,
]
const anyText = fc.array(fc.oneof(fc.constantFrom(...POINTS), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 400 }).map((points) =>
  // Each value as its own UTF-16 units: a lone 0xd800 stays a lone surrogate; astral values become pairs.
  points.map((p) => (p >= 0xd800 && p <= 0xdfff ? String.fromCharCode(p) : String.fromCodePoint(p))).join(''),
)
const words = fc.array(fc.stringMatching(/^[a-z]{1,3}$/u), { maxLength: 60 }).map((list) => list.join(' '))

const fused = (text: string): number[] => [...textSignature(text, new Uint32Array(MINHASH_SIZE))]

describe('textSignature (one pass) against the plain two-step reference', () => {
  test('the reference agrees with src wordShingles + minhashSignature (so the reference is what 0.2.0 wrote)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect([...wordShingles(text)]).toEqual(referenceShingles(text))
        expect([...minhashSignature(wordShingles(text))]).toEqual(referenceSignature(referenceShingles(text)))
      }),
      { numRuns: 500 },
    )
  })

  test('gives the same signature, bit for bit, on random text of many scripts, surrogates and spacing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(fused(text)).toEqual(referenceSignature(referenceShingles(text)))
      }),
      { numRuns: 3000 },
    )
  })

  test('gives the same signature on short words (1–3 letters: densified bins)', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(fused(text)).toEqual(referenceSignature(referenceShingles(text)))
      }),
      { numRuns: 2000 },
    )
  })

  test.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['one letter', 'a'],
    ['one-letter words', 'a b c d'],
    ['a lone high surrogate at the end', 'ab\ud800'],
    ['a lone low surrogate', '\udc00ab'],
    ['astral digits', '𝟘𝟙 𝟚'],
    ['Japanese without spaces', '今日はいい天気ですね本当に'],
    ['a typical post', 'our group is giving away free art commissions to everyone who joins the server this week'],
  ])('gives the same signature for %s', (_case, text) => {
    expect(fused(text)).toEqual(referenceSignature(referenceShingles(text)))
  })

  test('writes into a reused scratch array without keeping anything of the previous text', () => {
    const scratch = new Uint32Array(MINHASH_SIZE)
    textSignature('a long text about something else entirely', scratch)
    expect([...textSignature('free nitro here', scratch)]).toEqual(referenceSignature(referenceShingles('free nitro here')))
    expect([...textSignature('', scratch)].every((v) => v === 0xffffffff)).toBe(true)
  })
})
