import { classifyStatus, classifyWith } from '../classify.js'
import { SpamFilterConfigError } from '../errors.js'
import type { SpamFilter } from '../filter.js'
import { resolveOptions, type ClassifyOptions, type ResolvedOptions } from '../options.js'
import { asId, asString, field } from '../status/fields.js'
import { fromMisskey, type MisskeyNoteLike } from '../status/from-misskey.js'
import type { Skipped, Verdict } from '../verdict.js'
import { isStatusType, payloadStatus, readTitleName } from './payload-status.js'
import { type PushPayload, readPushPayload, type ReadMastodonPush, type ReadMisskeyPush } from './push-payload.js'

/** The part of `AbortSignal` `classifyPush` uses; a real `AbortSignal` fits. */
export interface PushAbortSignal {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** The part of a `fetch` `Response` `classifyPush` reads. */
export interface PushFetchResponse {
  readonly ok: boolean
  readonly status: number
  text(): Promise<string>
}

/**
 * The signal `classifyPush` hands to the fetch: the host's `AbortSignal` where the program knows
 * one (DOM or Node types), so the global `fetch` fits `PushFetch`; else the structural form.
 */
export type PushFetchSignal = typeof globalThis extends { readonly AbortSignal: { readonly prototype: infer S } } ? S : PushAbortSignal

/** What `classifyPush` passes to the fetch. */
export interface PushFetchInit {
  readonly method: 'GET'
  readonly headers: Readonly<Record<string, string>>
  /** Aborted when the time budget ends or the caller aborts (absent where the host has no `AbortController`). */
  readonly signal?: PushFetchSignal
}

/** A `fetch`: the global one (`fetch.bind(globalThis)` in a worker), or the app's own HTTP client. */
export type PushFetch = (url: string, init: PushFetchInit) => Promise<PushFetchResponse>

/** Options of `classifyPush` and `createPushClassifier`. */
export interface PushClassifyOptions {
  /**
   * Fetches `GET {origin}/api/v1/notifications/:id` with the payload's token so the whole status
   * and account are classified. Without it the payload alone is classified (`partial: true`).
   */
  readonly fetch?: PushFetch
  /** The origin of the server that sent the push, `https://example.social`; required with `fetch`. */
  readonly origin?: string
  /**
   * The app's spam filter: its options, and its memory, which the classified status joins, so a
   * copy wave is recognised across notifications. Without it, `options` are used, statelessly.
   */
  readonly filter?: Pick<SpamFilter, 'classify'>
  /** Classify options when there is no `filter` (viewer, thresholds, weights, rules, …). */
  readonly options?: ClassifyOptions
  /** The time the fetch may take before the payload decides alone, in ms. @default 3000 */
  readonly timeoutMs?: number
  /** Longest response read, in characters. @default 1000000 */
  readonly maxResponseLength?: number
}

/** Per-call facts of a push classification. */
export interface PushClassifyContext {
  /** Aborts the fetch: the payload decides alone (a `skipped` entry says `aborted`). */
  readonly signal?: PushAbortSignal
}

/** A verdict on a push, with what it was based on. */
export interface PushVerdict extends Verdict {
  /** `notification`: the fetched Notification; `payload`: the payload alone; `none`: nothing readable. */
  readonly source: 'notification' | 'payload' | 'none'
  /** True when less than the whole status and account was known (payload only, or a Misskey summary). */
  readonly partial: boolean
  readonly platform: 'mastodon' | 'misskey' | 'unknown'
  /** The notification's type (`mention`, `status`, `follow`, …); `''` when unknown. */
  readonly notificationType: string
  /** Who caused the notification: display name or acct, for "Potential spam from …"; `''` when unknown. */
  readonly from: string
}

/** A push classifier with its options checked once. */
export interface PushClassifier {
  /** Classifies a decrypted push payload. Never throws and never rejects. */
  classify(payload: PushPayload | string | unknown, context?: PushClassifyContext): Promise<PushVerdict>
}

const DEFAULT_TIMEOUT_MS = 3_000
const DEFAULT_MAX_RESPONSE = 1_000_000

interface Host {
  readonly setTimeout?: (callback: () => void, ms: number) => unknown
  readonly clearTimeout?: (id: unknown) => void
  readonly AbortController?: new () => { readonly signal: PushAbortSignal; abort(): void }
}

const host = (): Host => globalThis as unknown as Host

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error)
  } catch {
    return 'unknown error'
  }
}

