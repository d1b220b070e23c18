/**
 * `isLowerAscii` says when `toLowerCase` leaves a text as it is (the cue scan reads such a text
 * through `toLowerCase`, flat): compared with the plain reading, and the text is unchanged.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isLowerAscii } from '../../src/text/ascii.js'

const reference = (text: string): boolean => /^[\u0000-\u007f]*$/u.test(text) && !/[A-Z]/u.test(text)

describe('isLowerAscii', () => {
  test('against the plain reading, for any text, joined or cut; toLowerCase leaves such text as it is', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) })
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string(), fc.string({ unit: 'binary' })), fc.oneof(ascii, fc.string()), fc.nat(40), (a, b, cut) => {
        for (const text of [a, `${a}\n${b}`, `${a}\n${b}`.slice(cut)]) {
          expect(isLowerAscii(text)).toBe(reference(text))
          if (isLowerAscii(text)) expect(text.toLowerCase()).toBe(text)
        }
      }),
      { seed: 20261207, numRuns: 2000 },
    )
  })
  test('capitals and letters outside ASCII are not', () => {
    for (const text of ['ABC', 'abc Z', 'σας', 'straße', 'İ', '\u0080']) expect(isLowerAscii(text)).toBe(false)
    for (const text of ['', '@[`{', 'plain text 123 ~\n']) expect(isLowerAscii(text)).toBe(true)
  })
})
