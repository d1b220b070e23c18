import { describe, expect, test } from 'vitest'

import { readLinkHost } from '../../src/links/host.js'
import { lookalikeOf } from '../../src/links/lookalike.js'

function check(url: string): ReturnType<typeof lookalikeOf> {
  const host = readLinkHost(url)
  if (host === undefined) throw new Error(`no host in ${url}`)
  return lookalikeOf(host.host, host.domain)
}

describe('lookalikeOf', () => {
  describe('flags', () => {
    // url | imitates | how (part)
    test.each([
      ['https://disc\u043erd.gg/x', 'discord.gg', 'look-alike letters'],
      ['https://\u0440\u0430\u0443\u0440\u0430l.com/', 'paypal.com', 'look-alike letters'],
      ['https://mast\u043edon-help.example/', 'mastodon-help.example', 'mixes Latin'],
      ['https://dlscord.gg/x', 'discord.gg', 'one letter away'],
      ['https://discordd.com/x', 'discord.com', 'one letter away'],
      ['https://githab.com/x', 'github.com', 'one letter away'],
      ['https://mastodon-support-team.com/verify', 'mastodon', 'pairs the name'],
      ['https://verify.mastodonsafety.net/', 'mastodon', 'pairs the name'],
    ])('%s as imitating %s', (url, imitates, how) => {
      expect(check(url)).toEqual({ imitates, how: expect.stringContaining(how), kind: expect.any(String) })
    })
  })

  describe('leaves alone', () => {
    // url | why
    test.each([
      ['https://discord.gg/x', 'the real domain'],
      ['https://mastodon.social/@a', 'the real domain'],
      ['https://mastodon.art/@a', 'a real server named mastodon.<something>'],
      ['https://mastodon-japan.net/@ap12', 'a real server'],
      ['https://mastodon.netprocesse.com/x', 'a brand as a subdomain without a lure word (the campaign list catches this one)'],
      ['https://misskey.id/', 'one letter away but another suffix'],
      ['https://荒らし.com/', 'Japanese, not imitating Latin'],
      ['https://bücher.example/', 'Latin with accents'],
      ['https://почта.рф/', 'all Cyrillic, imitating nothing known'],
      ['https://x.com/a', 'too short to compare'],
      ['https://gist.github.com/a', 'a subdomain of a well-known domain'],
    ])('%s (%s)', (url) => {
      expect(check(url)).toBeUndefined()
    })
  })
})
