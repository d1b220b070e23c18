/**
 * The list readers of `readStatus` written as loops over a few entries (mentions in order,
 * hashtags without a Set), fuzzed against the plain readings they replaced.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { readStatus, sameUrlsInOrder } from '../../src/status/read-status.js'
import { htmlToText } from '../../src/status/read-content.js'
import type { StatusMention } from '../../src/status/normalized-status.js'

const url = fc.constantFrom('', 'https://a.example/@a', 'https://b.example/@b', 'https://c.example/@c', 'https://a.example/@A')

describe('sameUrlsInOrder against every/findIndex', () => {
  test('the same answer for any anchors and entries', () => {
    fc.assert(
      fc.property(fc.array(url, { maxLength: 6 }), fc.array(fc.option(url, { nil: undefined }), { maxLength: 6 }), (hrefs, urls) => {
        const anchors = hrefs.map((href) => ({ href }))
        const listed: StatusMention[] = urls.map((u, i) => ({ acct: `u${i}`, id: undefined, url: u }))
        const reference = anchors.every((anchor, at) => anchor.href !== '' && anchor.href === listed[at]?.url && anchors.findIndex((other) => other.href === anchor.href) === at)
        expect(sameUrlsInOrder(anchors, listed)).toBe(reference)
      }),
      { seed: 20261211, numRuns: 3000 },
    )
  })
})

describe('hashtags of readStatus against a Set of the HTML and tags array', () => {
  test('the same names in the same order, for a few or many', () => {
    const name = fc.constantFrom('a', 'B', 'b', 'cat', 'Cat', 'x1', 'ねこ', '')
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), fc.array(name, { maxLength: 12 }), (inHtml, inArray) => {
        const content = inHtml.map((n) => `<a href="https://x.example/tags/${n}" class="mention hashtag" rel="tag">#<span>${n}</span></a>`).join(' ')
        const status = { content, tags: inArray.map((n) => ({ name: n })) }
        const reference = [...new Set([...htmlToText(content).hashtags, ...inArray.filter((n) => n !== '').map((n) => n.toLowerCase())])]
        expect(readStatus(status, undefined).hashtags).toEqual(reference)
      }),
      { seed: 20261212, numRuns: 1000 },
    )
  })
})

describe('mention anchors read as links, against the Set of listed profiles', () => {
  test('the same links whether anchors and the array agree in place or not', () => {
    const PROFILE_PAGE = /^https?:\/\/[^/?#\s]+\/(?:@[^/?#\s]+|(?:users|u|profile|accounts|a|c|video-channels|channel)\/[^/?#\s]+|~[^/?#\s]+)\/?$/iu
    const href = fc.constantFrom('https://a.example/@a', 'https://b.example/@b', 'https://evil.example/login', 'https://c.example/users/c', 'https://d.example/x', '')
    const entry = fc.record({ url: href, withId: fc.boolean() })
    fc.assert(
      fc.property(fc.array(href, { maxLength: 6 }), fc.array(entry, { maxLength: 6 }), (hrefs, entries) => {
        const content = hrefs.map((h, i) => `<span class="h-card"><a href="${h}" class="u-url mention">@<span>u${i}</span></a></span>`).join(' ')
        const mentions = entries.map((e, i) => ({ acct: `m${i}@x.example`, url: e.url === '' ? undefined : e.url, ...(e.withId ? { id: String(i + 1) } : {}) }))
        const status = readStatus({ content, mentions }, undefined)
        const listed = new Set<string>()
        for (const m of status.mentions) if (m.url !== undefined && m.id !== undefined) listed.add(m.url)
        const reference = htmlToText(content).mentions.filter((a) => a.href !== '' && !listed.has(a.href) && !PROFILE_PAGE.test(a.href)).map((a) => ({ href: a.href, text: a.text, source: 'content' }))
        expect(status.links).toEqual(reference)
      }),
      { seed: 20261215, numRuns: 2000 },
    )
  })
})