function readOrigin(origin: unknown): string | undefined {
  if (origin === undefined) return undefined
  if (typeof origin !== 'string' || !/^https?:\/\/[^/?#\s@]+\/?$/iu.test(origin)) {
    throw new SpamFilterConfigError('origin', `must be a server origin like "https://example.social", got ${JSON.stringify(origin)}`)
  }
  return origin.replace(/\/$/u, '')
}

interface Checked {
  readonly fetch: PushFetch | undefined
  readonly origin: string | undefined
  readonly classify: (input: unknown) => Verdict
  readonly timeoutMs: number
  readonly maxResponseLength: number
}

function check(options: PushClassifyOptions): Checked {
  if (typeof options !== 'object' || options === null) throw new SpamFilterConfigError('options', 'must be an object { fetch?, origin?, filter?, options?, timeoutMs? }')
  const { fetch, filter } = options
  if (fetch !== undefined && typeof fetch !== 'function') throw new SpamFilterConfigError('fetch', 'must be a function like globalThis.fetch')
  const origin = readOrigin(options.origin)
  if (fetch !== undefined && origin === undefined) throw new SpamFilterConfigError('origin', 'is required with fetch: the notification is fetched from that server')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0) throw new SpamFilterConfigError('timeoutMs', `must be a finite number of ms ≥ 0, got ${String(timeoutMs)}`)
  const maxResponseLength = options.maxResponseLength ?? DEFAULT_MAX_RESPONSE
  if (typeof maxResponseLength !== 'number' || !(maxResponseLength > 0)) throw new SpamFilterConfigError('maxResponseLength', `must be a positive number, got ${String(maxResponseLength)}`)
  let classify: (input: unknown) => Verdict
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null || typeof filter.classify !== 'function') throw new SpamFilterConfigError('filter', 'must be a filter from createSpamFilter()')
    if (options.options !== undefined) throw new SpamFilterConfigError('options', 'cannot be given with filter: the filter keeps the options it was created with')
    classify = (input) => filter.classify(input)
  } else {
    // No options: the defaults classifyStatus resolved once at load (rules compiled once per process).
    const resolved: ResolvedOptions | undefined = options.options === undefined ? undefined : resolveOptions(options.options)
    classify = resolved === undefined ? (input) => classifyStatus(input) : (input) => classifyWith(input, resolved)
  }
  return { fetch, origin, classify, timeoutMs, maxResponseLength }
}

function pushVerdict(verdict: Verdict, extra: Omit<PushVerdict, keyof Verdict>, skipped: readonly Skipped[]): PushVerdict {
  return { ...verdict, skipped: skipped.length === 0 ? verdict.skipped : [...skipped, ...verdict.skipped], ...extra }
}

/** A verdict that shows the push: clean, saying why nothing was classified. */
function shown(skipped: Skipped, platform: PushVerdict['platform'] = 'unknown', from = '', notificationType = ''): PushVerdict {
  return { label: 'clean', score: 0, reasons: [], skipped: [skipped], source: 'none', partial: true, platform, notificationType, from }
}

type Fetched = { readonly json: unknown } | { readonly skipped: Skipped }

const fetchSkip = (because: Skipped['because'], detail: string): Fetched => ({ skipped: { signal: 'push-fetch', because, detail } })

