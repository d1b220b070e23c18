import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { classifyStatus, createSpamFilter, detectInput } from '../../src/index.js'
import { makeStatus, makeWaveStatus, NOW } from '../helpers/make-status.js'

const dir = path.resolve(import.meta.dirname, '../../fixtures/inputs')
interface Entry {
  readonly file: string
  readonly shape: string
  readonly statuses: number
  readonly label: string
  readonly skipped: boolean
  readonly each?: readonly string[]
}
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Entry[]
const load = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'))

describe('detectInput and classifyStatus on every input shape (fixtures/inputs)', () => {
  test('the manifest covers every shape detectInput names', () => {
    const shapes = new Set(manifest.map((e) => e.shape))
    for (const shape of ['status', 'edit', 'notification', 'wrapper', 'admin-webhook', 'admin-report', 'streaming-event', 'notification-groups', 'edit-history', 'activitypub-collection', 'mastodon-archive', 'no-status']) {
      expect(shapes, shape).toContain(shape)
    }
  })

  test.each(manifest.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const value = load(entry.file)
    const found = detectInput(value)
    expect(found.shape).toBe(entry.shape)
    expect(found.statuses).toHaveLength(entry.statuses)
    expect(found.seen).not.toBe('')
    const verdict = classifyStatus(value)
    expect(verdict.label).toBe(entry.label)
    if (entry.skipped) {
      expect(verdict.skipped).toEqual([{ signal: 'input', because: 'invalid-input', detail: expect.stringContaining(found.seen) as string }])
    } else {
      expect(verdict.skipped).toEqual([])
    }
    if (entry.each !== undefined) expect(found.statuses.map((s) => classifyStatus(s).label)).toEqual(entry.each)
    // The filter reads the same shapes.
    expect(createSpamFilter().classify(value).label).toBe(entry.label)
  })
})

describe('detectInput', () => {
  test('says what a value with no status is', () => {
    expect(detectInput(null).seen).toBe('null')
    expect(detectInput({}).seen).toBe('an empty object')
    expect(detectInput({ foo: 1, bar: 2 }).seen).toBe('an object with no status fields (keys: foo, bar)')
    expect(detectInput([]).seen).toBe('an empty array')
    expect(detectInput({ id: '1', username: 'alice', acct: 'alice@example.social', note: '' }).seen).toBe('an account (@alice@example.social), which is not a status')
    expect(detectInput({ id: '1', type: 'favourite', account: {}, status: makeStatus() }).seen).toMatch(/^a "favourite" notification, whose status is your own/u)
    expect(detectInput({ event: 'report.created', created_at: 'x', object: {} }).shape).toBe('no-status')
    expect(detectInput({ type: 'Delete', actor: 'https://a.example/u', object: 'https://a.example/n/1' }).shape).toBe('no-status')
  })

  test('reads a list of mixed formats and says how many held no status', () => {
    const found = detectInput([makeWaveStatus(), { status: makeStatus() }, { type: 'follow', account: {} }, 42])
    expect(found.shape).toBe('list')
    expect(found.statuses).toHaveLength(2)
    expect(found.seen).toBe('a list of 4 items holding 2 posts (2 with none)')
  })

  test('a forced format is used as given', () => {
    const note = load('activitypub-outbox.json') as { orderedItems: unknown[] }
    expect(detectInput(note.orderedItems[0], { format: 'activitypub' }).format).toBe('activitypub')
    expect(detectInput({ content: '<p>hi</p>', createdAt: '2024-02-16T12:00:00Z' }, { format: 'mastodon' }).statuses[0]).toEqual({ content: '<p>hi</p>', createdAt: '2024-02-16T12:00:00Z' })
  })

  test('streaming payloads that are not JSON, or too long, are reported', () => {
    expect(detectInput({ event: 'update', payload: '{not json' }).seen).toBe('a streaming "update" event whose payload is not JSON')
    expect(detectInput({ event: 'update', payload: ' '.repeat(1_000_001) }).shape).toBe('no-status')
  })

  test('deep wrappers stop at a bounded depth', () => {
    let value: unknown = makeWaveStatus()
    for (let i = 0; i < 10; i++) value = { status: value }
    expect(detectInput(value).statuses).toHaveLength(0)
    expect(detectInput(value).seen).toContain('nested deeper than')
  })

  test('never throws, whatever it is given (getters that throw, proxies, random JSON)', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, has: () => { throw new Error('boom') }, ownKeys: () => { throw new Error('boom') }, getOwnPropertyDescriptor: () => { throw new Error('boom') } })
    expect(() => detectInput(hostile)).not.toThrow()
    expect(() => classifyStatus(hostile)).not.toThrow()
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withObjectString: true }), (value) => {
        const found = detectInput(value)
        expect(typeof found.seen).toBe('string')
        expect(classifyStatus(value).label).toMatch(/^(clean|suspicious|spam)$/u)
      }),
      { seed: 20240216, numRuns: 500 },
    )
  })
})

