import { describe, expect, test } from 'vitest'
import { htmlToText } from '../../src/status/read-content.js'

// Markup shapes below follow what each server emits: Mastodon's TextFormatter (h-card mentions,
// `mention hashtag` anchors, invisible/ellipsis spans), Pleroma (`/users/` profile URLs, no
// spans), Misskey through ActivityPub (`@user@host` in the anchor text, plain `<a>` hashtags).

const MASTODON_LINK =
  '<a href="https://example.com/a/very/long/path?q=1" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/lo</span><span class="invisible">ng/path?q=1</span></a>'
const MASTODON_MENTION = '<span class="h-card" translate="no"><a href="https://example.social/@bob" class="u-url mention">@<span>bob</span></a></span>'
const MASTODON_HASHTAG = '<a href="https://example.social/tags/Caturday" class="mention hashtag" rel="tag">#<span>Caturday</span></a>'

describe('htmlToText', () => {
  describe('reads Mastodon markup', () => {
    test('for a status with a mention, a link and a hashtag', () => {
      const reading = htmlToText(`<p>Hi ${MASTODON_MENTION}, look: ${MASTODON_LINK}</p><p>${MASTODON_HASHTAG}</p>`)
      expect(reading.text).toBe('Hi @bob, look: example.com/a/very/lo…\n\n#Caturday')
      expect(reading.prose.replace(/\s+/gu, ' ')).toBe('Hi , look:')
      expect(reading.mentions).toEqual([{ href: 'https://example.social/@bob', text: '@bob' }])
      expect(reading.links).toEqual([{ href: 'https://example.com/a/very/long/path?q=1', text: 'example.com/a/very/lo…' }])
      expect(reading.hashtags).toEqual(['caturday'])
    })

    // html | text
    test.each([
      ['line1<br>line2<br/>line3<br />line4', 'line1\nline2\nline3\nline4'],
      ['<p>one</p><p>two</p>', 'one\n\ntwo'],
      ['<p>a<br><br>b</p>', 'a\nb'],
      ['<p><span class="invisible">hidden</span>shown</p>', 'shown'],
      ['<p><span class="ellipsis">cut</span> more</p>', 'cut… more'],
      ['<p><span class="">plain span</span></p>', 'plain span'],
      ['<p><span class="invisible"><span>nested hidden</span></span>after</p>', 'after'],
      ['<p>日本語<br>テキスト</p>', '日本語\nテキスト'],
      ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
      ['<DIV>A</DIV><H2>B</H2><Blockquote>C</Blockquote><Pre>D</Pre><HR>E<TR>F', 'A\nB\nC\nD\nE\nF'],
      ['<h7>not</h7>a<em>block</em>', 'notablock'],
      ['a\u0000<br>b', 'a\u0000\nb'],
      ['<br><p></p>text', 'text'],
      ['<script>x</SCRIPT >y<style/>z', 'yz'],
    ])('%j gives the text %j', (html, text) => {
      expect(htmlToText(html).text).toBe(text)
    })

    test('keeps a hashtag with class "mention hashtag" out of mentions', () => {
      const reading = htmlToText(`<p>${MASTODON_HASHTAG} ${MASTODON_HASHTAG}</p>`)
      expect(reading.mentions).toEqual([])
      expect(reading.links).toEqual([])
      expect(reading.hashtags).toEqual(['caturday', 'caturday'])
    })
  })

  describe('reads other servers markup', () => {
    // server | html | mentions | hashtags | links
    test.each([
      [
        'Pleroma',
        '<span class="h-card"><a class="u-url mention" data-user="9zq" href="https://pleroma.example/users/bob" rel="ugc">@<span>bob</span></a></span> hi <a class="hashtag" data-tag="cats" href="https://pleroma.example/tag/cats" rel="tag ugc">#cats</a>',
        [{ href: 'https://pleroma.example/users/bob', text: '@bob' }],
        ['cats'],
        [],
      ],
      [
        'Misskey',
        '<p><a href="https://misskey.example/@carol" class="u-url mention">@carol@misskey.example</a> yo <a href="https://misskey.example/tags/%E7%8C%AB">#猫</a> <a href="https://example.org/">https://example.org/</a></p>',
        [{ href: 'https://misskey.example/@carol', text: '@carol@misskey.example' }],
        ['猫'],
        [{ href: 'https://example.org/', text: 'https://example.org/' }],
      ],
      ['GoToSocial (plain anchor with @ text)', '<p><a href="https://gts.example/@dave">@dave</a> ok</p>', [{ href: 'https://gts.example/@dave', text: '@dave' }], [], []],
    ])('from %s', (_server, html, mentions, hashtags, links) => {
      const reading = htmlToText(html)
      expect(reading.mentions).toEqual(mentions)
      expect(reading.hashtags).toEqual(hashtags)
      expect(reading.links).toEqual(links)
    })
  })

  describe('decodes entities', () => {
    // html | text
    test.each([
      ['&amp; &lt;b&gt; &quot;q&quot; &apos;s&#39;', `& <b> "q" 's'`],
      ['&#65;&#x42;&#X43;', 'ABC'],
      ['&#x1F600; &#128512;', '😀 😀'],
      ['&#0; &#xD800; &#x110000; &#99999999999;', '\ufffd \ufffd \ufffd \ufffd'],
      ['&bogus; &amp', '&bogus; &'],
      ['1 &lt; 2 and&nbsp;3', '1 < 2 and\u00a03'],
      ['&hellip;', '…'],
    ])('%j gives %j', (html, text) => {
      expect(htmlToText(html).text).toBe(text)
    })

    test('decodes entities in attribute values', () => {
      expect(htmlToText('<a href="https://x.example/?a=1&amp;b=2">x</a>').links[0]?.href).toBe('https://x.example/?a=1&b=2')
    })
  })

  describe('survives malformed HTML', () => {
    // html | text
    test.each([
      ['<p>unclosed <b>bold', 'unclosed bold'],
      ['a < b and c > d', 'a < b and c > d'],
      ['I <3 you', 'I <3 you'],
      ['x <a', 'x <a'],
      ['tail <', 'tail <'],
      ['<!-- comment -->visible', 'visible'],
      ['visible<!-- unterminated comment', 'visible'],
      ['<!DOCTYPE html>doc', 'doc'],
      ['<?xml version="1.0"?>xml', 'xml'],
      ['<script>alert(1)</script>after', 'after'],
      ['<style>p { color: red }</style>styled', 'styled'],
      ['<script>never closed', ''],
      ['<SCRIPT>upper</SCRIPT>done', 'done'],
      ['<script>a</script >b', 'b'],
      ['<script><!--</script>shown-->', 'shown-->'],
      ['<style>/* <!-- */</style>after', 'after'],
      ['<span class="invisible">unclosed hidden', ''],
      ['</p></span></a>stray closers', 'stray closers'],
      ['<p', '<p'],
    ])('%j gives %j', (html, text) => {
      expect(htmlToText(html).text).toBe(text)
    })

    // html | mentions | links
    test.each([
      ["<A HREF='https://x.example/@x' CLASS='u-url mention'>@x</A>", [{ href: 'https://x.example/@x', text: '@x' }], []],
      ['<a href=https://u.example/@w class=mention>@w</a>', [{ href: 'https://u.example/@w', text: '@w' }], []],
      ['<a   href = "https://s.example/"  >spaced</a>', [], [{ href: 'https://s.example/', text: 'spaced' }]],
      ['<a data-class="mention" href="https://d.example/">data attribute</a>', [], [{ href: 'https://d.example/', text: 'data attribute' }]],
      ['<a href="https://a.example/">outer<a href="https://b.example/">inner</a>', [], [{ href: 'https://a.example/', text: 'outer' }, { href: 'https://b.example/', text: 'inner' }]],
      ['<a href="https://open.example/">never closed', [], [{ href: 'https://open.example/', text: 'never closed' }]],
      ['<a>no href</a>', [], [{ href: '', text: 'no href' }]],
      ['<a title=" href=https://innocent.example/" href="https://discord.gg/x">x</a>', [], [{ href: 'https://discord.gg/x', text: 'x' }]],
      ['<a data-note=" class=mention" href="https://n.example/">plain</a>', [], [{ href: 'https://n.example/', text: 'plain' }]],
      ['<a href="https://first.example/" href="https://second.example/">x</a>', [], [{ href: 'https://first.example/', text: 'x' }]],
      ['<a href="https://tight.example/"class="u-url mention">@t</a>', [{ href: 'https://tight.example/', text: '@t' }], []],
      ['<a = href="https://eq.example/">x</a>', [], [{ href: 'https://eq.example/', text: 'x' }]],
      ['<a href="https://unterminated.example/>x</a>', [], [{ href: 'https://unterminated.example/', text: 'x' }]],
      ['<a\nhref="https://newline.example/"\tclass="mention">@nl</a>', [{ href: 'https://newline.example/', text: '@nl' }], []],
    ])('%j gives those anchors', (html, mentions, links) => {
      const reading = htmlToText(html)
      expect(reading.mentions).toEqual(mentions)
      expect(reading.links).toEqual(links)
    })
  })

  describe('prose', () => {
    // html | prose
    test.each([
      [`<p>${MASTODON_MENTION} ${MASTODON_MENTION}</p>`, ''],
      [`<p>${MASTODON_MENTION} thanks!</p>`, 'thanks!'],
      [`<p>${MASTODON_HASHTAG}</p>`, ''],
      [`<p>read ${MASTODON_LINK}</p>`, 'read'],
      ['<p>just words</p>', 'just words'],
    ])('of %j is %j', (html, prose) => {
      expect(htmlToText(html).prose).toBe(prose)
    })
  })
})

describe('htmlToText: the quote-post fallback of Mastodon 4.5', () => {
  test('keeps the quoted link apart from the links and leaves "RE:" out of the prose', () => {
    const html = '<p class="quote-inline">RE: <a href="https://a.example/@bob/1">https://a.example/@bob/1</a></p><p>My own words</p>'
    const reading = htmlToText(html)
    expect(reading.prose).toBe('My own words')
    expect(reading.quoteLinks.map((l) => l.href)).toEqual(['https://a.example/@bob/1'])
    expect(reading.links).toEqual([])
    expect(reading.text).toContain('My own words')
  })
})

describe('htmlToText: every anchor', () => {
  test('collects every href in document order, mentions and hashtags included', () => {
    const reading = htmlToText(`<p>${MASTODON_MENTION} see ${MASTODON_LINK} ${MASTODON_HASHTAG} <a>no href</a></p>`)
    expect(reading.hrefs).toEqual([...[MASTODON_MENTION, MASTODON_LINK, MASTODON_HASHTAG].map((html) => /href="([^"]*)"/u.exec(html)?.[1]), ''])
    expect(reading.hrefs).toHaveLength(reading.mentions.length + reading.links.length + reading.tags.length)
  })
})
