import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

import { compactForPhrases, compilePhrase, createPhraseMatcher, matchPhrases, phraseMatches, type CompiledPhrase } from '../../src/rules/phrase-pattern.js'

function compiled(pattern: string): CompiledPhrase {
  const result = compilePhrase(pattern, false, undefined)
  if (typeof result === 'string') throw new Error(result)
  return result
}

const matches = (pattern: string, text: string): boolean => phraseMatches(compiled(pattern), compactForPhrases(text))

describe('compilePhrase', () => {
  describe('matches', () => {
    // pattern | text
    test.each([
      ['画像が貼れなかったのでメンションだけします', '@a @b 画像が貼れなかったのでメンションだけします'],
      ['"画像が貼れなかったので メンションだけします"', '画像が 貼れなかったのでメンション　だけします'],
      ['"fediverse chick"', 'call me the ＦＥＤＩＶＥＲＳＥ  Chick :D'],
      ['"fediverse chick"', 'call me the fediverse\nchick'],
      ['"fediverse chick"', 'call me the f\u200bediverse chick'],
      ['"fediverse chick"', 'call me the f\u0435diverse chick'],
      ['"discord"', 'ｄіѕсоrd'],
      ['verify mastodon', 'Mastodon says: please verify'],
      ['verif* "mastodon support team"', 'Complete verification now. — Mastodon Support Team'],
      ['"made me $* in 3 hours"', 'BTCTurboMiner Made Me $500 in 3 Hours'],
      ['discord -"our server"', 'join discord.gg/x'],
      ['荒らし共栄圏', '荒らし共栄圏 公式サイト'],
      ['한국괴물군', '한국괴물군'],
      ['#鈴木哲哉', 'よろしく #鈴木哲哉'],
      ['"verify your account"', 'please verify-your.account now'],
      ['"verify your account"', 'v.e.r.i.f.y your a-c-c-o-u-n-t'],
      ['"verify your account"', 'ᴠᴇʀɪꜰʏ ʏᴏᴜʀ ᴀᴄᴄᴏᴜɴᴛ'],
      ['"verify your account"', 'verify 🔥 your 🔥 account'],
      ['"fediverse chick"', 'call me the 🅵🅴🅳🅸🆅🅴🆁🆂🅴 chick'],
      ['"画像が貼れなかった"', '画像か\u3099貼れなかった'],
    ])('%s in %j', (pattern, text) => {
      expect(matches(pattern, text)).toBe(true)
    })
  })

  describe('does not match', () => {
    // pattern | text
    test.each([
      ['verify mastodon', 'please verify your e-mail'],
      ['"made me $* in 3 hours"', 'in 3 hours it made me $500'],
      ['discord -"our server"', 'join our server on discord'],
      ['#鈴木哲哉', '鈴木哲哉さんのニュース'],
      ['"fediverse chick"', 'the fediverse is nice, chick'],
    ])('%s in %j', (pattern, text) => {
      expect(matches(pattern, text)).toBe(false)
    })
  })

  describe('rejects', () => {
    // pattern | what the problem says
    test.each([
      ['', 'is empty'],
      ['   ', 'is empty'],
      ['/disc(o|0)rd/', 'regular expression'],
      ['"unclosed', 'unclosed'],
      ['* **', 'nothing to match'],
      ['-only -excluded', 'only excluded terms'],
      ['x'.repeat(501), 'longer than 500'],
      [Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), 'more than 16 terms'],
    ])('%j', (pattern, problem) => {
      expect(compilePhrase(pattern, false, undefined)).toEqual(expect.stringContaining(problem))
    })
  })

  test('keeps the pattern, blatant flag and note', () => {
    expect(compilePhrase('a "b c"', true, 'a note')).toEqual({ pattern: 'a "b c"', required: [['a'], ['bc']], excluded: [], blatant: true, note: 'a note', words: [[], []] })
  })

  test('runs once over a megabyte of hostile text', () => {
    // Many near-misses for every piece: indexOf moves forward only, so this is one pass per piece.
    const hostile = 'aaaaaaaaab'.repeat(100_000)
    expect(phraseMatches(compiled('a*a*a*a*a*a*a*a*c "aaaaaaaaaaaaac"'), compactForPhrases(hostile))).toBe(false)
  })
})

describe('compactForPhrases', () => {
  test('keeps letters, digits and # of the skeleton only', () => {
    const char = fc.constantFrom(...'aZ 3.ｄＩ𝐝іѕсоΑαβ荒らしカナ한국\u200b\u3000\n\u0301é゙ßİK❤ạñÅℓⓐ²#-!'.split(''))
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        expect(compactForPhrases(chars.join(''))).toMatch(/^[\p{L}\p{N}#]*$/u)
      }),
      { numRuns: 500 },
    )
  })
})

describe('matchPhrases', () => {
  const phrases = ['画像が貼れなかったのでメンションだけします', '"fediverse chick"', 'verify "mastodon account"', 'btc*miner', '荒らし共栄圏 -警告'].map(compiled)

  // text | patterns that match
  test.each([
    ['画像が 貼れなかったので　メンションだけします', ['画像が貼れなかったのでメンションだけします']],
    ['call me the ＦＥＤＩＶＥＲＳＥ chick', ['"fediverse chick"']],
    ['Please vеrify your Mastodon аccount', ['verify "mastodon account"']],
    ['BTCTurboMiner made me rich', ['btc*miner']],
    ['荒らし共栄圏の警告です', []],
    ['ordinary words about gardening', []],
    ['普通の日本語の投稿です', []],
  ])('finds in %j: %j', (text, patterns) => {
    expect(matchPhrases(phrases, text).map((p) => p.pattern)).toEqual(patterns)
  })

  test('the multi-pattern matcher gives what checking every phrase on the compact text gives', () => {
    // Pieces that split, join, widen, case, disguise and punctuate the phrases' letters.
    const pieces = ['fedi', 'verse', ' ', 'Chi', 'ck', 'ＣＨＩＣＫ', 've', 'rify', 'VERIFY', 'mast', 'odon', 'acc', 'ount', 'а', 'btc', 'turbo', 'miner', '-', '.', '*', '\u200b', '\n', 'x', '画像', 'が', '貼れなかった', 'ｖｅｒｉｆｙ', 'é', 'made me $500 in', 'scam', '荒らし', '共栄圏', '警告', 'ᴍ', '#']
    const all = [...phrases, compiled('"made me $* in"'), compiled('btc*miner -scam'), compiled('a*b*a'), compiled('#鈴木哲哉')]
    const matcher = createPhraseMatcher(all)
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('')
        const slow = all.filter((p) => phraseMatches(p, compactForPhrases(text)))
        expect(matchPhrases(all, text, matcher)).toEqual(slow)
      }),
      { seed: 20240216, numRuns: 4000 },
    )
  })
})
