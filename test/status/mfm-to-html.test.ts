import { describe, expect, test } from 'vitest'
import { htmlToText } from '../../src/status/read-content.js'
import { mfmToHtml } from '../../src/status/mfm-to-html.js'

describe('mfmToHtml', () => {
  describe('reads', () => {
    // columns: what, MFM, visible text after htmlToText, mentions (user@host), hashtags
    test.each([
      ['a remote mention', 'hi @alice@Example.Social', 'hi @alice@example.social', ['alice@example.social'], []],
      ['a bare mention with the note host', '@bob thanks', '@bob thanks', ['bob@misskey.example'], []],
      ['a hashtag stopping at punctuation', 'see #gamedev, ok', 'see #gamedev, ok', [], ['gamedev']],
      ['a number that is no hashtag', 'issue #123', 'issue #123', [], []],
      ['an email address, which is no mention', 'mail me: a@b.example', 'mail me: a@b.example', [], []],
      ['a function and bold', '$[tada.speed=2s **big** news]', 'big news', [], []],
      ['nested functions', '$[x2 $[spin hi] there]', 'hi there', [], []],
      ['plain text literally', '<plain>@alice #tag **b**</plain>', '@alice #tag **b**', [], []],
      ['inline code literally', 'run `@x #y`', 'run @x #y', [], []],
      ['a code block literally', '```\n@x\n```', '@x', [], []],
      ['decoration tags', '<center><small>quiet</small></center> ~~old~~', 'quiet old', [], []],
      ['an unclosed function', '$[tada never closed', 'never closed', [], []],
      ['an unclosed plain', '<plain>@x', '@x', [], []],
      ['HTML in the text as text', '<script>alert(1)</script>', '<script>alert(1)</script>', [], []],
    ])('%s', (_what, mfm, text, mentions, hashtags) => {
      const reading = mfmToHtml(mfm, { host: 'misskey.example' })
      expect(htmlToText(reading.html).text).toBe(text)
      expect(reading.mentions.map((m) => `${m.username}@${m.host ?? 'misskey.example'}`.toLowerCase())).toEqual(mentions)
      expect(reading.hashtags).toEqual(hashtags)
    })
  })

  describe('links', () => {
    // columns: what, MFM, expected links as [href, text]
    test.each([
      ['a bare URL without the trailing period', 'go https://x.example/a?b=1.', [['https://x.example/a?b=1', 'https://x.example/a?b=1']]],
      ['a URL in parentheses', '(https://x.example/wiki/A_(b))', [['https://x.example/wiki/A_(b)', 'https://x.example/wiki/A_(b)']]],
      ['a labelled link', '[my shop](https://shop.example/)', [['https://shop.example/', 'my shop']]],
      ['a silent labelled link', '?[here](https://x.example/)', [['https://x.example/', 'here']]],
      ['an angle-bracket URL', '<https://x.example/p>', [['https://x.example/p', 'https://x.example/p']]],
    ])('%s', (_what, mfm, links) => {
      expect(htmlToText(mfmToHtml(mfm).html).links.map((l) => [l.href, l.text])).toEqual(links)
    })
  })

  test('writes mentions the way Mastodon does, so the HTML reader finds them', () => {
    const reading = htmlToText(mfmToHtml('@a@x.example @b@y.example').html)
    expect(reading.mentions.map((m) => m.href)).toEqual(['https://x.example/@a', 'https://y.example/@b'])
    expect(reading.prose).toBe('')
  })

  test('stays fast on hostile input (many openers, nothing closed)', () => {
    const hostile = '$[x <plain>[`'.repeat(20_000) + '@'.repeat(50_000) + '#'.repeat(50_000)
    const reading = mfmToHtml(hostile)
    expect(reading.html.length).toBeGreaterThan(hostile.length)
  })
})
