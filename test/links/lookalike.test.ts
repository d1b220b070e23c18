import { describe, expect, test } from 'vitest'

import { readLinkHost } from '../../src/links/host.js'
import { lookalikeOf, oneEditApart, oneTypoApart } from '../../src/links/lookalike.js'
import { createRandom } from '../../eval/prng.js'

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

describe('oneEditApart and oneTypoApart', () => {
  /** Every string one insertion, deletion, substitution (or, with swaps, swap of neighbours) from `a`, over `alphabet`. */
  const neighbours = (a: string, alphabet: string, swaps: boolean): Set<string> => {
    const out = new Set<string>()
    for (let i = 0; i <= a.length; i++) {
      for (const c of alphabet) out.add(a.slice(0, i) + c + a.slice(i))
      if (i < a.length) {
        out.add(a.slice(0, i) + a.slice(i + 1))
        for (const c of alphabet) out.add(a.slice(0, i) + c + a.slice(i + 1))
        if (swaps && i + 1 < a.length) out.add(a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2))
      }
    }
    return out
  }
  test('agree with the neighbours enumerated, over random short strings', () => {
    const random = createRandom(7)
    const word = (): string => Array.from({ length: Math.floor(random() * 6) }, () => 'abc'[Math.floor(random() * 3)]).join('')
    for (let n = 0; n < 3000; n++) {
      const a = word()
      const b = word()
      expect(oneEditApart(a, b), `${a} ${b}`).toBe(a === b || neighbours(a, 'abc', false).has(b))
      expect(oneTypoApart(a, b), `${a} ${b}`).toBe(a !== b && neighbours(a, 'abc', true).has(b))
    }
  })
})
