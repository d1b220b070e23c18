import { describe, expect, test } from 'vitest'
import { duplicateKeyText, readStatus } from '../../src/internals.js'
import { wordShingles } from '../../src/text/shingles.js'

const keyOf = (html: string, spoiler = '') => duplicateKeyText(readStatus({ content: html, spoiler_text: spoiler }, 'example.social'))
const set = (text: string) => new Set(wordShingles(text))

describe('duplicateKeyText', () => {
  // columns: case, content HTML, expected key text
  test.each([
    ['drops mentions, hashtags and links', '<p><a href="https://x.example/@bob" class="u-url mention">@<span>bob</span></a> Join now <a href="https://x.example/tags/free" class="mention hashtag">#<span>free</span></a> <a href="https://spam.example/">spam.example/</a></p>', 'join now'],
    ['folds fullwidth, look-alike letters and zero-width characters', '<p>Ｆｒｅｅ nіtrо\u200b for everyone</p>', 'free nitro for everyone'],
    ['drops plain-text URLs, mentions and hashtags left in the prose', '<p>see https://spam.example/x and @alice@other.example #promo now</p>', 'see and now'],
    ['turns punctuation into single spaces', '<p>Hello,   world!!! 今日は、いい天気。</p>', 'hello world 今日は いい天気'],
    ['is empty for a post of mentions only', '<p><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a> <a href="https://x.example/@b" class="u-url mention">@<span>b</span></a></p>', ''],
  ])('%s', (_case, html, expected) => {
    expect(keyOf(html)).toBe(expected)
  })

  test('includes the content warning', () => {
    expect(keyOf('<p>body text</p>', 'CW: Spoiler')).toBe('cw spoiler body text')
  })
})

describe('wordShingles', () => {
  test('gives the same set for shuffled words', () => {
    expect(set('free art for everyone who joins')).toEqual(set('joins who everyone for art free'))
  })

  test('cuts padded 3-grams inside each word', () => {
    // "cat": " ca", "cat", "at " — three shingles, none shared with "dog"; "a" alone: " a ".
    expect(wordShingles('cat')).toHaveLength(3)
    expect(set('cat dog').size).toBe(6)
    expect(wordShingles('a')).toHaveLength(1)
  })

  test('treats an unspaced Japanese sentence as one run of 3-grams', () => {
    expect(wordShingles('今日はいい天気')).toHaveLength(7)
  })

  test('reads astral characters as one code point', () => {
    expect(wordShingles('𝟘𝟙')).toHaveLength(2)
  })

  test('is empty for empty text', () => {
    expect(wordShingles('')).toHaveLength(0)
  })

  test('changes only the shingles of an inserted word', () => {
    const a = set('our group is giving away free art commissions')
    const b = set('our group alice is giving away free art commissions')
    const shared = [...a].filter((x) => b.has(x)).length
    expect(shared).toBe(a.size)
    // "alice" adds " al", "ali", "lic", "ice", "ce ".
    expect(b.size - shared).toBe(5)
  })
})
