/**
 * `lettersOf` reads a printable ASCII name by character code; it must give the letters the plain
 * reading gives (`matchableName`, then the letters kept by expression, "supporter" read as "fan")
 * for any name.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { lettersOf } from '../../src/signals/impersonation.js'
import { matchableName } from '../../src/signals/matchable-text.js'

function referenceLettersOf(name: string): string {
  const folded = matchableName(name)
  const letters = /^[\x20-\x7e]*$/u.test(folded) ? folded.replace(/[^a-z]+/gu, '') : folded.replace(/[^\p{L}]+/gu, '')
  return letters.includes('supporter') ? letters.replace(/supporters?/gu, 'fan') : letters
}

describe('lettersOf against the plain reading', () => {
  test('written names', () => {
    for (const name of ['', 'Mastodon Support', 'M4st0don $upp0rt', 'st@ff', 'Discord Nitro 2024!', 'DISCORD_SUPPORTERS', 'x0q0', 'a6b', 'Tab\there', 'イオリン', 'ＳＵＰＰＯＲＴ', 'Café Staff', '\u007f', ' ~ ']) {
      expect(lettersOf(name)).toBe(referenceLettersOf(name))
    }
    expect(lettersOf('M4st0don $upp0rt')).toBe('mastodonsupport')
  })
  test('any printable ASCII name, and any name', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 })
    const near = fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)), maxLength: 20 })
    fc.assert(
      fc.property(fc.oneof(ascii, near, fc.string(), fc.constantFrom('supporter', 'Supporters', 'SUPP0RTER5')), (name) => {
        expect(lettersOf(name)).toBe(referenceLettersOf(name))
      }),
      { seed: 20261207, numRuns: 3000 },
    )
  })
})
