import { describe, expect, test } from 'vitest'

import { linkTextMismatch } from '../../src/signals/link-text-mismatch.js'
import { evaluate } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeStatus } from '../helpers/make-status.js'

const anchor = (href: string, text: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>see <a href="${href}">${text}</a></p>` })

describe('linkTextMismatch', () => {
  describe('fires', () => {
    // case | status | evidence
    test.each([
      ['for a URL text going elsewhere', anchor('https://evil.example/x', 'https://mastodon.social/verify'), ['mastodon.social → evil.example']],
      ['for a bare host text going elsewhere', anchor('https://approve-gig.com/1', 'joinmastodon.org'), ['joinmastodon.org → approve-gig.com']],
      ['for a userinfo trick', anchor('https://mastodon.social@evil.example/', 'mastodon.social'), ['mastodon.social → evil.example']],
      ['for Mastodon-style spans with an ellipsis', anchor('https://evil.example/', '<span class="invisible">https://</span><span class="ellipsis">mastodon.social/verify/acc</span><span class="invisible">ount</span>'), ['mastodon.social → evil.example']],
    ])('%s', (_case, status, evidence) => {
      expect(evaluate(linkTextMismatch, status)?.evidence).toEqual(evidence)
    })

    test('with a message naming both domains', () => {
      expect(evaluate(linkTextMismatch, anchor('https://evil.example/x', 'mastodon.social'))?.message).toBe('A link shows mastodon.social but goes to evil.example.')
    })
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for Mastodon link text', anchor('https://www.example.com/a/b', '<span class="invisible">https://www.</span><span class="">example.com/a/b</span>')],
      ['for another subdomain of the same site', anchor('https://m.example.com/a', 'example.com/a')],
      ['for text that is not a URL', anchor('https://evil.example/', 'click here')],
      ['for a version number', anchor('https://example.com/release', 'v2.5')],
      ['for a file name', anchor('https://example.com/file', 'report.pdf')],
      ['for the Punycode form of the same host', anchor('https://xn--68j5e377y.com/', '荒らし.com/')],
    ])('%s', (_case, status) => {
      expect(evaluate(linkTextMismatch, status)).toBeUndefined()
    })

    test('for a target on the allow list', () => {
      expect(evaluateWithRules(linkTextMismatch, anchor('https://evil.example/', 'mastodon.social'), { version: 1, allowDomains: ['evil.example'] })).toBeUndefined()
    })
  })
})
