/**
 * The expressions with Unicode property classes that the transformers build on first use
 * (`lazy`, so that QuickJS does not compile them when the module is parsed) are the expressions
 * written as literals here: same source, same flags, same matches on sample texts.
 */
import { describe, expect, test } from 'vitest'
import { MARKS } from '../../src/text/transformers/skeleton-chars.js'
import { SPACED_LETTER_EXPRESSIONS } from '../../src/text/transformers/spaced-letters.js'
import { spelledPunctuation } from '../../src/text/transformers/spelled-punctuation.js'
import { lazy } from '../../src/text/transformers/types.js'

const SINGLE = String.raw`(?:[a-z0-9]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])`
const LITERALS: [string, RegExp, RegExp][] = [
  ['SPACED', SPACED_LETTER_EXPRESSIONS.SPACED(), new RegExp(String.raw`${SINGLE}(?<![\p{L}\p{N}]${SINGLE}|[\p{L}\p{N}][^\p{L}\p{N}\s]${SINGLE})(?:[^\p{L}\p{N}\n]{1,4}${SINGLE}){2,}(?![\p{L}\p{N}])`, 'gu')],
  ['SPACED_ASCII', SPACED_LETTER_EXPRESSIONS.SPACED_ASCII(), /[a-z0-9](?<![\p{L}\p{N}][a-z0-9]|[\p{L}\p{N}][^\p{L}\p{N}\s][a-z0-9])(?:[^\p{L}\p{N}\n]{1,4}[a-z0-9]){2,}(?![\p{L}\p{N}])/gu],
  ['CJK', SPACED_LETTER_EXPRESSIONS.CJK(), /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['SEPARATOR', SPACED_LETTER_EXPRESSIONS.SEPARATOR(), /[^a-z0-9\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu],
  ['SINGLE_BESIDE_SINGLE', SPACED_LETTER_EXPRESSIONS.SINGLE_BESIDE_SINGLE(), /[a-z0-9](?:(?![a-z0-9])[^\p{L}\p{N}\n]{1,4}[\p{L}\p{N}](?![\p{L}\p{N}])|(?<=(?:^|[^\p{L}\p{N}])[\p{L}\p{N}][^\p{L}\p{N}\n]{1,4}[a-z0-9])(?![a-z0-9]))/u],
  ['LETTER_OR_DIGIT', spelledPunctuation().letterOrDigit, /[\p{L}\p{N}]/u],
  ['MARKS', MARKS(), /\p{M}/gu],
]
const SAMPLES = ['d i s c o r d . g g', '荒 ら し . c o m', 'a-b-c', 'é\u0301x', 'ﾃﾞｨｽｺｰﾄﾞ', 'I am a cat', 'x 荒 y 荒 z', '1 2 3 4', '']

describe('expressions built on first use', () => {
  test.each(LITERALS)('%s is the literal', (_, built, literal) => {
    expect(built.source).toBe(literal.source)
    expect(built.flags).toBe(literal.flags)
    for (const text of SAMPLES) expect(text.match(new RegExp(built.source, built.flags.includes('g') ? built.flags : `${built.flags}g`))).toEqual(text.match(new RegExp(literal.source, literal.flags.includes('g') ? literal.flags : `${literal.flags}g`)))
  })

  test('lazy builds one expression, on the first call', () => {
    const get = lazy('a+', 'g')
    const first = get()
    expect(first).toBeInstanceOf(RegExp)
    expect(get()).toBe(first)
    expect('caab'.match(first)).toEqual(['aa'])
  })
})
