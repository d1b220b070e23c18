import fc from 'fast-check'
import { referenceTokenizeHtml } from '../helpers/tokenize-html-reference.js'
import { describe, expect, test } from 'vitest'
import { hasToken, type HtmlTokenHandler, TAG_A, TAG_BLOCK, TAG_OTHER, TAG_P, TAG_SPAN, tokenizeHtml } from '../../src/text/html-tokens.js'
import { readLinkAttributes } from '../../src/text/read-attributes.js'

type Token = { text: string } | { tag: number; closing: boolean; name: string; href?: string }

/** The tokens of a document, each tag's `href` read in place where it has one. */
function tokens(html: string): Token[] {
  const out: Token[] = []
  const handler: HtmlTokenHandler = {
    text: (doc, from, to) => out.push({ text: doc.slice(from, to) }),
    tag: (kind, closing, doc, nameFrom, attributesFrom, end) => {
      const href = closing ? '' : readLinkAttributes(doc, nameFrom, end).href
      out.push({ tag: kind, closing, name: doc.slice(nameFrom, attributesFrom).toLowerCase(), ...(href === '' ? {} : { href }) })
    },
  }
  tokenizeHtml(html, handler)
  return out
}

describe('tokenizeHtml', () => {
  test('text runs and tags in order, with their kinds and attributes read in place', () => {
    expect(tokens('<p>Hi <a href="https://a.example/x?y=1&amp;z" class="k">there</a><br>now</p><DIV>x</div>')).toEqual([
      { tag: TAG_P, closing: false, name: 'p' },
      { text: 'Hi ' },
      { tag: TAG_A, closing: false, name: 'a', href: 'https://a.example/x?y=1&z' },
      { text: 'there' },
      { tag: TAG_A, closing: true, name: 'a' },
      { tag: TAG_BLOCK, closing: false, name: 'br' },
      { text: 'now' },
      { tag: TAG_P, closing: true, name: 'p' },
      { tag: TAG_BLOCK, closing: false, name: 'div' },
      { text: 'x' },
      { tag: TAG_BLOCK, closing: true, name: 'div' },
    ])
  })
  test('span and unknown tags', () => {
    expect(tokens('<span class="x">a</span><em>b</em>').map((t) => ('tag' in t ? t.tag : -1))).toEqual([TAG_SPAN, -1, TAG_SPAN, TAG_OTHER, -1, TAG_OTHER])
  })
  test('comments, bogus comments and raw-text elements are skipped; a < that starts no tag is text', () => {
    expect(tokens('a<!-- <a href="x"> -->b<!doctype html><?x?>c<script>var s = "<a href=y>"</script>d < 3 <3')).toEqual([
      { text: 'a' },
      { text: 'b' },
      { text: 'c' },
      { text: 'd ' },
      { text: '<' },
      { text: ' 3 ' },
      { text: '<' },
      { text: '3' },
    ])
    expect(tokens('x<script/>y')).toEqual([{ text: 'x' }, { text: 'y' }])
  })
  test('a tag with no end is text, up to the end of the document', () => {
    expect(tokens('a <b c="d')).toEqual([{ text: 'a ' }, { text: '<b c="d' }])
    expect(tokens('<a'.repeat(3))).toEqual([{ text: '<a<a<a' }])
  })
  test('the text runs and tag names give back the document minus what is skipped (any input)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', 'p', ' ', '=', '"', '!', '-', 'x') }), (html) => {
        let length = 0
        tokenizeHtml(html, {
          text: (_, from, to) => {
            expect(to).toBeGreaterThan(from)
            length += to - from
          },
          tag: (_kind, _closing, doc, nameFrom, attributesFrom, end) => {
            expect(nameFrom).toBeLessThan(attributesFrom)
            expect(attributesFrom).toBeLessThanOrEqual(end)
            expect(doc.charCodeAt(end)).toBe(62)
          },
        })
        expect(length).toBeLessThanOrEqual(html.length)
      }),
      { seed: 20261207, numRuns: 300 },
    )
  })
})

describe('tokenizeHtml against the reading without shortcuts', () => {
  test('the same text runs and tags for any document', () => {
    const record = (run: (html: string, handler: HtmlTokenHandler) => void, html: string): unknown[] => {
      const out: unknown[] = []
      run(html, {
        text: (_, from, to) => out.push(['text', from, to]),
        tag: (kind, closing, _doc, nameFrom, attributesFrom, end) => out.push(['tag', kind, closing, nameFrom, attributesFrom, end]),
      })
      return out
    }
    const piece = fc.constantFrom('<', '>', '/', 'a', 'p', 'span', 'br', ' ', '=', '"', '!', '-', 'x', '<!--', '-->', 'script', '</', '?', '<a href="x">', '</a>', '<span>', '</span>')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('')
        expect(record(tokenizeHtml, html)).toEqual(record(referenceTokenizeHtml, html))
      }),
      { seed: 20261216, numRuns: 3000 },
    )
  })
})

describe('hasToken', () => {
  test('the same answer as splitting the value at HTML spaces, for any value and token', () => {
    const piece = fc.constantFrom(' ', '\t', '\n', '\f', '\r', '\u00a0', 'a', 'b', 'ab', 'mention', 'x-y', '')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.constantFrom('a', 'ab', 'b', 'mention', 'x-y'), (list, token) => {
        expect(hasToken(list, token)).toBe(list.split(/[ \t\n\f\r]/u).includes(token))
      }),
      { seed: 20261218, numRuns: 3000 },
    )
  })
  test('whole tokens of a space-separated value only', () => {
    expect(hasToken('u-url mention', 'mention')).toBe(true)
    expect(hasToken('mentions', 'mention')).toBe(false)
    expect(hasToken('a\tmention\n', 'mention')).toBe(true)
    expect(hasToken('', 'mention')).toBe(false)
  })
})
