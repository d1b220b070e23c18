import { asyncMemoryMethods, classifyRemembering, classifyRememberingAsync, createFilterMemory, type AsyncSpamFilterMemory, type FilterMemoryOptions, memoryMethods, type SpamFilterMemory } from './filter-memory.js'
import type { AsyncMemoryStore, SyncMemoryStore } from './history/memory-store.js'
import { type AsyncClassifyContext, classifyWithImages, type FilterOcrOptions, resolveFilterOcr } from './ocr/classify-with-images.js'
import { SpamFilterConfigError } from './errors.js'
import { resolveOptions, withContext, type ClassifyContext, type ClassifyOptions } from './options.js'
import type { RefuseCamelCase } from './status/status-input.js'
import type { Verdict } from './verdict.js'

/** Options of `createSpamFilter`: the classify options, checked once, the OCR and the memory options. */
export type SpamFilterOptions<CustomId extends string = never> = ClassifyOptions<CustomId> & FilterOcrOptions & FilterMemoryOptions

/**
 * A classifier that owns state for the caller: options checked once, and later the memory of
 * recently seen statuses and the OCR workers. Create one per signed-in account.
 */
export interface SpamFilter extends SpamFilterMemory {
  /**
   * Classifies a status, then remembers it: copies of its text or pictures from other accounts
   * count for later statuses. `context` overrides the time and the viewer for this call.
   */
  classify<T>(status: T & RefuseCamelCase<T>, context?: ClassifyContext): Verdict
  /**
   * Classifies a status, reading its images when `ocr` is set and `ocrMode` says so (by default
   * when the status is already at least suspicious); text and QR codes found go through the same
   * signals. Never rejects for bad input: failed image reads are `skipped` entries.
   */
  classifyAsync<T>(status: T & RefuseCamelCase<T>, context?: AsyncClassifyContext): Promise<Verdict>
}

/**
 * A filter over an asynchronous memory store (`createRedisStore` from `mastodon-spam-filter/redis`):
 * `classifyAsync` only, and memory methods that return promises.
 */
export interface AsyncSpamFilter extends AsyncSpamFilterMemory {
  /** Throws `SpamFilterConfigError`: an asynchronous store cannot answer synchronously; use `classifyAsync`. */
  classify<T>(status: T & RefuseCamelCase<T>, context?: ClassifyContext): never
  /**
   * Classifies a status with the store (one round trip), then the images as `SpamFilter.classifyAsync`
   * does. Never rejects: a store that does not answer in time gives a `skipped` entry (`memory`).
   */
  classifyAsync<T>(status: T & RefuseCamelCase<T>, context?: AsyncClassifyContext): Promise<Verdict>
}

/**
 * Creates a spam filter. Throws `SpamFilterConfigError` now, not on the first status, when an
 * option is wrong.
 *
 * @param options - viewer, thresholds, weights, allow lists, signals, OCR, memory
 * @returns the filter
 * @example
 * const filter = createSpamFilter({ viewer: { acct: 'me@example.social', follows: followSet } })
 * for (const status of timeline) if (filter.classify(status).label === 'spam') hide(status)
 */
export function createSpamFilter<CustomId extends string = never>(options: SpamFilterOptions<CustomId> & { readonly memory: AsyncMemoryStore }): AsyncSpamFilter
export function createSpamFilter<CustomId extends string = never>(options?: SpamFilterOptions<CustomId> & { readonly memory?: SyncMemoryStore | Exclude<FilterMemoryOptions['memory'], AsyncMemoryStore> }): SpamFilter
export function createSpamFilter<CustomId extends string = never>(options?: SpamFilterOptions<CustomId>): SpamFilter | AsyncSpamFilter
export function createSpamFilter(options: SpamFilterOptions<string> = {}): SpamFilter | AsyncSpamFilter {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SpamFilterConfigError('options', `must be an object or undefined, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}: createSpamFilter({ viewer, … }) or createSpamFilter()`)
  }
  const resolved = resolveOptions(options as ClassifyOptions<string>, true)
  const store = createFilterMemory(options)
  const ocr = resolveFilterOcr(options)
  const classify = (status: unknown, context?: ClassifyContext): Verdict => classifyRemembering(status, withContext(resolved, context), store)
  const classifyAsync = async (status: unknown, context?: AsyncClassifyContext): Promise<Verdict> => {
    const { verdict, resolved: options } = await classifyRememberingAsync(status, withContext(resolved, context), store)
    if (ocr === undefined) return verdict
    const read = await classifyWithImages(status, options, ocr, verdict, context?.signal)
    // The second pass over image text starts from the signals again: keep a store failure of the first.
    const lost = verdict.skipped.filter((entry) => entry.signal === 'memory' && !read.skipped.includes(entry))
    return lost.length === 0 ? read : { ...read, skipped: [...read.skipped, ...lost] }
  }
  if (store !== undefined && !store.synchronous) return { classify: classify as AsyncSpamFilter['classify'], classifyAsync, ...asyncMemoryMethods(store, resolved) }
  return { classify, classifyAsync, ...memoryMethods(store, resolved) }
}
