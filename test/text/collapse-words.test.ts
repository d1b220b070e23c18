import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { collapseWords } from '../../src/text/shingles.js'

/** The definition: the regular expression collapseWords replaces. */
const reference = (text: string): string => text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()

describe('collapseWords (the separators of the key text): the table of word units', () => {
  test('agrees with the expression on every code unit of the Basic Multilingual Plane, alone, inside a word and between spaces', () => {
    const wrong: number[] = []
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code)
      for (const text of [unit, `ab${unit}cd`, `a ${unit} b`, `${unit}${unit} x`]) {
        if (collapseWords(text) !== reference(text)) wrong.push(code)
      }
    }
    expect(wrong).toEqual([])
  })

  test('returns text already collapsed as the same string, and builds a new one otherwise', () => {
    expect(collapseWords('already clean text 日本語 ok')).toBe('already clean text 日本語 ok')
    expect(collapseWords('not  clean ')).toBe('not clean')
    expect(collapseWords(' lead')).toBe('lead')
    expect(collapseWords('a\u3000b')).toBe('a b')
  })

  test('equals the expression on random text from many scripts (astral characters and lone surrogates included)', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', '0', ' ', '  ', '.', 'é', '\u0301', 'ß', 'ж', 'ع', 'क', '\u094d', 'ก', 'あ', 'ア', '日', '한', '\u3000', '\u200b', '\u00a0', '😀', '𝟘', '\ud800', '\udc00', '\n'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 50 }), (units) => {
        const text = units.join('')
        expect(collapseWords(text)).toBe(reference(text))
      }),
      { numRuns: 5_000 },
    )
  })
})
