import { describe, expect, test } from 'vitest'
import { skeleton } from '../../src/text/deobfuscate.js'
import { foldForMatching } from '../../src/text/fold-for-matching.js'

describe('foldForMatching', () => {
  test('is the skeleton of the one layer', () => {
    for (const text of ['ｄіѕсоrd (dot) gg', 'ᴅɪꜱᴄᴏʀᴅ', '画像が貼れ']) expect(foldForMatching(text)).toBe(skeleton(text))
  })

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
      ['right-to-left override (the text stored reversed)', '\u202ecsid\u202cord'],
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

  describe('leaves Japanese and other scripts readable, but for look-alikes (dakuten are marks: removed, written either way; a kana that imitates a kanji reads as the kanji, per confusables.txt)', () => {
    // name | input | folded
    test.each([
      ['hiragana and kanji', '荒らし共栄圏 公式サイト', '荒らし共栄圏 公式サ亻卜'],
      ['kana with dakuten', 'ガギグゲゴ', '力キクケコ'],
      ['combining dakuten', 'か\u3099', 'か'],
      ['halfwidth katakana becomes fullwidth', 'ｶﾞｿﾞﾘﾝ', '力ソリン'],
      ['halfwidth katakana with handakuten', 'ﾊﾟﾝ', '八ン'],
      ['katakana that imitate kanji and the kanji they imitate', 'カロエニハタトイ 力口工二八夕卜亻', '力口工二八夕卜亻 力口工二八夕卜亻'],
      ['the long-vowel mark and the kanji one', 'ーと一', 'ーとー'],
      ['hiragana he and katakana he', 'へヘ', 'へへ'],
      ['Korean', '한국괴물군', '한국괴물군'],
      ['German sharp s (case folding)', 'Straße', 'strasse'],
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

