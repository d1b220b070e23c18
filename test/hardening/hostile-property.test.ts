/**
 * A structure-aware hostile generator (issue 12): statuses built from a plan that nests
 * notifications and boosts deep or in cycles, puts revoked and throwing proxies anywhere an object
 * or a list may be, makes lists sparse and huge, and mixes scripts in every text. Whatever it
 * builds, nothing throws, every verdict is well formed, and the text read stays within the budget.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { createSpamFilter } from '../../src/filter.js'
import { fromActivityPub } from '../../src/status/from-activitypub.js'
import { fromMasto } from '../../src/status/from-masto.js'
import { fromMisskey } from '../../src/status/from-misskey.js'
import { readStatus } from '../../src/status/read-status.js'
import { unwrapStatus } from '../../src/status/unwrap.js'
import type { Verdict } from '../../src/verdict.js'

const RUNS = { seed: 20_261_207, numRuns: 300 }

/** Text pieces of many scripts and disguises. */
const PIECES = ['free ', 'nitro', 'ｄｉｓｃｏｒｄ', '.ｇｇ/', 'nіtro', 'ο', '荒らし', 'サーバー', '한국어', 'عربى', '😀', '\u0301', '\u0338', '\u200b', '\u202e', '\ud800', '<a href="https://x.example">', '</a>', '<p>', '&amp;', '@bob@x.example', '#tag', 'https://discord.gg/abc ', ' ']
const mixedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''))
/** Sometimes a long text: repeated so building it stays cheap. */
const text = fc.oneof({ weight: 5, arbitrary: mixedText }, { weight: 1, arbitrary: fc.tuple(mixedText, fc.integer({ min: 100, max: 20_000 })).map(([t, n]) => (t === '' ? 'x' : t).repeat(Math.ceil(n / Math.max(1, t.length)))) })

/** What to put where an object or a list is expected. */
type Hazard = 'plain' | 'revoked' | 'throwing' | 'sparse-huge' | 'huge-length-proxy' | 'null' | 'string'
const hazard = fc.constantFrom<Hazard>('plain', 'plain', 'plain', 'plain', 'revoked', 'throwing', 'sparse-huge', 'huge-length-proxy', 'null', 'string')

function revoked(base: object): object {
  const { proxy, revoke } = Proxy.revocable(base, {})
  revoke()
  return proxy
}

const throwing = (base: object): object =>
  new Proxy(base, {
    get() {
      throw new Error('get trap')
    },
    has() {
      throw new Error('has trap')
    },
    ownKeys() {
      throw new Error('ownKeys trap')
    },
    getPrototypeOf() {
      throw new Error('getPrototypeOf trap')
    },
  })

/** A list of `items` disguised as the hazard says. */
function list(items: unknown[], how: Hazard): unknown {
  switch (how) {
    case 'revoked':
      return revoked(items)
    case 'throwing':
      return throwing(items)
    case 'sparse-huge': {
      const sparse: unknown[] = new Array(2 ** 32 - 1)
      items.forEach((item, i) => (sparse[i * 1000] = item))
      return sparse
    }
    case 'huge-length-proxy':
      return new Proxy(items, { get: (target, key) => (key === 'length' ? 1e9 : Reflect.get(target, key)) })
    case 'null':
      return null
    case 'string':
      return 'not a list'
    default:
      return items
  }
}

const object = (value: object, how: Hazard): unknown => (how === 'revoked' ? revoked(value) : how === 'throwing' ? throwing(value) : how === 'null' ? null : how === 'string' ? 'x' : value)

const plan = fc.record({
  content: text,
  spoiler: text,
  mentions: fc.tuple(fc.array(fc.record({ acct: text, url: fc.webUrl() }), { maxLength: 6 }), hazard),
  tags: fc.tuple(fc.array(fc.record({ name: text }), { maxLength: 6 }), hazard),
  media: fc.tuple(fc.array(fc.record({ description: text, preview_url: fc.webUrl() }), { maxLength: 6 }), hazard),
  poll: fc.tuple(fc.array(fc.record({ title: text }), { maxLength: 6 }), hazard, hazard),
  card: fc.tuple(fc.record({ url: fc.webUrl(), title: text, description: text }), hazard),
  account: fc.tuple(fc.record({ acct: text, display_name: text, note: text }), hazard, hazard),
  whole: hazard,
  /** Notification wrappers around the status (deep ones beyond the limit), a boost, a cycle. */
  wrappers: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 5_000 })),
  boost: fc.boolean(),
  cycle: fc.boolean(),
})

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never

function build(p: Plan): unknown {
  const media = p.media[0].map((m, i) => ({ id: String(i), type: 'image', ...m }))
  const status: Record<string, unknown> = {
    id: '1',
    created_at: '2024-02-16T12:00:00.000Z',
    content: p.content,
    spoiler_text: p.spoiler,
    mentions: list(p.mentions[0], p.mentions[1]),
    tags: list(p.tags[0], p.tags[1]),
    media_attachments: list(media, p.media[1]),
    poll: object({ options: list(p.poll[0], p.poll[1]) }, p.poll[2]),
    card: object(p.card[0], p.card[1]),
    account: object({ ...p.account[0], fields: list([{ name: 'a', value: 'b' }], p.account[2]) }, p.account[1]),
  }
  let value: unknown = object(p.boost ? { content: '', reblog: status } : status, p.whole)
  for (let i = 0; i < p.wrappers; i++) value = { type: 'mention', status: value }
  if (p.cycle) {
    const loop: Record<string, unknown> = { type: 'mention' }
    loop.status = { type: 'mention', status: loop }
    value = { type: 'mention', status: loop }
  }
  return value
}

function wellFormed(verdict: Verdict): void {
  expect(['clean', 'suspicious', 'spam']).toContain(verdict.label)
  expect(Number.isFinite(verdict.score)).toBe(true)
  for (const reason of verdict.reasons) expect(typeof reason.message).toBe('string')
}

describe('hostile structures', () => {
  test('classifyStatus never throws and gives a well-formed verdict', () => {
    fc.assert(
      fc.property(plan, (p) => {
        wellFormed(classifyStatus(build(p)))
      }),
      RUNS,
    )
  })

  test('the filter’s methods never throw', async () => {
    const filter = createSpamFilter()
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const input = build(p)
        wellFormed(filter.classify(input))
        wellFormed(await filter.classifyAsync(input))
        filter.observe([input, input])
        filter.markSpam(input)
        filter.markNotSpam(input)
      }),
      { ...RUNS, numRuns: 150 },
    )
  })

  test('the adapters never throw on the same structures', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const input = build(p)
        classifyStatus(fromActivityPub(input))
        classifyStatus(fromMasto(input as never))
        classifyStatus(fromMisskey(input as never))
      }),
      { ...RUNS, numRuns: 150 },
    )
  })

  test('the text read never exceeds the budget', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 5_000 }), (p, budget) => {
        const inner = unwrapStatus(build(p))
        if (inner === undefined) return
        const status = readStatus(inner, undefined, { maxContentLength: 100_000, maxListLength: 500, maxTextLength: budget })
        // Content counts as raw HTML against the budget; its visible text is never longer.
        const read = status.text.length + status.spoilerText.length + status.extraTexts.reduce((sum, t) => sum + t.length, 0)
        expect(read).toBeLessThanOrEqual(budget)
      }),
      RUNS,
    )
  })
})
