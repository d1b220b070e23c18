import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { createSpamFilter } from '../src/filter.js'
import { foldForMatching } from '../src/text/fold-for-matching.js'
import { htmlToText } from '../src/status/read-content.js'
import type { Verdict } from '../src/verdict.js'
import { makeSpamAccount, makeStatus, makeWaveStatus } from './helpers/make-status.js'

// Seeded, so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const RUNS = { seed: 20240216, numRuns: 1000 }
const LABELS = ['clean', 'suspicious', 'spam']

/** Pieces of hostile markup and text: unclosed tags, entity starts, Mastodon classes, invisible and bidi characters, lone surrogates. */
const FRAGMENTS = [
  '<a ', '<a href="', '<a href=https://x.example/@u ', '">', "'", '>', '</a>', '<span class="invisible">', '<span class="ellipsis">', '</span>',
  '<span class="h-card">', 'class="u-url mention"', 'class="mention hashtag" rel="tag"', '<p>', '</p>', '<br>', '<br />', '<', '</', '<!--', '-->',
  '<!', '<?', '<script>', '</script>', '<style>', '&', '&#', '&#x', '&#x1F600;', '&amp;', '&lt;', '&bogus;', ';', '@', '@alice@example.social', '#', '#tag',
  'https://discord.gg/abc', ' ', '\n', 'x', 'ｄ', 'і', 'ο', '\u0301', '\u0338', 'が', 'ｶﾞ', '\u200b', '\u202e', '\ufeff', '\ud800', '\udc00', '😀', '荒らし',
]
const hostileText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''))
const anyText = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }))

/** A value of the right type, or anything at all. */
const maybe = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) })

const account = fc.record(
  {
    id: maybe(fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String), fc.string())),
    username: maybe(anyText),
    acct: maybe(anyText),
    url: maybe(fc.webUrl()),
    display_name: maybe(anyText),
    note: maybe(anyText),
    avatar: maybe(fc.constantFrom('https://x.example/avatars/original/missing.png', '', 'https://x.example/a.png')),
    bot: maybe(fc.boolean()),
    created_at: maybe(fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'bad' : d.toISOString()))),
    followers_count: maybe(fc.integer({ min: -5, max: 10_000 })),
    following_count: maybe(fc.integer({ min: -5, max: 10_000 })),
    statuses_count: maybe(fc.integer({ min: -5, max: 10_000 })),
    fields: maybe(fc.array(fc.record({ name: anyText, value: anyText }), { maxLength: 3 })),
  },
  { requiredKeys: [] },
)

const mention = fc.record({ id: maybe(fc.string()), username: maybe(anyText), acct: maybe(anyText), url: maybe(fc.webUrl()) }, { requiredKeys: [] })

