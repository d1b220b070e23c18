/**
 * The filter's side of the memory seam: reads a status once, turns it into a `MemoryRecord`, asks
 * the store (`lookup` and remember in one step), shows the answer to the signals as a read-only
 * `StatusMemory`, and runs the feedback (`markSpam`, `markNotSpam`) and `observe`. The store
 * (`src/history/`, or `mastodon-spam-filter/redis`) never sees a status or a signal.
 */
import { allowVerdict, classifyNormalized, classifyWith, noStatusVerdict, withQuotedVerdict } from './classify.js'
import { SpamFilterConfigError } from './errors.js'
import { base64ToBytes, bytesToBase64 } from './history/base64.js'
import type { MemoryOptions } from './history/memory-options.js'
import { type AsyncMemoryStore, type AuthorActivity, type CopyMatch, type MemoryLookup, type MemoryRecord, type MemoryStore, MemoryUnavailableError, type SyncMemoryStore } from './history/memory-store.js'
import { createMemoryStore } from './history/recent-statuses.js'
import { memoryRecord } from './memory-record.js'
import type { ClassifyContext, ResolvedOptions } from './options.js'
import { withContext } from './options.js'
import type { SignalContext, StatusMemory } from './signal.js'
import type { NormalizedStatus } from './status/normalized-status.js'
import { readStatus } from './status/read-status.js'
import { findStatus } from './status/detect-input.js'
import type { ClassifiableInput } from './status/status-input.js'
import type { Skipped, Verdict } from './verdict.js'

/** The memory options of `createSpamFilter`. */
export interface FilterMemoryOptions {
  /**
   * The memory of recently seen statuses (near-duplicates, per-author activity, `markSpam` /
   * `markNotSpam`): sizes for the in-process store, a store (`createMemoryStore(…)`, or
   * `createRedisStore(…)` from `mastodon-spam-filter/redis`, shared by many processes), or `false`
   * for none. @default { maxStatuses: 10000, windowMs: 86400000, minAccounts: 3 }
   */
  readonly memory?: MemoryOptions | MemoryStore | false
}

/** What a spam filter does with its memory. */
export interface SpamFilterMemory {
  /**
   * Remembers statuses without classifying them (a timeline page loaded at start), so copies
   * among them count. A status already remembered is not counted twice.
   *
   * @returns how many statuses were newly remembered
   */
  observe(statuses: Iterable<ClassifiableInput | unknown> | ClassifiableInput, context?: ClassifyContext): number
  /**
   * Marks a status as spam: later statuses with its text or pictures are spam from their first
   * sighting (`known-spam-text`, `known-spam-image`, blatant). @returns `false` when the input holds no status
   */
  markSpam(status: ClassifiableInput | unknown, context?: ClassifyContext): boolean
  /**
   * Marks a status as not spam: its author's statuses are clean from now on, and its text and
   * pictures no longer count as copies or known spam. @returns `false` when the input holds no status
   */
  markNotSpam(status: ClassifiableInput | unknown, context?: ClassifyContext): boolean
  /** The memory and the feedback in a compact binary form (versioned, with a checksum). */
  exportMemory(): Uint8Array
  /** The same, as base64 text (for localStorage or a preferences file). */
  exportMemory(format: 'base64'): string
  /**
   * Replaces the memory with an export (bytes or base64). Throws `SpamFilterMemoryError` and keeps
   * the current memory when the data is damaged or of another format version.
   */
  importMemory(data: Uint8Array | string): void
  /** How many statuses the memory holds now (0 with `memory: false`). */
  memorySize(): number
}

/** The memory methods of a filter over an asynchronous store: the same, returning promises. */
export interface AsyncSpamFilterMemory {
  observe(statuses: Iterable<ClassifiableInput | unknown> | ClassifiableInput, context?: ClassifyContext): Promise<number>
  markSpam(status: ClassifiableInput | unknown, context?: ClassifyContext): Promise<boolean>
  markNotSpam(status: ClassifiableInput | unknown, context?: ClassifyContext): Promise<boolean>
  /** How many statuses the store holds (what the store counts; a shared store counts every process's). */
  memorySize(): Promise<number>
  /** The store's memory as a snapshot, in the in-process store's format (the Redis store supports it). */
  exportMemory(): Promise<Uint8Array>
  /** The same, as base64 text. */
  exportMemory(format: 'base64'): Promise<string>
  /**
   * Fills the store from a snapshot of any store (bytes or base64); the Redis store takes it into
   * an empty prefix only. Rejects with `SpamFilterMemoryError` for bad data.
   */
  importMemory(data: Uint8Array | string): Promise<void>
}

