import { allowVerdict, classifyFound, classifyNormalized, classifyWith, noStatusVerdict } from '../classify.js'
import { SpamFilterConfigError } from '../errors.js'
import type { ClassifyContext, ResolvedOptions } from '../options.js'
import { withContext } from '../options.js'
import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { findStatus } from '../status/detect-input.js'
import { readStatus } from '../status/read-status.js'
import type { ClassifiableInput } from '../status/status-input.js'
import type { Verdict } from '../verdict.js'
import { base64ToBytes, bytesToBase64 } from './base64.js'
import type { MemoryOptions } from './memory-options.js'
import { createRecentStatuses, type RecentStatuses } from './recent-statuses.js'

/** The memory options of `createSpamFilter`. */
export interface FilterMemoryOptions {
  /**
   * The memory of recently seen statuses (near-duplicate detection, `markSpam`/`markNotSpam`), or
   * `false` for none. @default { maxStatuses: 10000, windowMs: 86400000, minAccounts: 3 }
   */
  readonly memory?: MemoryOptions | false
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

/**
 * Creates the filter's memory from its options (throws `SpamFilterConfigError` for bad ones).
 *
 * @param options - the filter options
 * @returns the memory, or `undefined` with `memory: false`
 */
export function createFilterMemory(options: FilterMemoryOptions): RecentStatuses | undefined {
  if (options.memory === false) return undefined
  return createRecentStatuses(options.memory)
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

function read(input: unknown, resolved: ResolvedOptions): NormalizedStatus | undefined {
  const found = findStatus(input)
  return found.status === undefined ? undefined : readStatus(found.status, resolved.viewer.host, resolved.limits)
}

function contextOf(status: NormalizedStatus, resolved: ResolvedOptions): SignalContext {
  return { postedAt: status.createdAt ?? resolved.now ?? Date.now(), viewer: resolved.viewer }
}

/**
 * Classifies a status with the memory, then remembers it (so a status never matches itself).
 * Authors the user marked as not spam get a clean verdict.
 *
 * @param input - a Status, boost or Notification
 * @param resolved - resolved options carrying the memory
 * @param memory - the memory, or `undefined`
 * @returns the verdict
 */
export function classifyRemembering(input: unknown, resolved: ResolvedOptions, memory: RecentStatuses | undefined): Verdict {
  if (memory === undefined) return classifyWith(input, resolved)
  const found = findStatus(input)
  if (found.status === undefined) return noStatusVerdict(found.seen, found.count, found.detail)
  return classifyFound(found.status, resolved, (status) => {
    const acct = status.author.acct
    const verdict = memory.isAllowedAuthor(acct)
      ? allowVerdict({ kind: 'marked', acct }, `@${acct}`, resolved)
      : classifyNormalized(status, resolved)
    memory.remember(status, contextOf(status, resolved))
    return verdict
  })
}

/**
 * The memory methods of a filter.
 *
 * @param memory - the memory, or `undefined` with `memory: false` (the methods then throw `SpamFilterConfigError`)
 * @param resolved - the filter's resolved options
 * @returns the methods
 */
export function memoryMethods(memory: RecentStatuses | undefined, resolved: ResolvedOptions): SpamFilterMemory {
  const need = (): RecentStatuses => {
    if (memory === undefined) throw new SpamFilterConfigError('memory', 'is false: this filter keeps no memory to observe, mark, export or import')
    return memory
  }
  const mark = (input: unknown, context: ClassifyContext | undefined, spam: boolean): boolean => {
    const target = need()
    const status = read(input, withContext(resolved, context))
    if (status === undefined) return false
    if (spam) target.markSpam(status)
    else target.markNotSpam(status)
    return true
  }
  function exportMemory(): Uint8Array
  function exportMemory(format: 'base64'): string
  function exportMemory(format?: 'base64'): Uint8Array | string {
    const bytes = need().exportMemory()
    return format === 'base64' ? bytesToBase64(bytes) : bytes
  }
  return {
    observe(statuses, context) {
      const target = need()
      const options = withContext(resolved, context)
      const list = iterableOf(statuses) ?? [statuses]
      let added = 0
      try {
        for (const input of list) {
          const status = read(input, options)
          if (status !== undefined && target.remember(status, contextOf(status, options))) added++
        }
      } catch {
        // A hostile iterable (a revoked proxy, a throwing iterator) ends the observation there:
        // what was read so far stays remembered.
      }
      return added
    },
    markSpam: (status, context) => mark(status, context, true),
    markNotSpam: (status, context) => mark(status, context, false),
    exportMemory,
    importMemory(data) {
      need().importMemory(typeof data === 'string' ? base64ToBytes(data) : data)
    },
    memorySize: () => memory?.size ?? 0,
  }
}
