import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { countWords, mentionDensity } from '../../src/signals/mention-density.js'
import { evaluate, type EvaluateOptions } from '../helpers/evaluate.js'
import { makeMentionStatus, makeSpamAccount, someAccts, type StatusOverrides } from '../helpers/make-status.js'

const REPLY: StatusOverrides = { in_reply_to_id: '111938000000000000', in_reply_to_account_id: '109000000000000002' }
const SIXTEEN_WORDS = 'we are all meeting at the park on saturday at ten so bring some food please'
const VIEWER = 'me@example.social'

describe('mentionDensity', () => {
  describe('fires', () => {
    // case | mentioned accts | text after the mentions | overrides | options | strength | message
    test.each([
      ['for 2 mentions and nothing else', someAccts(2), '', {}, {}, 0.5, 'Mentions 2 accounts in a post that is not a reply, with no other text.'],
      ['for 3 mentions and nothing else', someAccts(3), '', {}, {}, 0.7, 'Mentions 3 accounts in a post that is not a reply, with no other text.'],
      ['for 4 mentions and nothing else (the February 2024 shape)', someAccts(4), '', {}, {}, 0.85, 'Mentions 4 accounts in a post that is not a reply, with no other text.'],
      ['for 5 mentions and nothing else', someAccts(5), '', {}, {}, 1, 'Mentions 5 accounts in a post that is not a reply, with no other text.'],
      ['for 10 mentions and nothing else (the October 2024 shape)', someAccts(10), '', {}, {}, 1, 'Mentions 10 accounts in a post that is not a reply, with no other text.'],
      ['for 2 mentions and a word', someAccts(2), 'hello', {}, {}, 0.35, 'Mentions 2 accounts in a post that is not a reply.'],
      ['for 3 mentions and a word', someAccts(3), 'hello', {}, {}, 0.55, 'Mentions 3 accounts in a post that is not a reply.'],
      ['for 4 mentions and a word', someAccts(4), 'hello', {}, {}, 0.7, 'Mentions 4 accounts in a post that is not a reply.'],
      ['for 5 mentions and a word', someAccts(5), 'hello', {}, {}, 0.85, 'Mentions 5 accounts in a post that is not a reply.'],
      ['for 4 mentions and Japanese spam text', someAccts(4), '画像が貼れなかったのでメンションだけします', {}, {}, 0.7, 'Mentions 4 accounts in a post that is not a reply.'],
      ['gently for 4 mentions and 16 words', someAccts(4), SIXTEEN_WORDS, {}, {}, 0.42, 'Mentions 4 accounts in a post that is not a reply.'],
      ['gently for a reply with 4 mentions', someAccts(4), 'thanks', REPLY, {}, 0.245, 'Mentions 4 accounts in a reply.'],
      ['gently for a reply with 10 mentions and nothing else', someAccts(10), '', REPLY, {}, 0.5, 'Mentions 10 accounts in a reply, with no other text.'],
      ['in full for a "reply" with 4 mentions from a minutes-old bare account', someAccts(4), 'thanks', { ...REPLY, account: makeSpamAccount() }, {}, 0.7, 'Mentions 4 accounts in a reply from a stranger.'],
      ['very gently for a letter to 2 friends (6 words or more per mention)', someAccts(2), SIXTEEN_WORDS, {}, {}, 0.105, 'Mentions 2 accounts in a post that is not a reply.'],
      [
        'at half strength when the viewer follows some of them',
        ['a@x.example', 'b@x.example', 'c@y.example', 'd@y.example'],
        'hello',
        {},
        { viewer: { acct: VIEWER, follows: ['a@x.example', 'b@x.example'] } },
        0.35,
        'Mentions 4 accounts in a post that is not a reply, 2 of them strangers to you.',
      ],
      [
        'for strangers next to the viewer',
        [VIEWER, 'stranger@x.example'],
        'hello',
        {},
        { viewer: { acct: VIEWER, follows: [] } },
        0.35,
        'Mentions 2 accounts in a post that is not a reply.',
      ],
      [
        'when the app does not say whom the viewer follows',
        someAccts(4),
        'hello',
        {},
        { viewer: { acct: VIEWER } },
        0.7,
        'Mentions 4 accounts in a post that is not a reply.',
      ],
    ] as [string, string[], string, StatusOverrides, EvaluateOptions, number, string][])('%s', (_case, accts, text, overrides, options, strength, message) => {
      const hit = evaluate(mentionDensity, makeMentionStatus(accts, text, overrides), options)
      expect(hit?.strength).toBeCloseTo(strength, 5)
      expect(hit?.message).toBe(message)
      expect(hit?.evidence).toEqual(accts.map((a) => `@${a}`))
    })

    test('with at most 20 evidence items and a count of the rest', () => {
      const hit = evaluate(mentionDensity, makeMentionStatus(someAccts(25)))
      expect(hit?.evidence).toHaveLength(21)
      expect(hit?.evidence[20]).toBe('…and 5 more')
    })
  })

  describe('stays silent', () => {
    // case | mentioned accts | text | options
    test.each([
      ['for no mention', [], 'just text', {}],
      ['for a single mention', ['bob@b.example'], '', {}],
      ['for the author mentioning themselves and one other', ['alice@example.social', 'bob@b.example'], '', {}],
      ['when the viewer follows everyone mentioned', ['a@x.example', 'b@y.example', 'c@z.example'], '', { viewer: { acct: VIEWER, follows: ['a@x.example', 'b@y.example', 'c@z.example'] } }],
      ['when the viewer follows everyone else mentioned', [VIEWER, 'a@x.example', 'b@y.example'], '', { viewer: { acct: VIEWER, follows: new Set(['a@x.example', 'b@y.example']) } }],
      ['when a follow predicate says yes to everyone', someAccts(6), '', { viewer: { acct: VIEWER, follows: () => true } }],
    ] as [string, string[], string, EvaluateOptions][])('%s', (_case, accts, text, options) => {
      expect(evaluate(mentionDensity, makeMentionStatus(accts, text), options)).toBeUndefined()
    })
  })
})

describe('countWords', () => {
  // text | words
  test.each([
    ['', 0],
    ['hello world', 2],
    ["don't stop-me now", 3],
    ['  ...  ', 0],
    ['日本語', 2],
    ['画像が貼れなかった', 5],
    ['hi 日本', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words)
  })

  // The regex reading countWords applies to any text, as the fast path for ASCII text must agree with it.
  const byRegex = (text: string): number => {
    const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0
    const latin = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0
    return latin + Math.ceil(cjk / 2)
  }
  test('counts ASCII text as the word pattern does', () => {
    const pieces = fc.constantFrom('a', 'Z', '7', "'", '-', ' ', '\n', '.', '@', '_', '`', '{', '[', '/', ':', "don't", '--', "'-'")
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        expect(countWords(text)).toBe(byRegex(text))
      }),
      { seed: 20240218, numRuns: 3000 },
    )
  })
})