function isStore(value: unknown): value is MemoryStore {
  return typeof value === 'object' && value !== null && typeof (value as { lookup?: unknown }).lookup === 'function'
}

/**
 * Resolves the `memory` option (throws `SpamFilterConfigError` for bad sizes or a malformed store).
 *
 * @param options - the filter options
 * @returns the store, or `undefined` with `memory: false`
 */
export function createFilterMemory(options: FilterMemoryOptions): MemoryStore | undefined {
  const memory = options.memory
  if (memory === false) return undefined
  if (!isStore(memory)) return createMemoryStore(memory)
  for (const method of ['lookup', 'remember', 'mark', 'size'] as const) {
    if (typeof memory[method] !== 'function') throw new SpamFilterConfigError('memory', `is a store without a ${method}() method: see the MemoryStore interface`)
  }
  if (typeof memory.synchronous !== 'boolean') throw new SpamFilterConfigError('memory.synchronous', 'must be true (methods return values) or false (methods return promises)')
  if (typeof memory.windowMs !== 'number' || typeof memory.minAccounts !== 'number') throw new SpamFilterConfigError('memory', 'is a store without numeric windowMs and minAccounts')
  return memory
}

function read(input: unknown, resolved: ResolvedOptions): NormalizedStatus | undefined {
  const found = findStatus(input)
  return found.status === undefined ? undefined : readStatus(found.status, resolved.viewer.host, resolved.limits)
}

function contextOf(status: NormalizedStatus, resolved: ResolvedOptions): SignalContext {
  return { postedAt: status.createdAt ?? resolved.now ?? Date.now(), viewer: resolved.viewer }
}

/** The store's answer, shown to the signals (methods on the prototype; the answer can be swapped). */
class LookupView implements StatusMemory {
  readonly minAccounts: number
  readonly windowMs: number
  found: MemoryLookup

  constructor(store: MemoryStore, found: MemoryLookup) {
    this.minAccounts = store.minAccounts
    this.windowMs = store.windowMs
    this.found = found
  }

  textCopies(): CopyMatch | undefined {
    return this.found.text
  }

  imageCopies(): CopyMatch | undefined {
    return this.found.image
  }

  isMarkedSpamText(): boolean {
    return this.found.markedSpamText
  }

  markedSpamImages(): number {
    return this.found.markedSpamImages
  }

  authorActivity(): AuthorActivity {
    return this.found.author
  }
}

/** A verdict and the options it was computed with (the memory's answer included), for a second pass over image text. */
export interface RememberedVerdict {
  readonly verdict: Verdict
  readonly resolved: ResolvedOptions
}

/**
 * Options with a memory view, made once per filter options object and store and reused by the
 * synchronous path (the view's answer is swapped per status): a fresh copy of the options per
 * status would cost more than the memory lookup itself. The asynchronous path makes its own, since
 * its second pass over image text runs later.
 */
const reusable = new WeakMap<ResolvedOptions, { readonly store: MemoryStore; readonly view: LookupView; readonly options: ResolvedOptions }>()

function optionsWith(resolved: ResolvedOptions, store: MemoryStore, found: MemoryLookup, reuse: boolean): ResolvedOptions {
  if (!reuse) return { ...resolved, memory: new LookupView(store, found) }
  let entry = reusable.get(resolved)
  if (entry === undefined || entry.store !== store) {
    const view = new LookupView(store, found)
    entry = { store, view, options: { ...resolved, memory: view } }
    reusable.set(resolved, entry)
  }
  entry.view.found = found
  return entry.options
}

function verdictWith(status: NormalizedStatus, resolved: ResolvedOptions, store: MemoryStore, found: MemoryLookup, reuse: boolean): RememberedVerdict {
  if (found.allowedAuthor) {
    const acct = status.author.acct
    return { verdict: allowVerdict({ kind: 'marked', acct }, `@${acct}`, resolved), resolved }
  }
  const withMemory = optionsWith(resolved, store, found, reuse)
  return { verdict: classifyNormalized(status, withMemory), resolved: withMemory }
}

