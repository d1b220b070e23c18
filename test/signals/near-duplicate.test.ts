import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { classifyStatus, createSpamFilter, type Verdict } from '../../src/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'

const EN = 'Hello friend, our group is giving away free art commissions to everyone who joins the server this week. Do not miss it'
const JA = 'こんにちは、私たちのサーバーに参加した人全員に今週限定で無料のイラストをプレゼントしています。ぜひ参加してください'

const shuffle = (words: string[]): string[] => words.map((w, i) => [w, (i * 7919) % 13] as const).sort((a, b) => a[1] - b[1]).map(([w]) => w)
const zeroWidth = (text: string): string => Array.from(text).map((c, i) => (i % 3 === 2 ? `${c}\u200b` : c)).join('')
const fullwidth = (text: string): string => text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const truncate = (text: string): string => Array.from(text).slice(0, Math.ceil(Array.from(text).length * 0.75)).join('')
const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', c: 'с', p: 'р' }
// Kanji that look like katakana: 一 (one) for the long-vowel mark ー, 卜 (divination) for ト.
const JA_LOOKALIKES: Record<string, string> = { ー: '一', ト: '卜' }
const HALFWIDTH: Record<string, string> = { サ: 'ｻ', ー: 'ｰ', バ: 'ﾊﾞ', イ: 'ｲ', ラ: 'ﾗ', ス: 'ｽ', プ: 'ﾌﾟ', レ: 'ﾚ', ゼ: 'ｾﾞ', ン: 'ﾝ', ト: 'ﾄ' }

// columns: disguise name, English copy, Japanese copy
const DISGUISES: [string, string, string][] = [
  ['an inserted name', EN.replace('friend,', 'friend Alice Marigold,'), `田中さん、${JA}`],
  ['zero-width characters', zeroWidth(EN), zeroWidth(JA)],
  ['look-alike letters', EN.replace(/[aeocp]/gu, (c) => HOMOGLYPHS[c] ?? c), JA.replace(/[ート]/gu, (c) => JA_LOOKALIKES[c] ?? c)],
  ['fullwidth forms', fullwidth(EN), JA.replace(/[サーバイラスプレゼント]/gu, (c) => HALFWIDTH[c] ?? c)],
  ['shuffled words', shuffle(EN.split(' ')).join(' '), JA.split('。').reverse().join('。')],
  ['truncation', truncate(EN), truncate(JA)],
]

/** Two accounts post `original`, a third posts `copy`: the verdict of the copy. */
function thirdCopy(original: string, copy: string, bare = true): Verdict {
  const filter = createSpamFilter()
  const make = statusMaker()
  filter.classify(make('xk3v9qm2pa', original, { bare, mentions: strangers(1) }))
  filter.classify(make('b7tq0zr5wd', original, { bare, mentions: strangers(2) }))
  return filter.classify(make('m4hs8ye1uc', copy, { bare, mentions: strangers(3) }))
}

const reason = (verdict: Verdict, signal: string) => verdict.reasons.find((r) => r.signal === signal)

