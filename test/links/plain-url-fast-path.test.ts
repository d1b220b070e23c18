import { find } from 'linkifyjs'
import { describe, expect, test } from 'vitest'

import { findTextLinksIn, partsThatMayHoldLinks, PLAIN_TLDS, plainLinksOf, type TextLink } from '../../src/links/find-text-links.js'
import { deobfuscate } from '../../src/text/deobfuscate.js'

/**
 * The reference for `findTextLinksIn`'s fast path: the same parts, all handed to linkify
 * (`find(text, 'url')`) joined by spaces, as before plain URLs skipped linkify. Only the finding of
 * links differs; the reading of each link (as written or as read) is the code under test's.
 */
function referenceReads(text: string, limit = 50): string[] {
  const view = deobfuscate(text)
  const full = view.text.length > 20_000 ? view.text.slice(0, 20_000) : view.text
  const parts = partsThatMayHoldLinks(full)
  const joined = parts.map((part) => part.text).join(' ')
  return find(joined, 'url').map((link) => link.value).slice(0, limit)
}

const reads = (links: readonly TextLink[]): string[] => links.map((link) => link.read)

// Pieces a URL, or something that looks like one, is made of: every ASCII punctuation mark,
// letters and digits of other scripts (and digits that are not 0–9), marks, emoji, joiners.
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']
const PIECES = ['a', 'z', 'ex', 'com', 'gg', '.com', '.jp', '.gg/', '.co', '.xyz', '.comx', 'http', '://', 'https://', '-', '0', '9', '42', 'xn--', 'é', 'ß', 'ı', '荒', 'ら', 'ー', 'コム', 'рф', 'ελ', 'ا', '١', '①', 'Ⅻ', 'ａ', '．', '\u0301', '\u200d', '\ufe0f', '🎉', '🔺', '#️⃣', '©', 'www', '.', '.', '/', '/', '-', ...PUNCTUATION]

describe('plain parts read without linkify (plainLinksOf), fuzzed against linkify', () => {
  test('in every word it reads, linkify finds exactly what it says: nothing, or the whole word as one URL', async () => {
    const fc = (await import('fast-check')).default
    let whole = 0
    fc.assert(
      fc.property(fc.constantFrom('http://', 'https://', 'https://ex.com', 'http://a.b', '', 'ex', 'a.', '荒らし', 'пример', 'ex.com'), fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (start, pieces) => {
        const word = start + pieces.join('')
        if (word === '' || /\s/u.test(word)) return
        const plain = plainLinksOf(word)
        if (plain === undefined) return
        if (plain.length > 0) whole++
        expect(find(word, 'url').map((link) => [link.value, link.start, link.end])).toEqual(plain.map((link) => [link, 0, word.length]))
      }),
      { seed: 20261207, numRuns: 60_000 },
    )
    // The property must have been tried on many words the fast path reads.
    expect(whole).toBeGreaterThan(3_000)
  })

  test('every top-level domain of a scheme-less plain URL is one linkify knows', () => {
    for (const tld of PLAIN_TLDS) expect(find(`ex.${tld}/x`, 'url').map((link) => link.value)).toEqual([`ex.${tld}/x`])
  })

  test.each([
    ['https://荒らし.com/', ['https://荒らし.com/']],
    ['荒らし.com/', ['荒らし.com/']],
    ['https://', []],
    ['https://ex.com/@user/111', ['https://ex.com/@user/111']],
    ['discord.gg/abc', ['discord.gg/abc']],
    ['http://192.0.2.7/x', ['http://192.0.2.7/x']],
    ['https://ex.com/a.', undefined],
    ['https://ex.com/a)', undefined],
    ['https://ex.com?', undefined],
    ['http://x.com:8080/a', undefined],
    ['https://a.com/https://b.com', undefined],
    ['ex.comx', undefined],
    ['a-.com', undefined],
    ['a_b.com', undefined],
  ])('%j read as %j', (word, links) => {
    expect(plainLinksOf(word)).toEqual(links)
    if (links !== undefined) expect(find(word, 'url').map((link) => link.value)).toEqual(links)
  })

  test('reads words of 100,000 characters shaped to make the patterns backtrack, once', () => {
    // A pattern that backtracked on these would not return (the test's time limit fails it).
    const words = ['https://' + 'a.'.repeat(50_000) + '!', 'https://a' + '/a'.repeat(50_000) + '!', 'a-'.repeat(50_000) + '.com!', 'https://' + 'a-'.repeat(50_000) + '!', 'x.'.repeat(50_000) + 'com' + '/a%'.repeat(10_000) + ')']
    for (const word of words) expect(plainLinksOf(word)).toBeUndefined()
    expect(plainLinksOf('https://' + 'a.'.repeat(50_000) + 'com/')).toHaveLength(1)
  })

  test('findTextLinksIn finds the links the reference (linkify over every part) finds, in order, on texts mixing plain URLs and others', async () => {
    const fc = (await import('fast-check')).default
    const words = ['https://ex.com/', 'https://荒らし.com/ を', 'ex.gg/x', 'a.comx', '-a.com', 'https://荒らし.com/', 'http://a.b/c?d=1', 'example.com', 'discord.gg/abc', 'https://ex.com/a).', 'x.com:80', 'https://a.com/https://b.com', 'http://x', 'hello', 'e.g.', '詳しくは', 'mailto:a@b.co', 'https://ex.com/@u', '(https://ex.com/x)', 'ｈｔｔｐｓ://ex.com/', 'https://ex.com/ａ']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 10 }), fc.constantFrom(' ', '\n', '  '), fc.integer({ min: 1, max: 6 }), (chosen, space, limit) => {
        const text = chosen.join(space)
        expect(reads(findTextLinksIn(deobfuscate(text), limit))).toEqual(referenceReads(text, limit))
        expect(reads(findTextLinksIn(deobfuscate(text)))).toEqual(referenceReads(text))
      }),
      { seed: 20261207, numRuns: 3_000 },
    )
  })
})
