/**
 * A web client's service worker that decides on each Mastodon push before the phone buzzes:
 * show it, show it folded ("Potential spam from …"), or show nothing, as the user chose.
 *
 * The browser hands the push over decrypted (`event.data`). `classifyPush` fetches the full
 * Notification from the user's server with the payload's token (3 s budget, then the payload
 * decides alone) and classifies it with the app's filter, whose memory is kept in IndexedDB, so
 * a copy wave reaching the user in several notifications is recognised even when the browser
 * stopped the worker between pushes.
 *
 * Build: `npm run build && tsx examples/service-worker/build.ts <out-dir>` (esbuild bundles this
 * file with the library into one `sw.js`). The page registers it and posts the settings:
 * `navigator.serviceWorker.controller.postMessage({ type: 'settings', settings: { origin, mode, viewer } })`.
 */
import { classifyPush, createSpamFilter, type PushVerdict, type SpamFilter } from 'mastodon-spam-filter'

/** What the user chose for pushes that look like spam. */
export type SpamPushMode = 'show' | 'fold' | 'hide'

/** Settings the page stores for the worker. */
export interface PushSettings {
  /** The user's server, `https://example.social`: where the notification is fetched from. */
  readonly origin: string
  readonly mode: SpamPushMode
  /** The signed-in account, `me@example.social`. */
  readonly viewer?: string
}

// The few service-worker types used (the examples compile with the DOM library, not WebWorker).
interface PushEventLike {
  readonly data: { text(): string } | null
  waitUntil(promise: Promise<unknown>): void
}
interface ExtendableMessageEventLike {
  readonly data: unknown
  waitUntil(promise: Promise<unknown>): void
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration
  readonly clients: { matchAll(options: { includeUncontrolled: boolean }): Promise<readonly { postMessage(message: unknown): void }[]> }
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEventLike) => void): void
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void
  addEventListener(type: 'notificationclick', listener: (event: { readonly notification: Notification; waitUntil(promise: Promise<unknown>): void }) => void): void
  skipWaiting(): Promise<void>
  readonly clientsClaim?: never
}

const sw = globalThis as unknown as ServiceWorkerScope & { clients: { claim(): Promise<void>; openWindow(url: string): Promise<unknown> } }

// ---- IndexedDB: one store, two keys (`settings`, `memory`) ----

const DB_NAME = 'spam-filter-push'
const STORE = 'kv'

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'))
  })
}

async function dbGet<T>(key: string): Promise<T | undefined> {
  const db = await openDb()
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key)
      request.onsuccess = () => resolve(request.result as T | undefined)
      request.onerror = () => reject(request.error ?? new Error('get failed'))
    })
  } finally {
    db.close()
  }
}

async function dbPut(key: string, value: unknown): Promise<void> {
  const db = await openDb()
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite')
      tx.objectStore(STORE).put(value, key)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('put failed'))
    })
  } finally {
    db.close()
  }
}

// ---- the filter: created once per worker start, its memory loaded from and saved to IndexedDB ----

let filterPromise: Promise<SpamFilter> | undefined
let filterViewer: string | undefined
let memoryError: string | undefined

async function loadFilter(settings: PushSettings): Promise<SpamFilter> {
  const filter = createSpamFilter(settings.viewer === undefined ? {} : { viewer: { acct: settings.viewer } })
  const saved = await dbGet<string>('memory')
  if (saved !== undefined) {
    try {
      filter.importMemory(saved)
    } catch (error) {
      // A damaged export (SpamFilterMemoryError): start with an empty memory.
      memoryError = String(error)
    }
  }
  return filter
}

function filterFor(settings: PushSettings): Promise<SpamFilter> {
  if (filterPromise === undefined || filterViewer !== settings.viewer) {
    filterViewer = settings.viewer
    filterPromise = loadFilter(settings)
  }
  return filterPromise
}

// Pushes are handled one at a time: each sees the memory the previous one left.
let queue: Promise<unknown> = Promise.resolve()
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work)
  queue = next.catch(() => undefined)
  return next
}

// ---- what to show ----

interface MastodonPayload {
  readonly title?: string
  readonly body?: string
  readonly icon?: string
  readonly notification_id?: string | number
}

function readPayload(text: string): MastodonPayload {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as MastodonPayload) : {}
  } catch {
    return {}
  }
}

/** What the worker did with one push, posted to the open pages (the test reads it; an app may too). */
export interface PushOutcome {
  readonly notificationId: string
  readonly label: PushVerdict['label']
  readonly shown: 'as-is' | 'folded' | 'nothing'
  readonly source: PushVerdict['source']
  readonly skipped: readonly string[]
  /** Statuses the filter remembers after this push. */
  readonly memorySize: number
  /** Why the saved memory could not be loaded, if it could not. */
  readonly memoryError?: string
}

async function handlePush(text: string): Promise<PushOutcome> {
  const settings = (await dbGet<PushSettings>('settings')) ?? { origin: '', mode: 'fold' }
  const filter = await filterFor(settings)
  const options = settings.origin === '' ? { filter } : { filter, fetch: fetch.bind(globalThis), origin: settings.origin, timeoutMs: 3_000 }
  const verdict = await classifyPush(text, options)
  await dbPut('memory', filter.exportMemory('base64'))

  const payload = readPayload(text)
  const tag = `notification-${String(payload.notification_id ?? '')}`
  let shown: PushOutcome['shown'] = 'as-is'
  if (verdict.label === 'clean' || settings.mode === 'show') {
    await sw.registration.showNotification(payload.title ?? 'New notification', { body: payload.body ?? '', tag, ...(payload.icon === undefined ? {} : { icon: payload.icon }) })
  } else if (settings.mode === 'fold') {
    shown = 'folded'
    const from = verdict.from === '' ? 'an unknown account' : verdict.from
    // The folded form does not repeat the text or the avatar: the user opens the app to see it.
    await sw.registration.showNotification(`Potential spam from ${from}`, { body: verdict.reasons[0]?.message ?? '', tag, silent: true })
  } else {
    // Nothing shown. Browsers expect a notification per push (`userVisibleOnly`): Chrome tolerates
    // a few silent pushes and then shows its own "updated in the background" notice.
    shown = 'nothing'
  }
  return { notificationId: String(payload.notification_id ?? ''), label: verdict.label, shown, source: verdict.source, skipped: verdict.skipped.map((s) => `${s.signal}:${s.because}`), memorySize: filter.memorySize(), ...(memoryError === undefined ? {} : { memoryError }) }
}

async function report(message: unknown): Promise<void> {
  for (const client of await sw.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message)
}

sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()))
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()))

sw.addEventListener('push', (event) => {
  const text = event.data?.text() ?? ''
  event.waitUntil(serially(async () => report({ type: 'push-outcome', outcome: await handlePush(text) })))
})

// A click opens the user's notifications on their server (folded ones too: the user decides there).
sw.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(
    dbGet<PushSettings>('settings').then((settings) => (settings?.origin ? sw.clients.openWindow(`${settings.origin}/notifications`) : undefined)),
  )
})

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string; settings?: PushSettings } | null
  if (data?.type === 'settings' && data.settings !== undefined) {
    const settings = data.settings
    event.waitUntil(serially(async () => {
      await dbPut('settings', settings)
      await report({ type: 'settings-saved', settings })
    }))
  }
})