describe('nearDuplicate', () => {
  describe('fires', () => {
    test.each(DISGUISES)('for a copy disguised by %s (the disguise changes the text)', (_name, english, japanese) => {
      expect(english).not.toBe(EN)
      expect(japanese).not.toBe(JA)
    })

    test.each(DISGUISES)('for a copy disguised by %s (English)', (_name, english) => {
      const verdict = thirdCopy(EN, english)
      expect(reason(verdict, 'near-duplicate')?.evidence[0]).toBe('3 accounts')
      expect(verdict.label).toBe('spam')
    })

    test.each(DISGUISES)('for a copy disguised by %s (Japanese)', (_name, _english, japanese) => {
      const verdict = thirdCopy(JA, japanese)
      expect(reason(verdict, 'near-duplicate')?.evidence[0]).toBe('3 accounts')
      expect(verdict.label).toBe('spam')
    })

    test('for copies with different mentions, naming the first status seen', () => {
      const verdict = thirdCopy(EN, EN)
      const hit = reason(verdict, 'near-duplicate')
      expect(hit?.evidence[1]).toMatch(/^first seen 2026-11-20T12:01:00\.000Z: status 113500000000000001$/u)
      expect(hit?.message).toBe('3 accounts posted the same or nearly the same text within 24 hours.')
    })

    test('more strongly when the copies come from bare accounts that mention strangers', () => {
      const plain = reason(thirdCopy(EN, EN, false), 'near-duplicate')?.score ?? 0
      const bare = reason(thirdCopy(EN, EN, true), 'near-duplicate')?.score ?? 0
      expect(plain).toBeGreaterThan(0)
      expect(bare).toBeGreaterThan(plain)
    })

    test('for a short text copied by bare accounts mentioning strangers', () => {
      const verdict = thirdCopy('画像が貼れなかったのでメンションだけします', '画像が貼れなかったのでメンションだけします')
      expect(reason(verdict, 'near-duplicate')?.message).toBe('3 accounts posted this same short text within 24 hours.')
    })

    test('from the number of accounts set by memory.minAccounts', () => {
      const filter = createSpamFilter({ memory: { minAccounts: 2 } })
      const make = statusMaker()
      filter.classify(make('xk3v9qm2pa', EN, { bare: true, mentions: strangers(1) }))
      expect(reason(filter.classify(make('b7tq0zr5wd', EN, { bare: true, mentions: strangers(2) })), 'near-duplicate')?.evidence[0]).toBe('2 accounts')
    })

    test('for a 100 000-character post, read in linear time without throwing', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const long = 'spam '.repeat(20_000)
      for (const user of ['a', 'b']) filter.classify(make(user, long))
      expect(reason(filter.classify(make('c', long)), 'near-duplicate')?.evidence[0]).toBe('3 accounts')
    })
  })

  describe('stays silent', () => {
    test('in classifyStatus, which has no memory', () => {
      const make = statusMaker()
      const status = make('xk3v9qm2pa', EN, { bare: true, mentions: strangers(1) })
      expect(reason(classifyStatus(status), 'near-duplicate')).toBeUndefined()
      expect(reason(classifyStatus(status), 'near-duplicate')).toBeUndefined()
    })

    test('for two accounts when three are needed', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      filter.classify(make('xk3v9qm2pa', EN, { bare: true, mentions: strangers(1) }))
      expect(reason(filter.classify(make('b7tq0zr5wd', EN, { bare: true, mentions: strangers(2) })), 'near-duplicate')).toBeUndefined()
    })

    test('for the same status classified again', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const statuses = [make('xk3v9qm2pa', EN), make('b7tq0zr5wd', EN)]
      for (const status of [...statuses, ...statuses, ...statuses]) expect(reason(filter.classify(status), 'near-duplicate')).toBeUndefined()
      expect(filter.memorySize()).toBe(2)
    })

    test('for unrelated texts', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      filter.classify(make('a', 'The bakery on the corner sells the best sourdough bread in the whole city, honestly'))
      filter.classify(make('b', 'Our cat learned to open the fridge door and now we have to tape it shut every night'))
      expect(reason(filter.classify(make('c', EN)), 'near-duplicate')).toBeUndefined()
    })

    // columns: phrase many people post on their own
    test.each([['Happy new year!'], ['あけましておめでとうございます'], ['Good morning everyone']])('for "%s" from many ordinary accounts', (phrase) => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const verdicts = ['a', 'b', 'c', 'd', 'e', 'f'].map((user) => filter.classify(make(user, phrase)))
      for (const verdict of verdicts) expect(reason(verdict, 'near-duplicate')).toBeUndefined()
    })

    test('for a templated bot repeating itself (own fixture)', () => {
      // Shaped after the "loveletter" bot of the mastodon-api fixtures: one account, one template.
      const filter = createSpamFilter()
      const make = statusMaker()
      const names = ['DARLING DUCK', 'HONEY MOPPET', 'DEAR LOVE', 'SWEETHEART CHICKPEA', 'FANCIFUL DEAR', 'HONEY DUCK']
      for (const name of names) {
        const verdict = filter.classify(make('loveletter@botsin.example', `${name}\nYOU ARE MY SWEET LOVE. MY INFATUATION CLINGS TO YOUR AMOROUS FELLOW FEELING. YOURS BEAUTIFULLY, M.U.C.`))
        expect(verdict.reasons.map((r) => r.signal)).not.toContain('near-duplicate')
      }
    })

    // Read at test time, never copied; a machine without ../shared reports this test as skipped
    // (the own templated-bot fixture above always runs).
    const corpus = new URL('../../../shared/corpus/ham/mastodon-statuses.jsonl', import.meta.url)
    test.runIf(existsSync(corpus))('for the templated bots of the real ham corpus', () => {
      const filter = createSpamFilter()
      const lines = readFileSync(corpus, 'utf8').split('\n').filter((line) => line.trim() !== '')
      const statuses = lines.map((line) => (JSON.parse(line) as { status: unknown }).status)
      const bots = lines.filter((line) => line.includes('"loveletter"') || line.includes('archlinux@pokemon.men'))
      expect(bots.length).toBeGreaterThan(20)
      for (const status of statuses) {
        const signals = filter.classify(status).reasons.map((r) => r.signal)
        expect(signals).not.toContain('near-duplicate')
        expect(signals).not.toContain('image-duplicate')
        expect(signals).not.toContain('known-spam-image')
      }
    })
  })
})