describe('masto.js entities passed as is', () => {
  const camel = (key: string): string => key.replace(/_([a-z])/gu, (_, c: string) => c.toUpperCase())
  const toCamel = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(toCamel) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toCamel(v)])) : value
  const statuses = path.resolve(import.meta.dirname, '../../fixtures/statuses')
  const fixtures = (JSON.parse(readFileSync(path.join(statuses, 'manifest.json'), 'utf8')) as { file: string }[]).map((e) => [e.file, JSON.parse(readFileSync(path.join(statuses, e.file), 'utf8')) as unknown] as const)

  // 0.1 read them as REST JSON and 3 of the 14 ham fixtures turned suspicious.
  test.each(fixtures)('%s in camelCase gets the verdict of its REST form', (_file, status) => {
    const rest = classifyStatus(status)
    const masto = classifyStatus(toCamel(status))
    expect(detectInput(toCamel(status)).format).toBe('masto')
    expect({ label: masto.label, score: masto.score, signals: masto.reasons.map((r) => r.signal) }).toEqual({ label: rest.label, score: rest.score, signals: rest.reasons.map((r) => r.signal) })
  })
})

describe('quote posts (Mastodon 4.5)', () => {
  const spam = makeWaveStatus()
  const quoting = (quote: unknown, overrides = {}) => makeStatus({ content: '<p>look at this</p>', ...overrides, quote } as never)

  test('an accepted quote of spam: the quote is the spam, said in the verdict', () => {
    const verdict = classifyStatus(quoting({ state: 'accepted', quoted_status: spam }))
    const own = classifyStatus(spam)
    expect(verdict.label).toBe('spam')
    expect(verdict.score).toBe(own.score)
    expect(verdict.quote).toMatchObject({ state: 'accepted', id: spam.id, isTheSpam: true })
    expect(verdict.quote?.verdict).toEqual(own)
    const reason = verdict.reasons.find((r) => r.signal === 'quoted-status')
    expect(reason?.evidence).toEqual([spam.id])
    // The reasons still add up to the score.
    expect(verdict.reasons.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(verdict.score, 2)
  })

  test('with the quote-inline fallback Mastodon writes (RE: a link to the quoted post), the quote is still the spam', () => {
    const url = String(spam.url)
    const fallback = `<p class="quote-inline">RE: <a href="${url}">${url}</a></p><p>look at this</p>`
    const verdict = classifyStatus(quoting({ state: 'accepted', quoted_status: spam }, { content: fallback }))
    expect(verdict.label).toBe('spam')
    expect(verdict.quote?.isTheSpam).toBe(true)
    expect(verdict.reasons[0]?.signal).toBe('quoted-status')
  })

  test('a spam post quoting a harmless one: the post is the spam, not the quote', () => {
    const verdict = classifyStatus(makeWaveStatus({ quote: { state: 'accepted', quoted_status: makeStatus() } } as never))
    expect(verdict.label).toBe('spam')
    expect(verdict.quote).toMatchObject({ state: 'accepted', isTheSpam: false })
    expect(verdict.quote?.verdict?.label).toBe('clean')
    expect(verdict.reasons.map((r) => r.signal)).not.toContain('quoted-status')
  })

  test('only accepted quotes are classified; unknown states are unauthorized', () => {
    for (const state of ['pending', 'rejected', 'revoked', 'deleted', 'unauthorized', 'blocked_account', 'blocked_domain', 'muted_account']) {
      const verdict = classifyStatus(quoting({ state, quoted_status: spam }))
      expect(verdict.label, state).toBe('clean')
      expect(verdict.quote, state).toEqual({ state, id: spam.id, isTheSpam: false })
    }
    expect(classifyStatus(quoting({ state: 'new-in-5.0', quoted_status: spam })).quote?.state).toBe('unauthorized')
    expect(classifyStatus(quoting({ quoted_status: spam })).quote?.state).toBe('unauthorized')
  })

  test('one level deep: the quoted status\'s own quote is not followed', () => {
    const inner = makeStatus({ id: '2', quote: { state: 'accepted', quoted_status: spam } } as never)
    const verdict = classifyStatus(quoting({ state: 'accepted', quoted_status: inner }))
    expect(verdict.label).toBe('clean')
    expect(verdict.quote?.verdict?.quote).toBeUndefined()
  })

  test('a followed author quoting spam: the quote still folds', () => {
    const post = quoting({ state: 'accepted', quoted_status: spam })
    const verdict = classifyStatus(post, { viewer: { acct: 'me@home.example', follows: ['alice@example.social'] }, now: NOW })
    expect(verdict.label).toBe('spam')
    expect(verdict.quote?.isTheSpam).toBe(true)
  })
})
