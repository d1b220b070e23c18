/**
 * The contract every signal must keep (STYLE.md 2.6, the tldts-tests idea): registered as a
 * vitest suite by `describeSignalContract(signal)`. builtin-signals.test.ts runs it over every
 * signal in RECOMMENDED_SIGNALS, so a signal added to the preset is checked without new tests.
 */
import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { viewMemory } from '../../src/filter-memory.js'
import { createMemoryStore } from '../../src/history/recent-statuses.js'
import { memoryRecord } from '../../src/memory-record.js'
import { scanLinks } from '../../src/links/status-links.js'
import { resolveOptions, type ViewerOption } from '../../src/options.js'
import type { Signal, SignalContext, SignalHit, StatusMemory } from '../../src/signal.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'
import { renderMessage } from '../../src/messages/render.js'
import { readStatus, unwrapStatus } from '../../src/status/read-status.js'
import { makeMentionStatus, makeSpamAccount, makeStatus, makeWaveStatus, NOW, someAccts } from '../helpers/make-status.js'

const GROUPS = ['mentions', 'links', 'text', 'duplicates', 'media', 'author', 'trust']
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u

/** Statuses of every shape the signals read: spam waves, ham, links, media, hostile input. */
export const CONTRACT_STATUSES: readonly (readonly [string, unknown])[] = [
  ['an empty object', {}],
  ['a February 2024 wave status', makeWaveStatus()],
  ['an ordinary status', makeStatus()],
  ['a reply with many mentions', makeMentionStatus(someAccts(12), 'see you all there', { in_reply_to_id: '1' })],
  [
    'a status with links, a card, media and a poll',
    makeStatus({
      content:
        '<p>join <a href="https://discord.gg/ctkpaarr">discord.gg/ctkpaarr</a> and <a href="https://xn--68j5e377y.com/">荒らし.com</a> <a href="https://example.social/tags/spam" class="mention hashtag" rel="tag">#<span>spam</span></a></p>',
      card: { url: 'https://荒らし.com/', title: '荒らし共栄圏 公式サイト', description: 'ｄіѕсоrd' },
      media_attachments: [{ id: '1', type: 'image', url: 'https://f.example/1.webp', description: '', blurhash: 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', meta: { original: { width: 1009, height: 200 } } }],
      poll: { options: [{ title: 'yes' }, { title: 'no' }] },
      spoiler_text: 'cw',
      account: makeSpamAccount(),
    }),
  ],
  [
    'a bot status with a shortener, a link whose text names another host and a look-alike host',
    makeStatus({
      content: '<p>free nitro <a href="https://bit.ly/3xYz">https://discord.com/gifts</a> <a href="https://disc0rd-gift.com/claim">disc0rd-gift.com/claim</a></p>',
      account: { bot: true, acct: 'giveaway@spam.example', username: 'giveaway' },
    }),
  ],
  ['a status with wrongly typed fields', { content: 5, mentions: 'x', account: { username: 7, created_at: [] }, media_attachments: {}, card: 'y', tags: null }],
  ['hostile HTML', makeStatus({ content: '<a <a <a &#&#x; <span class="invisible"><p>&#xD800;\u202e\u200b<script>x' })],
]

/** Viewers a signal must handle: unknown, following nobody, following everyone, a throwing predicate. */
export const CONTRACT_VIEWERS: readonly (readonly [string, ViewerOption | undefined])[] = [
  ['no viewer', undefined],
  ['a viewer who follows nobody', { acct: 'me@example.social', follows: [] }],
  ['a viewer who follows everyone', { acct: 'me@example.social', follows: () => true }],
  [
    'a viewer whose follow predicate throws',
    {
      acct: 'me@example.social',
      follows: () => {
        throw new Error('locked')
      },
    },
  ],
]

/** How the signal is called: with the bare context a custom caller may build, or as the classifier and a filter call it. */
type ContextKind = 'minimal' | 'classifier' | 'filter with copies in memory'

function read(input: unknown, viewer: ViewerOption | undefined, kind: ContextKind = 'classifier'): { status: NormalizedStatus; context: SignalContext } {
  const resolved = resolveOptions(viewer === undefined ? {} : { viewer })
  const status = readStatus(unwrapStatus(input) ?? {}, resolved.viewer.host)
  const minimal: SignalContext = { postedAt: status.createdAt ?? NOW, viewer: resolved.viewer }
  if (kind === 'minimal') return { status, context: minimal }
  const context: SignalContext = { ...minimal, rules: resolved.rules, links: () => scanLinks(status) }
  if (kind === 'classifier') return { status, context }
  return { status, context: { ...context, memory: memoryWithCopiesOf(input, status, context) } }
}

/** A filter memory holding copies of `input` posted by three other accounts. */
function memoryWithCopiesOf(input: unknown, own: NormalizedStatus, ownContext: SignalContext): StatusMemory {
  const memory = createMemoryStore()
  const inner = unwrapStatus(input) ?? {}
  for (const n of [1, 2, 3]) {
    const copy = { ...inner, id: `copy-${n}`, account: makeSpamAccount({ id: `${n}`, username: `copier${n}`, acct: `copier${n}@copies.example` }) }
    const { status, context } = read(copy, undefined)
    memory.remember(memoryRecord(status, context))
  }
  return viewMemory(memory, own, ownContext)
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

function expectWellFormedHit(hit: SignalHit, id = ''): void {
  expect(Number.isFinite(hit.strength)).toBe(true)
  expect(hit.strength).toBeGreaterThan(0)
  expect(hit.strength).toBeLessThanOrEqual(1)
  // Data for the message (params) or a sentence of its own (custom signals); either way each
  // locale renders a trimmed sentence.
  expect(hit.params !== undefined || hit.message !== undefined).toBe(true)
  if (hit.params !== undefined) expect(typeof hit.params).toBe('object')
  for (const locale of ['en', 'ja'] as const) {
    const message = renderMessage(hit.message === undefined ? { signal: id, params: hit.params ?? {} } : { signal: id, params: hit.params ?? {}, message: hit.message }, { locale })
    expect(message).toBe(message.trim())
    expect(message).toMatch(locale === 'en' ? /[.!?]$/u : /[.!?。]$/u)
  }
  expect(Array.isArray(hit.evidence)).toBe(true)
  expect(hit.evidence.length).toBeGreaterThan(0)
  for (const item of hit.evidence) expect(typeof item).toBe('string')
  if (hit.blatant !== undefined) expect(typeof hit.blatant).toBe('boolean')
}

/**
 * Registers the contract suite for one signal.
 *
 * @param signal - the signal to check
 * @param options - `builtin: true` also checks that `src/signals/<id>.ts` exists
 */
export function describeSignalContract(signal: Signal, options: { readonly builtin?: boolean } = {}): void {
  describe(`${signal.id} keeps the signal contract`, () => {
    test('with a kebab-case id and a known group', () => {
      expect(signal.id).toMatch(KEBAB)
      expect(GROUPS).toContain(signal.group)
      expect(typeof signal.evaluate).toBe('function')
    })

    if (options.builtin === true) {
      test('with an id equal to its file name', () => {
        expect(existsSync(new URL(`../../src/signals/${signal.id}.ts`, import.meta.url))).toBe(true)
      })
    }

    test('staying silent on an empty status', () => {
      for (const kind of ['minimal', 'classifier'] as const) {
        const { status, context } = read({}, undefined, kind)
        expect(signal.evaluate(status, context)).toBeUndefined()
      }
    })

    const calls = [
      ...CONTRACT_VIEWERS.map(([name, viewer]) => [name, viewer, 'classifier'] as const),
      ['no viewer', undefined, 'minimal'] as const,
      ['no viewer', undefined, 'filter with copies in memory'] as const,
    ]
    // status name | status | viewer name | viewer | context kind
    test.each(CONTRACT_STATUSES.flatMap(([name, input]) => calls.map(([viewerName, viewer, kind]) => [name, input, viewerName, viewer, kind] as const)))(
      'on %s for %s (%s): pure, no mutation, a well-formed hit',
      (_name, input, _viewerName, viewer, kind) => {
        const { status, context } = read(input, viewer, kind)
        const before = structuredClone(status)
        const first = signal.evaluate(deepFreeze(status), context)
        const second = signal.evaluate(status, context)
        expect(second).toEqual(first)
        expect(status).toEqual(before)
        if (first !== undefined) expectWellFormedHit(first, signal.id)
      },
    )
  })
}