const asyncStoreError = (): SpamFilterConfigError =>
  new SpamFilterConfigError('memory', 'is an asynchronous store (its methods return promises): call filter.classifyAsync (and await observe, markSpam, markNotSpam), not filter.classify')

/**
 * Classifies a status with a synchronous store, then remembers it (in the same `lookup` call, so
 * a status never matches itself). Authors the user marked as not spam get a clean verdict.
 *
 * @param input - a Status, boost or Notification
 * @param resolved - resolved options
 * @param store - the store, or `undefined`
 * @returns the verdict
 */
export function classifyRemembering(input: unknown, resolved: ResolvedOptions, store: MemoryStore | undefined): Verdict {
  return classifyRememberingWith(input, resolved, store, true).verdict
}

function classifyRememberingWith(input: unknown, resolved: ResolvedOptions, store: MemoryStore | undefined, reuse: boolean): RememberedVerdict {
  if (store === undefined) return { verdict: classifyWith(input, resolved), resolved }
  if (!store.synchronous) throw asyncStoreError()
  const raw = findStatus(input)
  if (raw.status === undefined) return { verdict: noStatusVerdict(raw.seen, raw.count, raw.detail), resolved }
  const status = readStatus(raw.status, resolved.viewer.host, resolved.limits)
  let found: MemoryLookup
  try {
    found = store.lookup(memoryRecord(status, contextOf(status, resolved), true), true)
  } catch (error) {
    // A custom store that fails: the verdict without memory, the failure in `skipped`.
    const verdict = withQuotedVerdict(raw.status, classifyNormalized(status, resolved), resolved)
    return { verdict: { ...verdict, skipped: [...verdict.skipped, unavailable(error)] }, resolved }
  }
  const remembered = verdictWith(status, resolved, store, found, reuse)
  return { verdict: withQuotedVerdict(raw.status, remembered.verdict, resolved), resolved: remembered.resolved }
}

function unavailable(error: unknown): Skipped {
  if (error instanceof MemoryUnavailableError) return { signal: 'memory', because: error.problem === 'timeout' ? 'timeout' : 'error', detail: error.message }
  return { signal: 'memory', because: 'error', detail: error instanceof Error ? error.message : String(error) }
}

/**
 * The same with any store: an asynchronous store's answer is awaited; when the store cannot answer
 * (it rejects), the status is classified without memory and the verdict lists a `memory` entry in
 * `skipped`. Never rejects for a store failure.
 *
 * @param input - a Status, boost or Notification
 * @param resolved - resolved options
 * @param store - the store, or `undefined`
 * @returns the verdict and the options it was computed with (for a second pass over image text)
 */
export async function classifyRememberingAsync(input: unknown, resolved: ResolvedOptions, store: MemoryStore | undefined): Promise<RememberedVerdict> {
  if (store === undefined || store.synchronous) return classifyRememberingWith(input, resolved, store, false)
  const raw = findStatus(input)
  if (raw.status === undefined) return { verdict: noStatusVerdict(raw.seen, raw.count, raw.detail), resolved }
  const status = readStatus(raw.status, resolved.viewer.host, resolved.limits)
  let found: MemoryLookup
  try {
    found = await (store as AsyncMemoryStore).lookup(memoryRecord(status, contextOf(status, resolved), true), true)
  } catch (error) {
    const verdict = withQuotedVerdict(raw.status, classifyNormalized(status, resolved), resolved)
    return { verdict: { ...verdict, skipped: [...verdict.skipped, unavailable(error)] }, resolved }
  }
  const remembered = verdictWith(status, resolved, store, found, false)
  return { verdict: withQuotedVerdict(raw.status, remembered.verdict, resolved), resolved: remembered.resolved }
}

/** `value` when it is iterable (a revoked proxy or a throwing `in` is not), else `undefined`. */
function iterableOf(value: unknown): Iterable<unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return Symbol.iterator in value ? (value as Iterable<unknown>) : undefined
  } catch {
    return undefined
  }
}

function recordsOf(statuses: unknown, resolved: ResolvedOptions): MemoryRecord[] {
  const list = iterableOf(statuses) ?? [statuses]
  const records: MemoryRecord[] = []
  try {
    for (const input of list) {
      const status = read(input, resolved)
      if (status !== undefined) records.push(memoryRecord(status, contextOf(status, resolved)))
    }
  } catch {
    // A hostile iterable (a revoked proxy, a throwing iterator) ends the observation there:
    // what was read so far is remembered.
  }
  return records
}

