import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { documentCursors, NextIndex, readLinkAttributes } from '../../src/text/read-attributes.js'
import { readAttributes } from '../helpers/read-attributes.js'

describe('readAttributes', () => {
  // tag | attributes
  test.each([
    ['a href="https://x.example/" class="u-url mention"', { href: 'https://x.example/', class: 'u-url mention' }],
    ["A HREF='https://x.example/' CLASS='mention'", { href: 'https://x.example/', class: 'mention' }],
    ['a href=https://x.example/ class=mention', { href: 'https://x.example/', class: 'mention' }],
    ['a href = "spaced"', { href: 'spaced' }],
    ['a title=" href=evil" href="good"', { title: ' href=evil', href: 'good' }],
    ['a href="first" href="second"', { href: 'first' }],
    ['a href="x"class="y"', { href: 'x', class: 'y' }],
    ['a href="?a=1&amp;b=2"', { href: '?a=1&b=2' }],
    ['br /', {}],
    ['a disabled href="x"', { disabled: '', href: 'x' }],
    ['a = href="x"', { '=': '', href: 'x' }],
    ['a href="unterminated', { href: 'unterminated' }],
    ['span\nclass="invisible"\t', { class: 'invisible' }],
  ])('%j', (tag, attributes) => {
    expect(Object.fromEntries(readAttributes(tag))).toEqual(attributes)
  })
})

describe('readLinkAttributes', () => {
  test('gives the href, class and rel readAttributes gives, for any tag', () => {
    const parts = fc.constantFrom(' ', '=', '"', "'", 'href', 'HREF', 'class', 'rel', 'title', 'x', '&amp;', '/', '\t', 'a')
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 30 }), (pieces) => {
        const tag = `a ${pieces.join('')}`
        const map = readAttributes(tag)
        expect(readLinkAttributes(tag)).toEqual({ href: map.get('href') ?? '', class: map.get('class') ?? '', rel: map.get('rel') ?? '' })
      }),
      { seed: 20240216, numRuns: 3000 },
    )
  })
})

describe('readLinkAttributes over a range of a document', () => {
  test('reads the tag where it lies as it reads the tag cut out, whatever follows it', () => {
    const parts = fc.constantFrom(' ', '=', '"', "'", 'href', 'class', 'rel', 'x', '&amp;', '/', '>', 'a')
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 20 }), fc.array(parts, { maxLength: 20 }), fc.array(parts, { maxLength: 10 }), (before, inside, after) => {
        const head = before.join('')
        const tag = `a ${inside.join('')}`
        const document = `${head}${tag}${after.join('')}`
        expect(readLinkAttributes(document, head.length, head.length + tag.length)).toEqual(readLinkAttributes(tag))
      }),
      { seed: 20240217, numRuns: 3000 },
    )
  })

  test('a quote left open ends at the end of the range, not at a quote after it', () => {
    const document = '<a href="https://x.example/>text</a> and later " class="mention"'
    const gt = document.indexOf('>')
    expect(readLinkAttributes(document, 1, gt)).toEqual({ href: 'https://x.example/', class: '', rel: '' })
  })
})

describe('readLinkAttributes with only some attributes wanted', () => {
  // tag | wanted | attributes
  test.each([
    ['span class="h-card" translate="no" href="x"', 2, { href: '', class: 'h-card', rel: '' }],
    ['span href="x" class="c" rel="r"', 2, { href: 'x', class: 'c', rel: '' }],
    ['a href="x" rel="r" class="c"', 7, { href: 'x', class: 'c', rel: 'r' }],
    ['span title="a" CLASS=b class=c', 2, { href: '', class: 'b', rel: '' }],
  ])('%j, wanting %i', (tag, wanted, attributes) => {
    expect(readLinkAttributes(tag, 0, tag.length, wanted)).toEqual(attributes)
  })
})

describe('NextIndex (the remembered search of readLinkAttributes and htmlToText)', () => {
  test('answers as indexOf does, for places asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '"', "'", '&', ' '), { maxLength: 40 }), fc.array(fc.nat(45), { maxLength: 30 }), (chars, places) => {
        const text = chars.join('')
        const next = new NextIndex(text, '"')
        for (const place of places) expect(next.from(place)).toBe(text.indexOf('"', place))
      }),
      { seed: 20261207, numRuns: 3000 },
    )
  })
})

describe('readLinkAttributes with the cursors of the document', () => {
  test('reads every tag of a document, in order, as the plain reading does', () => {
    const parts = fc.constantFrom(' ', '=', '"', "'", 'href', 'class', 'rel', 'x', '&amp;', '&', '/', '<a ', '<span ', '>', 'a')
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 60 }), fc.constantFrom(1, 2, 7), (pieces, wanted) => {
        const document = pieces.join('')
        const cursors = documentCursors(document)
        // Each `<` up to the next `>` is a tag, as the tokenizer reads them.
        for (let lt = document.indexOf('<'); lt >= 0; lt = document.indexOf('<', lt + 1)) {
          const gt = document.indexOf('>', lt)
          if (gt < 0) break
          expect(readLinkAttributes(document, lt + 1, gt, wanted, cursors)).toEqual(readLinkAttributes(document, lt + 1, gt, wanted))
          lt = gt
        }
      }),
      { seed: 20261208, numRuns: 3000 },
    )
  })
})