/** GETs the Notification within the time budget; the first of response, timer and abort wins. */
async function fetchNotification(checked: Checked, push: ReadMastodonPush, signal: PushAbortSignal | undefined): Promise<Fetched> {
  const fetch = checked.fetch!
  const { setTimeout, clearTimeout, AbortController } = host()
  const controller = AbortController === undefined ? undefined : new AbortController()
  const url = `${checked.origin!}/api/v1/notifications/${encodeURIComponent(push.notificationId!)}`
  const cleanups: (() => void)[] = []
  const stop = new Promise<Fetched>((resolve) => {
    if (setTimeout !== undefined) {
      const timer = setTimeout(() => resolve(fetchSkip('timeout', `the notification fetch took longer than ${checked.timeoutMs} ms`)), checked.timeoutMs)
      cleanups.push(() => clearTimeout?.(timer))
    }
    if (signal !== undefined) {
      const onAbort = (): void => resolve(fetchSkip('aborted', 'aborted while the notification was being fetched'))
      if (signal.aborted) onAbort()
      else {
        signal.addEventListener('abort', onAbort, { once: true })
        cleanups.push(() => signal.removeEventListener('abort', onAbort))
      }
    }
  })
  const work = (async (): Promise<Fetched> => {
    const headers = { Authorization: `Bearer ${push.accessToken}`, Accept: 'application/json' }
    const response = await fetch(url, controller === undefined ? { method: 'GET', headers } : { method: 'GET', headers, signal: controller.signal as PushFetchSignal })
    if (response.ok !== true) return fetchSkip('error', `the notification fetch failed with HTTP ${String(response.status)}`)
    const text = await response.text()
    if (typeof text !== 'string') return fetchSkip('invalid-input', 'the notification response is not text')
    if (text.length > checked.maxResponseLength) return fetchSkip('too-large', `the notification response is longer than maxResponseLength (${checked.maxResponseLength})`)
    return { json: JSON.parse(text) as unknown }
  })().catch((error: unknown) => fetchSkip('error', `the notification fetch failed: ${describe(error)}`))
  try {
    return await Promise.race([work, stop])
  } finally {
    for (const cleanup of cleanups) cleanup()
    // The loser keeps no connection open: abort the request whether it won or not (a no-op after).
    try {
      controller?.abort()
    } catch {
      // an abort that throws changes nothing
    }
  }
}

function accountName(account: unknown): string {
  const name = asString(field(account, 'display_name'))?.trim()
  if (name !== undefined && name !== '') return name.slice(0, 200)
  const acct = asString(field(account, 'acct')) ?? asString(field(account, 'username'))
  return acct === undefined ? '' : `@${acct.slice(0, 200)}`
}

const PAYLOAD_ONLY: Skipped = {
  signal: 'push',
  because: 'truncated',
  detail: 'classified from the push payload alone (title, at most 140 characters of body, icon): the account signals could not run',
}

function classifyMastodonPayload(checked: Checked, push: ReadMastodonPush, skipped: readonly Skipped[]): PushVerdict {
  const from = readTitleName(push.title).name.slice(0, 200)
  const verdict = checked.classify(payloadStatus(push))
  return pushVerdict(verdict, { source: 'payload', partial: true, platform: 'mastodon', notificationType: push.type, from }, [...skipped, PAYLOAD_ONLY])
}

const responseSkip = (detail: string): Skipped => ({ signal: 'push-fetch', because: 'invalid-input', detail })

function classifyNotification(checked: Checked, push: ReadMastodonPush, notification: unknown): PushVerdict | Skipped {
  if (typeof notification !== 'object' || notification === null || Array.isArray(notification)) return responseSkip('the notification response is not a JSON object')
  const id = asId(field(notification, 'id'))
  if (id !== undefined && id !== push.notificationId) return responseSkip(`the server answered with notification ${id}, not ${push.notificationId ?? ''}`)
  const type = asString(field(notification, 'type')) ?? push.type
  const account = field(notification, 'account')
  // For favourite, reblog and poll the status is the viewer's own: only the account is theirs.
  const input = isStatusType(type) ? notification : { account, created_at: field(notification, 'created_at') }
  const verdict = checked.classify(input)
  return pushVerdict(verdict, { source: 'notification', partial: false, platform: 'mastodon', notificationType: type, from: accountName(account) }, [])
}

async function classifyMastodon(checked: Checked, push: ReadMastodonPush, context: PushClassifyContext | undefined): Promise<PushVerdict> {
  if (checked.fetch === undefined) return classifyMastodonPayload(checked, push, [])
  if (push.notificationId === undefined || push.accessToken === '') {
    return classifyMastodonPayload(checked, push, [{ signal: 'push-fetch', because: 'invalid-input', detail: 'the payload has no notification_id or access_token to fetch the notification with' }])
  }
  const fetched = await fetchNotification(checked, push, context?.signal)
  if ('skipped' in fetched) return classifyMastodonPayload(checked, push, [fetched.skipped])
  const result = classifyNotification(checked, push, fetched.json)
  return 'label' in result ? result : classifyMastodonPayload(checked, push, [result])
}