function recordOf(input: unknown, resolved: ResolvedOptions): MemoryRecord | undefined {
  const status = read(input, resolved)
  return status === undefined ? undefined : memoryRecord(status, contextOf(status, resolved))
}

const noMemory = (): never => {
  throw new SpamFilterConfigError('memory', 'is false: this filter keeps no memory to observe, mark, export or import')
}

/**
 * The memory methods of a filter over a synchronous store.
 *
 * @param store - the store, or `undefined` with `memory: false` (the methods then throw `SpamFilterConfigError`)
 * @param resolved - the filter's resolved options
 * @returns the methods
 */
export function memoryMethods(store: SyncMemoryStore | undefined, resolved: ResolvedOptions): SpamFilterMemory {
  const need = (): SyncMemoryStore => store ?? noMemory()
  const mark = (input: unknown, context: ClassifyContext | undefined, verdict: 'spam' | 'not-spam'): boolean => {
    const target = need()
    const record = recordOf(input, withContext(resolved, context))
    if (record === undefined) return false
    target.mark(record, verdict)
    return true
  }
  function exportMemory(): Uint8Array
  function exportMemory(format: 'base64'): string
  function exportMemory(format?: 'base64'): Uint8Array | string {
    const target = need()
    if (target.exportMemory === undefined) throw new SpamFilterConfigError('memory', 'is a store that cannot export its contents')
    const bytes = target.exportMemory()
    return format === 'base64' ? bytesToBase64(bytes) : bytes
  }
  return {
    observe(statuses, context) {
      const target = need()
      let added = 0
      for (const record of recordsOf(statuses, withContext(resolved, context))) if (target.remember(record)) added++
      return added
    },
    markSpam: (status, context) => mark(status, context, 'spam'),
    markNotSpam: (status, context) => mark(status, context, 'not-spam'),
    exportMemory,
    importMemory(data) {
      const target = need()
      if (target.importMemory === undefined) throw new SpamFilterConfigError('memory', 'is a store that cannot import an export')
      target.importMemory(typeof data === 'string' ? base64ToBytes(data) : data)
    },
    memorySize: () => store?.size() ?? 0,
  }
}

/**
 * The memory methods of a filter over an asynchronous store.
 *
 * @param store - the store
 * @param resolved - the filter's resolved options
 * @returns the methods
 */
export function asyncMemoryMethods(store: AsyncMemoryStore, resolved: ResolvedOptions): AsyncSpamFilterMemory {
  const mark = async (input: unknown, context: ClassifyContext | undefined, verdict: 'spam' | 'not-spam'): Promise<boolean> => {
    const record = recordOf(input, withContext(resolved, context))
    if (record === undefined) return false
    await store.mark(record, verdict)
    return true
  }
  function exportMemory(): Promise<Uint8Array>
  function exportMemory(format: 'base64'): Promise<string>
  async function exportMemory(format?: 'base64'): Promise<Uint8Array | string> {
    if (store.exportMemory === undefined) throw new SpamFilterConfigError('memory', 'is a store that cannot export its contents')
    const bytes = await store.exportMemory()
    return format === 'base64' ? bytesToBase64(bytes) : bytes
  }
  return {
    async observe(statuses, context) {
      let added = 0
      for (const record of recordsOf(statuses, withContext(resolved, context))) if (await store.remember(record)) added++
      return added
    },
    markSpam: (status, context) => mark(status, context, 'spam'),
    markNotSpam: (status, context) => mark(status, context, 'not-spam'),
    memorySize: () => store.size(),
    exportMemory,
    async importMemory(data) {
      if (store.importMemory === undefined) throw new SpamFilterConfigError('memory', 'is a store that cannot import an export')
      await store.importMemory(typeof data === 'string' ? base64ToBytes(data) : data)
    },
  }
}

/**
 * What the signals would see of a synchronous store for one status, without remembering it (for
 * tests and custom callers that run signals themselves).
 *
 * @param store - a synchronous store
 * @param status - the status
 * @param context - its signal context
 * @returns the read-only view
 */
export function viewMemory(store: SyncMemoryStore, status: NormalizedStatus, context: SignalContext): StatusMemory {
  return new LookupView(store, store.lookup(memoryRecord(status, context), false))
}

