import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CONFUSABLE_TO_ASCII } from '../../src/data/confusables.js'
import { foldForMatching, NEEDS_FULL_FOLD, needsFullFold } from '../../src/text/fold-for-matching.js'
import { INVISIBLE_CLASS } from '../../src/text/invisible.js'

describe('foldForMatching', () => {
  describe('folds to ASCII', () => {
    // name | input | folded
    test.each([
      ['plain upper case', 'DISCORD.GG/ABC', 'discord.gg/abc'],
      ['fullwidth letters (NFKC)', 'ｄｉｓｃｏｒｄ．ｇｇ', 'discord.gg'],
      ['mathematical bold', '𝐝𝐢𝐬𝐜𝐨𝐫𝐝', 'discord'],
      ['mathematical sans-serif italic', '𝘥𝘪𝘴𝘤𝘰𝘳𝘥', 'discord'],
      ['circled letters', 'ⓓⓘⓢⓒⓞⓡⓓ', 'discord'],
      ['Cyrillic homoglyphs', 'dіѕсоrd', 'discord'],
      ['upper-case Cyrillic homoglyphs', 'DІЅСОRD', 'discord'],
      ['Greek homoglyphs', 'dιscοrd', 'discord'],
      ['mixed fullwidth and Cyrillic', 'ｄіѕсоrd.gg/ABC', 'discord.gg/abc'],
      ['ligatures', 'ﬁle', 'file'],
      ['roman numerals', 'Ⅻ', 'xii'],
    ])('%s', (_name, input, folded) => {
      expect(foldForMatching(input)).toBe(folded)
    })
  })

  describe('removes invisible characters', () => {
    // name | input
    test.each([
      ['zero-width space', 'disc\u200bord'],
      ['zero-width joiner and non-joiner', 'dis\u200dco\u200crd'],
      ['word joiner', 'disc\u2060ord'],
      ['soft hyphen', 'disc\u00adord'],
      ['byte order mark', '\ufeffdiscord'],
      ['right-to-left override', '\u202edisc\u202cord'],
      ['left-to-right mark', 'disc\u200eord'],
      ['Hangul filler', 'disc\u3164ord'],
      ['variation selector', 'disc\ufe0ford'],
      ['tag characters', 'disc\u{e0041}\u{e0042}ord'],
    ])('%s', (_name, input) => {
      expect(foldForMatching(input)).toBe('discord')
    })
  })

  describe('drops marks on ASCII letters', () => {
    // name | input | folded
    test.each([
      ['zalgo text', 'd\u0338i\u0338s\u0301\u0302c\u0303o\u0336r\u0334d\u0335', 'discord'],
      ['precomposed accents', 'dïscörd', 'discord'],
      ['accented Latin words', 'Café Crème', 'cafe creme'],
      ['Cyrillic with diaeresis', 'ёї', 'ei'],
    ])('for %s', (_name, input, folded) => {
      expect(foldForMatching(input)).toBe(folded)
    })
  })

  describe('leaves Japanese and other scripts readable', () => {
    // name | input | folded
    test.each([
      ['hiragana and kanji', '荒らし共栄圏 公式サイト', '荒らし共栄圏 公式サイト'],
      ['kana with dakuten', 'ガギグゲゴ', 'ガギグゲゴ'],
      ['combining dakuten composes', 'か\u3099', 'が'],
      ['halfwidth katakana becomes fullwidth', 'ｶﾞｿﾞﾘﾝ', 'ガゾリン'],
      ['halfwidth katakana with handakuten', 'ﾊﾟﾝ', 'パン'],
      ['Korean', '한국괴물군', '한국괴물군'],
      ['German sharp s', 'Straße', 'straße'],
      ['emoji', 'hi 👋🏽', 'hi 👋🏽'],
    ])('%s', (_name, input, folded) => {
      expect(foldForMatching(input)).toBe(folded)
    })
  })

  describe('is idempotent', () => {
    // input
    test.each([
      ['ｄіѕсоrd.gg/ABC'],
      ['ｶﾞｿﾞﾘﾝ'],
      ['d\u0338i\u0338s\u0338'],
      ['Σίσυφος'],
      ['ǅemal'],
      ['İstanbul'],
      ['\u202e\u200bmixed 𝐁𝐎𝐋𝐃 テキスト'],
    ])('for %j', (input) => {
      const once = foldForMatching(input)
      expect(foldForMatching(once)).toBe(once)
    })
  })
})

