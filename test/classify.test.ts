import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { DAY, makeMentionStatus, makeSpamAccount, makeStatus, makeWaveStatus, NOW, someAccts } from './helpers/make-status.js'

describe('classifyStatus', () => {
  describe('labels', () => {
    // case | input | label
    test.each([
      ['the February 2024 wave shape spam', makeWaveStatus(), 'spam'],
      ['a mention Notification of the wave spam', { id: '1', type: 'mention', account: makeSpamAccount(), status: makeWaveStatus() }, 'spam'],
      ['a boost of the wave spam', makeStatus({ content: '', reblog: makeWaveStatus() }), 'spam'],
      ['the October 2024 shape (10 mentions) spam', makeMentionStatus(someAccts(10), '', { account: makeSpamAccount() }), 'spam'],
      ['an ordinary status clean', makeStatus(), 'clean'],
      ['a reply among friends with 8 mentions clean', makeMentionStatus(someAccts(8), 'see you all at the meetup on friday!', { in_reply_to_id: '1' }), 'clean'],
    ])('%s', (_case, input, label) => {
      expect(classifyStatus(input).label).toBe(label)
    })
  })

  describe('gives a clean verdict with a skipped entry', () => {
    // input | what the detail says it got
    test.each([
      [null, 'no status to classify in null'],
      [undefined, 'no status to classify in nothing (undefined)'],
      ['<p>text</p>', 'no status to classify in a string'],
      [42, 'no status to classify in a number'],
      [{}, 'no status to classify in an empty object'],
      [[makeWaveStatus()], 'a list of 1 item holding 1 post: classify each status on its own (detectInput(value).statuses lists them)'],
    ])('for %j', (input, detail) => {
      expect(classifyStatus(input)).toEqual({
        label: 'clean',
        score: 0,
        reasons: [],
        skipped: [{ signal: 'input', because: 'invalid-input', detail }],
      })
    })
  })

  describe('uses now', () => {
    test('for the account age when the status has no created_at', () => {
      const status = makeWaveStatus({ created_at: null })
      const young = classifyStatus(status, { now: NOW })
      const old = classifyStatus(status, { now: new Date(NOW + 60 * DAY) })
      expect(young.reasons.map((r) => r.signal)).toContain('new-account')
      expect(old.reasons.map((r) => r.signal)).not.toContain('new-account')
    })

    test('not when the status has created_at', () => {
      expect(classifyStatus(makeWaveStatus(), { now: NOW + 60 * DAY })).toEqual(classifyStatus(makeWaveStatus()))
    })
  })

  test('returns the same verdict for the same input (stateless)', () => {
    const status = makeWaveStatus()
    expect(classifyStatus(status)).toEqual(classifyStatus(status))
  })

  test('does not modify its input', () => {
    const status = makeWaveStatus()
    const copy = structuredClone(status)
    classifyStatus(status, { viewer: { acct: 'me@example.social', follows: [] } })
    expect(status).toEqual(copy)
  })
})