const MISSKEY_NOTE_TYPES: ReadonlySet<string> = new Set(['mention', 'reply', 'quote', 'note'])

function classifyMisskey(checked: Checked, push: ReadMisskeyPush): PushVerdict {
  const user = push.user ?? field(push.note, 'user')
  const from = accountName({ display_name: field(user, 'name'), username: field(user, 'username') })
  const notificationType = push.notificationType || push.type
  const hasNote = push.note !== undefined && (push.type === 'unreadAntennaNote' || MISSKEY_NOTE_TYPES.has(push.notificationType))
  if (!hasNote && user === undefined) {
    return shown({ signal: 'push', because: 'invalid-input', detail: `a Misskey "${notificationType}" push holds no note or user to classify` }, 'misskey', from, notificationType)
  }
  const localHost = checked.origin?.replace(/^https?:\/\//iu, '').replace(/:\d+$/u, '')
  const note = (hasNote ? { ...push.note, user } : { user }) as MisskeyNoteLike
  const verdict = checked.classify(fromMisskey(note, localHost === undefined ? {} : { host: localHost }))
  const skipped: Skipped = {
    signal: 'push',
    because: 'truncated',
    detail: "classified from a Misskey push: the note's summary and the notifier's UserLite (no follower counts, no bio)",
  }
  return pushVerdict(verdict, { source: 'payload', partial: true, platform: 'misskey', notificationType, from }, [skipped])
}

/**
 * Creates a push classifier, checking the options now: a bad one throws `SpamFilterConfigError`
 * naming it. Create it once where the service worker or notification extension starts.
 *
 * @param options - fetch and origin, the app's filter or classify options, the time budget
 * @returns the classifier
 * @example
 * const push = createPushClassifier({ fetch: fetch.bind(self), origin: 'https://example.social', filter })
 * const verdict = await push.classify(payload)
 */
export function createPushClassifier(options: PushClassifyOptions = {}): PushClassifier {
  const checked = check(options)
  return {
    async classify(payload, context) {
      try {
        const push = readPushPayload(payload)
        if (push === undefined) return shown({ signal: 'push', because: 'invalid-input', detail: 'not a Mastodon or Misskey push payload' })
        return push.kind === 'mastodon' ? await classifyMastodon(checked, push, context) : classifyMisskey(checked, push)
      } catch (error) {
        // A custom signal or a hostile payload that throws: show the push, say why.
        return shown({ signal: 'push', because: 'error', detail: describe(error) })
      }
    },
  }
}

/**
 * Decides whether a push notification is spam before it is shown. With `fetch` and `origin` it
 * fetches the Notification (`GET /api/v1/notifications/:id` with the payload's `access_token`)
 * and classifies its status and account with every signal; when the fetch fails, is aborted or
 * takes longer than `timeoutMs`, or without a `fetch`, it classifies the payload alone (title,
 * body, icon; `partial: true`). Misskey payloads carry the note and are classified from it.
 *
 * Never throws and never rejects: bad options, an unreadable payload or a failure give a clean
 * verdict (the push is shown) with a `skipped` entry saying why. Use `createPushClassifier` to
 * have bad options throw once, at start.
 *
 * @param payload - the decrypted push payload, as an object or JSON text
 * @param options - fetch and origin, the app's filter or classify options, the time budget
 * @param context - an abort signal
 * @returns the verdict, with `source`, `partial` and `from`
 * @example
 * self.addEventListener('push', (event) => event.waitUntil((async () => {
 *   const verdict = await classifyPush(event.data.json(), { fetch: fetch.bind(self), origin, filter })
 *   if (verdict.label === 'clean') await self.registration.showNotification(title, { body })
 * })()))
 */
export async function classifyPush(payload: PushPayload | string | unknown, options?: PushClassifyOptions, context?: PushClassifyContext): Promise<PushVerdict> {
  let classifier: PushClassifier
  try {
    classifier = createPushClassifier(options)
  } catch (error) {
    return shown({ signal: 'options', because: 'error', detail: describe(error) })
  }
  return classifier.classify(payload, context)
}
