import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { find } from 'linkifyjs'
import { describe, expect, test } from 'vitest'

import { findTextLinks, findTextLinksIn, mayHoldLink, splitAtCjk, UNICODE_TLD_FIRST_LETTERS } from '../../src/links/find-text-links.js'
import { deobfuscate, skeleton } from '../../src/text/deobfuscate.js'
import { readLinkHost } from '../../src/links/host.js'

const hostsIn = (text: string): (string | undefined)[] => findTextLinks(text).map((url) => readLinkHost(url)?.host)

describe('findTextLinks', () => {
  describe('finds the host linkify alone misses or mangles', () => {
    // disguise | text | host found
    test.each([
      ['fullwidth letters and dot', 'ｄｉｓｃｏｒｄ．ｇｇ/ctkpaarr', 'discord.gg'],
      ['the ideographic full stop', 'see discord。gg/ctkpaarr now', 'discord.gg'],
      ['the halfwidth ideographic full stop', 'see ctkpaarr｡org', 'ctkpaarr.org'],
      ['a zero-width space inside the host (linkify finds ord.gg)', 'disc\u200bord.gg/abc', 'discord.gg'],
      ['a zero-width joiner inside the host', 'ctk\u200dpaarr.org', 'ctkpaarr.org'],
      ['Japanese glued before and after', '詳しくはdiscord.gg/abcへ', 'discord.gg'],
      ['Japanese glued after a bare host', 'サイトはctkpaarr.orgです', 'ctkpaarr.org'],
      ['an emoji glued before', '🔺processkyc.com/1827996243', 'processkyc.com'],
      ['a host written in Japanese', 'https://荒らし.com/ を見て', '荒らし.com'],
      ['a Cyrillic top-level domain (read as written: the skeleton reads р as p)', 'сайт пример.рф для всех', 'пример.рф'],
      ['a Greek top-level domain', 'δείτε παράδειγμα.ελ/x', 'παράδειγμα.ελ'],
    ])('%s', (_disguise, text, host) => {
      expect(hostsIn(text)).toEqual([host])
    })
  })

  describe('finds plain links', () => {
    // text | hosts
    test.each([
      ['go to example.com/x, then krsw-wiki.org.', ['example.com', 'krsw-wiki.org']],
      ['https://mastodon.social@evil.example/x', ['evil.example']],
      ['http://192.0.2.7/x', ['192.0.2.7']],
    ])('in %j', (text, hosts) => {
      expect(hostsIn(text)).toEqual(hosts)
    })
  })

  describe('does not invent links from prose', () => {
    // text
    test.each([['I went home. Me and my cat slept.'], ['version 3.5 is out'], ['いい天気です。明日も晴れ。'], ['mail me at someone@example.com'], ['']])('in %j', (text) => {
      expect(findTextLinks(text)).toEqual([])
    })
  })

  test('reads at most the first 20,000 characters', () => {
    expect(findTextLinks(`${'xy '.repeat(7_000)}late.com`)).toEqual([])
    expect(findTextLinks(`early.com ${'x '.repeat(10_000)}`)).toEqual(['early.com'])
  })

  test('runs once over a megabyte of hostile text', () => {
    expect(findTextLinks('ab.cd '.repeat(170_000))).toHaveLength(50)
  })

  test('stops at the limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `site${i}.example.com`).join(' ')
    expect(findTextLinks(text, 5)).toHaveLength(5)
  })
})

describe('mayHoldLink', () => {
  // text | may hold a link
  test.each([
    ['no dots here at all', false],
    ['the end. Next', false],
    ['example.com', true],
    ['ｄｉｓｃｏｒｄ．ｇｇ', true],
    ['discord。gg', true],
    ['disc\u200bord\u200b.\u200bgg', true],
  ])('%j: %s (on the skeleton)', (text, expected) => {
    expect(mayHoldLink(skeleton(text))).toBe(expected)
  })
})

describe('splitAtCjk', () => {
  test('leaves ASCII text as it is', () => {
    const text = 'plain ascii. with dots.and things'
    expect(splitAtCjk(text)).toBe(text)
  })

  test('keeps a Japanese host whole', () => {
    expect(splitAtCjk('荒らし.com')).toBe('荒らし.com')
  })
})

