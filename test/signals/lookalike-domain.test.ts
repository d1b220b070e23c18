import { describe, expect, test } from 'vitest'

import { lookalikeDomain } from '../../src/signals/lookalike-domain.js'
import { evaluate } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeStatus } from '../helpers/make-status.js'

const link = (href: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p><a href="${href}">${href}</a></p>` })

describe('lookalikeDomain', () => {
  describe('fires', () => {
    // case | status | message
    test.each([
      ['for Cyrillic letters in a Discord host', link('https://disc\u043erd.gg/x'), 'Links to disc\u043erd.gg, which imitates discord.gg with look-alike letters.'],
      ['for the Punycode of such a host', link('https://xn--discrd-zqf.gg/x'), 'Links to disc\u043erd.gg, which imitates discord.gg with look-alike letters.'],
      ['for one letter off', link('https://dlscord.gg/x'), 'Links to dlscord.gg, which is one letter away from discord.gg.'],
      ['for a support-phishing domain', link('https://mastodon-support-team.com/verify'), 'Links to mastodon-support-team.com, which pairs the name mastodon with a word phishing uses.'],
      ['for a look-alike written as text', makeStatus({ content: '<p>verify at dlscord.gg/x</p>' }), 'Links to dlscord.gg, which is one letter away from discord.gg.'],
    ])('%s', (_case, status, message) => {
      expect(evaluate(lookalikeDomain, status)?.message).toBe(message)
    })
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for a real server named mastodon.<something>', link('https://mastodon.art/@a')],
      ['for a Japanese host', link('https://荒らし.com/')],
      ['for an IP host', link('http://192.0.2.7/')],
      ['for the real domain', link('https://discord.com/invite/x')],
    ])('%s', (_case, status) => {
      expect(evaluate(lookalikeDomain, status)).toBeUndefined()
    })

    test('for a host on the allow list', () => {
      expect(evaluateWithRules(lookalikeDomain, link('https://dlscord.gg/x'), { version: 1, allowDomains: ['dlscord.gg'] })).toBeUndefined()
    })
  })
})
