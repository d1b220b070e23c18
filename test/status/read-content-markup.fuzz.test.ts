/**
 * `htmlToText` reads Mastodon's mention and hashtag markup whole when it is exactly
 * Mastodon's (`readMarkup`); the reading must be the one tag by tag (`htmlToText(html, false)`,
 * the plain reader) for any document: the markup itself, its variants that must fall back (an
 * `&`, another attribute, other case, a missing part), markup cut anywhere, inside hidden or
 * ellipsis spans, inside an open anchor or a `quote-inline` paragraph, and random text.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { htmlToText } from '../../src/status/read-content.js'

const mention = (href: string, name: string, translate = true): string => `<span class="h-card"${translate ? ' translate="no"' : ''}><a href="${href}" class="u-url mention">@<span>${name}</span></a></span>`
const hashtag = (href: string, tag: string, rel = true): string => `<a href="${href}" class="mention hashtag"${rel ? ' rel="tag"' : ''}>#<span>${tag}</span></a>`
const link = (href: string, scheme: string, shown: string, rest: string, ellipsis: boolean, rel = 'nofollow noopener'): string =>
  `<a href="${href}" target="_blank" rel="${rel}" translate="no"><span class="invisible">${scheme}</span><span class="${ellipsis ? 'ellipsis' : ''}">${shown}</span><span class="invisible">${rest}</span></a>`

const word = fc.constantFrom('', 'alice', 'Bob_1', 'x', '#tag', '@bob', 'ünï', '荒らし', 'a b', 'a&amp;b', '&lt;', '>', 'evil.example/login', 'discord.gg/abc')
const href = fc.constantFrom('', 'https://a.example/@alice', 'https://b.example/tags/Foo', 'https://evil.example/login', 'https://x.example/?a=1&amp;b=2', 'https://discord.gg/abc', "it's", 'https://a.example/@x y')
const markup = fc.oneof(
  fc.tuple(href, word, fc.boolean()).map(([h, w, t]) => mention(h, w, t)),
  fc.tuple(href, word, fc.boolean()).map(([h, w, r]) => hashtag(h, w, r)),
  fc.tuple(href, fc.constantFrom('https://', 'http://', ''), word, word, fc.boolean(), fc.constantFrom('nofollow noopener', 'nofollow noopener noreferrer', 'tag')).map(([h, s, a, b, e, r]) => link(h, s, a, b, e, r)),
)
// Variants that must fall back to the reading tag by tag.
const variant = markup.chain((m) =>
  fc.oneof(
    fc.constant(m.toUpperCase()),
    fc.constant(m.replace('<a ', '<a title="x" ')),
    fc.constant(m.replace('"', "'")),
    fc.constant(m.replace('<span>', '<span class="invisible">')),
    fc.constant(m.replace('</a>', '')),
    fc.constant(m.replace('@', '')),
    fc.nat(m.length).map((cut) => m.slice(0, cut)),
    fc.nat(m.length).map((cut) => m.slice(cut)),
  ),
)
const piece = fc.oneof(
  { weight: 4, arbitrary: markup },
  { weight: 2, arbitrary: variant },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '<span class="invisible">',
      '<span class="ellipsis">',
      '<span>',
      '</span>',
      '<a href="https://open.example/">',
      '<a class="mention" href="https://m.example/@z">',
      '</a>',
      '<p>',
      '<p class="quote-inline">',
      '</p>',
      '<br>',
      ' ',
      'RE: ',
      'text &amp; more',
      '<',
      '>',
      '<!-- c -->',
      '<script>x</script>',
    ),
  },
  { weight: 1, arbitrary: word },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
)

describe('htmlToText: the markup read whole against the reading tag by tag', () => {
  test('Mastodon markup as written is read whole, with the same reading', () => {
    const html = `<p>${mention('https://a.example/@alice', 'alice')} ${hashtag('https://a.example/tags/x', 'X')} ${link('https://evil.example/very/long/path/here', 'https://', 'evil.example/very/long/pa', 'th/here', true)}</p>`
    expect(htmlToText(html)).toEqual(htmlToText(html, false))
    expect(htmlToText(html).mentions).toEqual([{ href: 'https://a.example/@alice', text: '@alice' }])
    expect(htmlToText(html).hashtags).toEqual(['x'])
    expect(htmlToText(html).links).toEqual([{ href: 'https://evil.example/very/long/path/here', text: 'evil.example/very/long/pa…' }])
  })
  test('the same reading for any document made of markup, its variants and other pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const html = pieces.join('')
        expect(htmlToText(html)).toEqual(htmlToText(html, false))
      }),
      { seed: 20261207, numRuns: 3000 },
    )
  })
})