describe('words handed to linkify', () => {
  /** linkify's top-level domains, decoded from its bundle the way linkify decodes them. */
  function linkifyTlds(name: 'encodedTlds' | 'encodedUtlds'): string[] {
    const source = readFileSync(createRequire(import.meta.url).resolve('linkifyjs'), 'utf8')
    const encoded = new RegExp(`const ${name} = '([^']*)'`, 'u').exec(source)?.[1] ?? ''
    const words: string[] = []
    const stack: string[] = []
    for (let i = 0; i < encoded.length; ) {
      const digits = /^\d+/u.exec(encoded.slice(i))?.[0]
      if (digits === undefined) {
        stack.push(encoded[i] ?? '')
        i++
      } else {
        words.push(stack.join(''))
        stack.length -= Number(digits)
        i += digits.length
      }
    }
    return words
  }

  test('every top-level domain of linkify starts with a-z or a letter of UNICODE_TLD_FIRST_LETTERS', () => {
    const ascii = linkifyTlds('encodedTlds')
    const unicode = linkifyTlds('encodedUtlds')
    expect(ascii.length).toBeGreaterThan(1000)
    expect(unicode.length).toBeGreaterThan(100)
    const missing = [...ascii, ...unicode].filter((tld) => !/^[a-z]/u.test(tld) && !UNICODE_TLD_FIRST_LETTERS.includes([...tld][0] ?? ''))
    expect(missing).toEqual([])
  })

  // text | what linkify alone finds in the prepared text
  test.each([
    ['【お知らせ】mstdn.jpをさくらのクラウドへ移転します．それに伴ってデータが消える可能性があるので'],
    ['移行中は.cloudに避難するかな。'],
    ['localhost.それ'],
    ['mailto:someone.それ'],
    ['み.みんな と x.コム'],
    ['す.それ.भारत'],
    ['See example.COM and EXAMPLE.org.'],
  ])('finds what linkify finds in %j', (text) => {
    // The gates (words that may hold a link, CJK split per word) against linkify over the whole skeleton.
    expect(findTextLinksIn(deobfuscate(text)).map((l) => l.read)).toEqual(find(splitAtCjk(skeleton(text)), 'url').map((link) => link.value))
  })
})

describe('the words handed to linkify never drop a link (fuzz against linkify over the whole skeleton)', () => {
  test('on text made of link pieces', async () => {
    const fc = (await import('fast-check')).default
    const pieces = ['a', 'example', '.', 'com', '.com', '/', 'https://', 'x.y', ' ', '\n', '詳しく', 'は', '荒らし', '。', '.gg', 'discord', '🔺', 'localhost', ':', 'mailto:', '@', '3.5', '-', 'コム', 'みんな', '(', ')', 'e.g.']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('')
        const view = deobfuscate(text)
        const viaGates = findTextLinksIn(view).map((l) => l.read)
        const ungated = find(splitAtCjk(view.text), 'url').map((l) => l.value)
        // The gates only leave out: what they let through linkify finds too.
        for (const link of viaGates) expect(ungated).toContain(link)
        // And they never drop a URL with a scheme or a dot and two letters (a host with no dot
        // and no scheme, `localhost` or `mailto:a`, is not a link here, by design).
        for (const link of ungated) if (link.includes('://') || /\.\p{L}\p{L}/u.test(link)) expect(viaGates).toContain(link)
      }),
      { seed: 20261207, numRuns: 3000 },
    )
  })
})

describe('splitAtCjk in one pass (fuzzed against the two replacements it stands for)', () => {
  const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\p{Extended_Pictographic}\p{So}`
  const reference = (text: string): string => text.replace(new RegExp(`([${CJK}])(?=[a-z0-9])`, 'giu'), '$1 ').replace(new RegExp(`([a-z0-9/?=&#%_~+])(?=[${CJK}])`, 'giu'), '$1 ')

  test('on text of CJK, emoji, ASCII and letters that fold to ASCII', async () => {
    const fc = (await import('fast-check')).default
    const pieces = ['a', 'Z', '0', '/', '?', '=', '&', '#', '%', '_', '~', '+', '.', ' ', '-', 'ſ', 'K', 'é', '荒', 'ら', 'ア', '한', '　', '。', '！', '＠', 'ａ', 'Ⓐ', 'ⓐ', '©', '🔺', '👨‍👩‍👧', '𠀋', '\ud83d', '\ude00', 'д', '\u200b']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('')
        expect(splitAtCjk(text)).toBe(reference(text))
      }),
      { seed: 20261207, numRuns: 20_000 },
    )
  })
})