describe('NEEDS_FULL_FOLD', () => {
  test('matches every character of the look-alike table, so the shortcut never skips a fold', () => {
    for (const char of Object.keys(CONFUSABLE_TO_ASCII)) expect(NEEDS_FULL_FOLD.test(char), char).toBe(true)
  })
  test('does not match kana, kanji, hangul or emoji, which take the shortcut', () => {
    for (const char of ['が', 'ガ', '荒', '한', '😀', 'ー']) expect(NEEDS_FULL_FOLD.test(char), char).toBe(false)
  })
  test('needsFullFold agrees with it on every code point, lone surrogates and mixed text', () => {
    const disagree: string[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code)
      if (needsFullFold(char) !== NEEDS_FULL_FOLD.test(char)) disagree.push(code.toString(16))
    }
    expect(disagree).toEqual([])
    for (const text of ['画像が貼れなかった😀', 'ｄｉｓｃｏｒｄ．ｇｇ', 'dïscord', 'a\u0301', '荒\u3099', '\ud83c', '\udc00x', '\ud834\udd65', 'ℓ', '🄰', '𝐝']) {
      expect(needsFullFold(text), text).toBe(NEEDS_FULL_FOLD.test(text))
    }
  })
})

describe('foldForMatching removes every invisible character', () => {
  // name | text
  test.each([
    ['a zero-width space', 'disc\u200bord'],
    ['a variation selector', 'disc\ufe0ford'],
    ['a supplementary variation selector (U+E0100)', 'disc\u{e0100}ord'],
    ['a tag character', 'disc\u{e0041}ord'],
    ['a soft hyphen', 'disc\u00adord'],
  ])('%s', (_name, text) => {
    expect(foldForMatching(text)).toBe('discord')
  })
})

describe('foldForMatching copies ASCII runs whole', () => {
  const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu')
  /** The fold written one code point at a time, as it was before ASCII runs were copied whole. */
  function reference(text: string): string {
    if (!/[^\u0000-\u007f]/u.test(text)) return text.toLowerCase()
    const nfkc = text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')
    if (!/[^\u0000-\u007f]/u.test(nfkc) || !NEEDS_FULL_FOLD.test(nfkc)) return nfkc
    let out = ''
    let previousAscii = false
    for (const char of nfkc) {
      const code = char.charCodeAt(0)
      if (code < 0x80) {
        out += char
        previousAscii = true
        continue
      }
      let mapped = CONFUSABLE_TO_ASCII[char]
      if (mapped === undefined && code < 0x1f00) {
        const nfd = char.normalize('NFD')
        if (nfd !== char) {
          const base = nfd[0] ?? ''
          mapped = base.charCodeAt(0) < 0x80 ? base : CONFUSABLE_TO_ASCII[base]
        }
      }
      if (mapped !== undefined) {
        out += mapped
        previousAscii = true
      } else if (previousAscii && /\p{Mn}/u.test(char)) {
        // dropped
      } else {
        out += char
        previousAscii = false
      }
    }
    return out
  }

  test('gives what the one-code-point-at-a-time fold gives', () => {
    const char = fc.constantFrom(...['a', 'Z', ' ', '.', 'é', 'ï', 'Ｄ', 'і', 'ѕ', 'о', 'Α', 'β', '\u0301', '\u0338', 'が', '゙', '荒', '𝐝', '😀', '\u200b', 'ℓ', 'ß', 'İ', '\ud835', '\udc1d', 'ạ'])
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const text = chars.join('')
        expect(foldForMatching(text)).toBe(reference(text))
      }),
      { numRuns: 3_000 },
    )
  })
})
