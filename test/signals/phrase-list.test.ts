import { describe, expect, test } from 'vitest'

import { classifyStatus } from '../../src/classify.js'
import { phraseList } from '../../src/signals/phrase-list.js'
import { evaluate, makeContext, normalize, withMessage } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeMentionStatus, makeStatus, someAccts } from '../helpers/make-status.js'

const saying = (html: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>${html}</p>` })

describe('phraseList', () => {
  describe('fires on the built-in wave phrases', () => {
    // case | status | blatant
    test.each([
      ['for the February 2024 sentence', makeMentionStatus(someAccts(4), '画像が貼れなかったのでメンションだけします'), true],
      ['for it spaced and widened', saying('画像が　貼れなかったので メンション だけします'), true],
      ['for the group name', saying('荒らし共栄圏 公式サイト'), false],
      ['for the Korean variant', saying('한국괴물군'), false],
      ['for the Midokuri hashtag', saying('<a href="https://example.social/tags/鈴木哲哉" class="mention hashtag" rel="tag">#<span>鈴木哲哉</span></a>'), false],
      ['for a "Mastodon Support" line', saying('Action Required: Verify Your Mastodon Account'), true],
      ['for a "Mastodon Support" signature with a verification word', saying('Please verify now.<br>Mastodon Support Team'), false],
      ['for the BTCTurboMiner line', saying('BTCTurboMiner Made Me $500 in 3 Hours!'), true],
      ['for the Fediverse Chick line', saying('Hi, I’m Nicole! But you can call me the Fediverse Chick :D'), true],
      ['for a phrase in the content warning', makeStatus({ spoiler_text: '荒らし共栄圏' }), false],
      ['for a phrase in a poll option', makeStatus({ poll: { options: [{ title: 'BTCTurboMiner made me $500 in 3 hours' }] } }), true],
    ])('%s', (_case, status, blatant) => {
      const hit = evaluate(phraseList, status)
      expect(hit?.strength).toBe(1)
      expect(hit?.blatant).toBe(blatant)
    })
  })

  test('names the phrase and the campaign', () => {
    expect(evaluate(phraseList, saying('荒らし共栄圏'))?.message).toBe('Contains the phrase "荒らし共栄圏", from the February 2024 荒らし共栄圏 wave.')
  })

  test('says "in an image" for a phrase read from an image', () => {
    const status = { ...normalize(makeStatus()), imageTexts: ['画像が貼れなかったのでメンションだけします'] }
    expect(withMessage(phraseList.id, phraseList.evaluate(status, makeContext(status)))?.message).toMatch(/^Shows in an image the phrase /u)
  })

  describe('reads the rules', () => {
    // pattern | text | fires
    test.each([
      ['"join my private server" discord', 'Join my PRIVATE server on Discord', true],
      ['"join my private server" discord', 'join my private server', false],
      ['"free nitro" -"is a scam"', 'FREE NITRO here', true],
      ['"free nitro" -"is a scam"', 'free nitro is a scam, careful', false],
      // Kana written as the kanji they resemble (イ → 亻, ト → 卜, カ → 力), and the other way round.
      ['公式サイトで無料ギフトカード', '公式サ亻卜で無料ギフ卜力ード', true],
      ['公式サ亻卜で無料ギフ卜力ード', '公式サイトで無料ギフトカード', true],
      ['公式サイトで無料ギフトカード', '公式サイトで無料ギフト', false],
    ])('%s on %j: %s', (pattern, text, fires) => {
      expect(evaluateWithRules(phraseList, saying(text), { version: 1, phrases: [pattern] }) !== undefined).toBe(fires)
    })

    test('marks a rules phrase blatant when the rule says so', () => {
      expect(evaluateWithRules(phraseList, saying('free nitro'), { version: 1, name: 'Mods', phrases: [{ pattern: 'free nitro', blatant: true }] })).toEqual({
        strength: 1,
        blatant: true,
        message: 'Contains the phrase "free nitro", from the phrase list "Mods".',
        params: { pattern: 'free nitro', inImage: false, list: 'Mods' },
        evidence: ['free nitro'],
      })
    })
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for ordinary text', saying('Hello there, nice bread today')],
      ['for the name without the hashtag', saying('鈴木哲哉さんのニュースを読んだ')],
      ['for "Mastodon Support Team" alone', saying('Thanks to the Mastodon Support Team for the new release')],
    ])('%s', (_case, status) => {
      expect(evaluate(phraseList, status)).toBeUndefined()
    })
  })

  test('with mentions of strangers, the wave sentence is spam', () => {
    expect(classifyStatus(makeMentionStatus(someAccts(4), '画像が貼れなかったのでメンションだけします', { account: { followers_count: 3, statuses_count: 10 } })).label).toBe('spam')
  })
})

describe('phraseList reads a quoted wave sentence as a warning (issue 11)', () => {
  // case | content | account | whether it reads as a warning
  test.each([
    ['an established user quoting it in quotes', 'Got this today: “画像が貼れなかったのでメンションだけします” — blocked.', {}, true],
    ['an established user quoting it next to "scam"', 'Action Required: Verify Your Mastodon Account is a scam, ignore it', {}, true],
    ['the same words from a new account', 'Got this today: “画像が貼れなかったのでメンションだけします” — blocked.', { followers_count: 3, statuses_count: 10 }, false],
  ])('%s', (_case, content, account, warning) => {
    const status = makeStatus({ content: `<p>${content}</p>`, account })
    const hit = evaluate(phraseList, status)
    expect(hit?.blatant === true).toBe(!warning)
    if (warning) expect(hit?.message).toMatch(/^Quotes the phrase .+, as a warning \(/u)
    expect(classifyStatus(status).label).toBe(warning ? 'clean' : 'spam')
  })

  test('but not with mentions of strangers (the wave\'s shape)', () => {
    const status = makeMentionStatus(someAccts(4), '“画像が貼れなかったのでメンションだけします” blocked')
    expect(evaluate(phraseList, status)?.blatant).toBe(true)
  })
})
