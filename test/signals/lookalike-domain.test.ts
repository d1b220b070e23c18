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

    // case | href | strength | message (hosts no list names: the shapes of issue 11)
    test.each([
      ['for rn standing in for m', 'https://rnastodon.social/verify', 1, 'Links to rnastodon.social, which spells mastodon.social with letters that read alike.'],
      ['for a digit standing in for a letter', 'https://fosst0don.org/login', 1, 'Links to fosst0don.org, which spells fosstodon.org with letters that read alike.'],
      ['for two letters swapped', 'https://hachydrem.io/login', 1, 'Links to hachydrem.io, which is one typo away from hachyderm.io.'],
      ['for a distinctive name on another top-level domain', 'https://fosstodon.com/login', 1, 'Links to fosstodon.com, which puts fosstodon on another top-level domain than fosstodon.org.'],
      ['for a typo on another top-level domain', 'https://discorb.xyz/gift', 1, 'Links to discorb.xyz, which is one typo away from discord.com.'],
      ['for a well-known domain in front of an unrelated one', 'https://mastodon.social.account-check.net/x', 1, 'Links to mastodon.social.account-check.net, which puts mastodon.social in front of the unrelated domain account-check.net.'],
      ['for a well-known domain in the user info', 'https://mastodon.social@evil.example/x', 1, 'Links to evil.example, which puts mastodon.social before an @ to hide that it goes to evil.example.'],
      ['for a percent-encoded host', 'https://%64iscord.gg/x', 1, 'Links to discord.gg, which writes its host percent-encoded (reads as discord.gg).'],
      ['for a distinctive name as a subdomain of an unrelated domain', 'https://discord.gift-claim.com/x', 0.7, 'Links to discord.gift-claim.com, which puts the name discord in front of the unrelated domain gift-claim.com.'],
      ['for a public IP address', 'http://203.0.113.9/verify', 0.85, 'Links to 203.0.113.9, which is a bare IP address, not a name.'],
      ['for a random-looking name on a cheap top-level domain', 'https://verify.form98441.icu/x', 0.5, 'Links to verify.form98441.icu, which is a random-looking name on the cheap top-level domain .icu.'],
    ])('%s', (_case, href, strength, message) => {
      const hit = evaluate(lookalikeDomain, link(href))
      expect(hit?.strength).toBe(strength)
      expect(hit?.message).toBe(message)
    })
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for a real server named mastodon.<something>', link('https://mastodon.art/@a')],
      ['for a Japanese host', link('https://荒らし.com/')],
      ['for a private IP host (a home server)', link('http://192.168.1.20:8080/')],
      ['for a project site under a private suffix', link('https://discord.js.org/docs')],
      ['for a real server with an ordinary word for a name on another top-level domain', link('https://mastodon.world/@a')],
      ['for a server named mastodon.<something> on its own domain', link('https://mastodon.example.org/@a')],
      ['for the real domain', link('https://discord.com/invite/x')],
    ])('%s', (_case, status) => {
      expect(evaluate(lookalikeDomain, status)).toBeUndefined()
    })

    test('for a host on the allow list', () => {
      expect(evaluateWithRules(lookalikeDomain, link('https://dlscord.gg/x'), { version: 1, allowDomains: ['dlscord.gg'] })).toBeUndefined()
    })
  })
})
