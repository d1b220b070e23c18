import { describe, expect, test } from 'vitest'
import { createSpamFilter, type Verdict } from '../../src/index.js'
import { statusMaker, strangers } from './fixtures.js'

const SPAM = 'Dear friends, I am offering cheap followers and likes for your account, message me today for prices'
const signals = (verdict: Verdict) => verdict.reasons.map((r) => r.signal)
// A re-encoded copy of the documented SPAM-can image (spam-indicators.json), and an unrelated picture.
const PICTURE = { blurhash: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', width: 800, height: 600 }

describe('filter.markSpam', () => {
  describe('makes later copies spam from their first sighting', () => {
    // columns: case, copy text
    test.each([
      ['the same text', SPAM],
      ['shuffled words with other mentions', SPAM.split(' ').reverse().join(' ')],
      ['fullwidth letters', SPAM.replace(/[a-z]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ])('for %s', (_case, copy) => {
      const filter = createSpamFilter()
      const make = statusMaker()
      expect(filter.markSpam(make('first', SPAM))).toBe(true)
      const verdict = filter.classify(make('another', copy, { bare: true, mentions: strangers(5) }))
      expect(verdict.label).toBe('spam')
      expect(verdict.reasons.find((r) => r.signal === 'known-spam-text')?.message).toBe('The text matches a status you marked as spam.')
    })

    test('for its pictures, even from an account the viewer follows (blatant)', () => {
      const filter = createSpamFilter({ viewer: { acct: 'me@good.example', follows: ['pal@spam.example'] } })
      const make = statusMaker()
      filter.markSpam(make('first', '', { media: [PICTURE] }))
      const verdict = filter.classify(make('pal@spam.example', 'look at this', { bare: true, media: [PICTURE] }))
      expect(verdict.reasons.find((r) => r.signal === 'known-spam-image')?.evidence).toEqual(['a picture you marked as spam'])
      // Without the blatant flag, a followed author's verdict would be cleared to 'clean'; with
      // it, trust does not count at all.
      expect(verdict.reasons.map((r) => r.signal)).not.toContain('followed-author')
      expect(verdict.label).toBe('spam')
    })
  })

  test('returns false for input that holds no status', () => {
    expect(createSpamFilter().markSpam('nothing')).toBe(false)
  })
})

describe('filter.markNotSpam', () => {
  test('makes the author\'s statuses clean', () => {
    const filter = createSpamFilter()
    const make = statusMaker()
    filter.markNotSpam(make('organizer', 'Meetup tonight!'))
    const verdict = filter.classify(make('organizer', 'Meetup tonight, everyone welcome', { mentions: strangers(1) }))
    expect(verdict).toMatchObject({ label: 'clean', reasons: [{ signal: 'allow-list', evidence: ['@organizer@good.example'] }] })
  })

  test('stops its text counting as copies from other accounts', () => {
    const filter = createSpamFilter()
    const make = statusMaker()
    const statuses = ['a', 'b', 'c'].map((user, i) => make(user, SPAM, { bare: true, mentions: strangers(i) }))
    filter.observe(statuses.slice(0, 2))
    filter.markNotSpam(statuses[0])
    expect(signals(filter.classify(statuses[2]))).not.toContain('near-duplicate')
  })

  test('undoes markSpam for the same text and pictures', () => {
    const filter = createSpamFilter()
    const make = statusMaker()
    filter.markSpam(make('first', SPAM, { media: [PICTURE] }))
    filter.markNotSpam(make('second', SPAM, { media: [PICTURE] }))
    const verdict = filter.classify(make('third', SPAM, { media: [PICTURE] }))
    expect(signals(verdict)).not.toContain('known-spam-text')
    expect(signals(verdict)).not.toContain('known-spam-image')
  })
})