const status = fc.record(
  {
    id: maybe(fc.string()),
    created_at: maybe(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    content: maybe(anyText),
    spoiler_text: maybe(anyText),
    account: maybe(account),
    mentions: maybe(fc.array(mention, { maxLength: 12 })),
    tags: maybe(fc.array(fc.record({ name: maybe(anyText) }, { requiredKeys: [] }), { maxLength: 5 })),
    media_attachments: maybe(fc.array(fc.record({ type: maybe(fc.string()), description: maybe(anyText), url: maybe(fc.webUrl()), meta: fc.anything({ maxDepth: 3 }) }, { requiredKeys: [] }), { maxLength: 4 })),
    card: maybe(fc.record({ url: maybe(fc.webUrl()), title: maybe(anyText), description: maybe(anyText) }, { requiredKeys: [] })),
    poll: maybe(fc.record({ options: maybe(fc.array(fc.record({ title: maybe(anyText) }), { maxLength: 4 })) }, { requiredKeys: [] })),
    in_reply_to_id: maybe(fc.oneof(fc.string(), fc.constant(null))),
    visibility: maybe(fc.constantFrom('public', 'unlisted', 'private', 'direct')),
  },
  { requiredKeys: [] },
)

/** A status, a boost of one, or a Notification holding one. */
const input = fc.oneof(
  { weight: 4, arbitrary: status },
  { weight: 1, arbitrary: status.map((s) => ({ content: '', reblog: s })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('mention', 'status', 'follow', 42), status).map(([type, s]) => ({ type, status: s })) },
)

function expectWellFormed(verdict: Verdict): void {
  expect(LABELS).toContain(verdict.label)
  expect(Number.isFinite(verdict.score)).toBe(true)
  expect(verdict.score).toBeGreaterThanOrEqual(0)
  expect(Array.isArray(verdict.reasons)).toBe(true)
  expect(Array.isArray(verdict.skipped)).toBe(true)
  verdict.reasons.forEach((reason, index) => {
    expect(typeof reason.signal).toBe('string')
    expect(typeof reason.message).toBe('string')
    expect(Number.isFinite(reason.score)).toBe(true)
    expect(Array.isArray(reason.evidence)).toBe(true)
    for (const item of reason.evidence) expect(typeof item).toBe('string')
    if (index > 0) expect(reason.score).toBeLessThanOrEqual(verdict.reasons[index - 1]?.score ?? Number.POSITIVE_INFINITY)
  })
}

describe('classifyStatus', () => {
  test('returns a well-formed verdict for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expectWellFormed(classifyStatus(value))
      }),
      RUNS,
    )
  })

  test('returns a well-formed verdict for any JavaScript value', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (value) => {
        expectWellFormed(classifyStatus(value))
      }),
      RUNS,
    )
  })

  test('returns a well-formed verdict for random partial statuses with wrongly typed fields', () => {
    const viewer = { acct: 'me@example.social', follows: ['user1@a.example'] }
    fc.assert(
      fc.property(input, (value) => {
        expectWellFormed(classifyStatus(value))
        expectWellFormed(classifyStatus(value, { viewer }))
      }),
      RUNS,
    )
  })

  test('returns a well-formed verdict for hostile content by a spam-like account', () => {
    fc.assert(
      fc.property(hostileText, (content) => {
        expectWellFormed(classifyStatus(makeWaveStatus({ content })))
      }),
      RUNS,
    )
  })

  test('gives a filter without memory the same verdict as classifyStatus', () => {
    const filter = createSpamFilter({ memory: false })
    fc.assert(
      fc.property(input, (value) => {
        expect(filter.classify(value)).toEqual(classifyStatus(value))
      }),
      { ...RUNS, numRuns: 300 },
    )
  })

  // A 1 MB content string of hostile patterns: the reader must finish (linear), and the verdict
  // must be well formed. No timing assertion: the test timeout is the only limit.
  // name | 1 MB content
  test.each([
    ['unclosed anchors', '<a '.repeat(350_000)],
    ['entity starts', '&#'.repeat(500_000)],
    ['hex entity starts', '&#x'.repeat(350_000)],
    ['less-than signs without a tag', '<1'.repeat(500_000) + '>'],
    ['nested spans', '<span class="invisible"><span class="ellipsis">'.repeat(22_000) + '</span>'.repeat(22_000)],
    ['attribute names without values', `<a ${'class '.repeat(170_000)}>x</a>`],
    ['unterminated comments', '<!--'.repeat(250_000)],
    ['mention anchors', '<a href="https://x.example/@u" class="u-url mention">@u</a>'.repeat(17_000)],
    ['combining marks', 'a\u0301'.repeat(500_000)],
    ['almost-closing tags inside a script', `<script>${'</scrip<!--'.repeat(90_000)}`],
    // Both took close to a minute when the last character of a growing string was read back at each step.
    ['line breaks between letters', 'a<br>'.repeat(200_000)],
    ['accented look-alike letters of an invite host', `<p>${'dïѕ'.repeat(330_000)}</p>`],
  ])('classifies 1 MB of %s', (_name, content) => {
    const verdict = classifyStatus(makeStatus({ content, account: makeSpamAccount() }), { limits: { maxContentLength: 1_100_000 } })
    expectWellFormed(verdict)
  })
})

describe('htmlToText', () => {
  test('never throws and returns strings', () => {
    fc.assert(
      fc.property(anyText, (html) => {
        const reading = htmlToText(html)
        expect(typeof reading.text).toBe('string')
        expect(typeof reading.prose).toBe('string')
        for (const anchor of [...reading.links, ...reading.mentions]) {
          expect(typeof anchor.href).toBe('string')
          expect(typeof anchor.text).toBe('string')
        }
      }),
      RUNS,
    )
  })

  test('shows text without markup as it is, except for entities and white space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !s.includes('<') && !s.includes('&')), (text) => {
        expect(htmlToText(text).text).toBe(text.trim())
      }),
      RUNS,
    )
  })
})

describe('foldForMatching', () => {
  test('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = foldForMatching(text)
        expect(foldForMatching(once)).toBe(once)
      }),
      { ...RUNS, numRuns: 2000 },
    )
  })

  test('leaves no upper-case ASCII letter and no zero-width or bidi character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldForMatching(text)).not.toMatch(/[A-Z\u200b-\u200f\u202a-\u202e\u2060\ufeff]/u)
      }),
      RUNS,
    )
  })
})
