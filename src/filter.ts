import { classifyRemembering, createFilterMemory, type FilterMemoryOptions, memoryMethods, type SpamFilterMemory } from './history/filter-memory.js'
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
 * Creates a spam filter. Throws `SpamFilterConfigError` now, not on the first status, when an
 * option is wrong.
 *
 * @param options - viewer, thresholds, weights, allow lists, signals
 * @returns the filter
 * @example
 * const filter = createSpamFilter({ viewer: { acct: 'me@example.social', follows: followSet } })
 * for (const status of timeline) if (filter.classify(status).label === 'spam') hide(status)
 */
export function createSpamFilter<CustomId extends string = never>(options: SpamFilterOptions<CustomId> = {}): SpamFilter {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SpamFilterConfigError('options', `must be an object or undefined, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}: createSpamFilter({ viewer, … }) or createSpamFilter()`)
  }
  const checked = resolveOptions(options as ClassifyOptions<string>, true)
  const memory = createFilterMemory(options)
  const resolved = memory === undefined ? checked : { ...checked, memory }
  const ocr = resolveFilterOcr(options)
  const classify = (status: unknown, context?: ClassifyContext): Verdict => classifyRemembering(status, withContext(resolved, context), memory)
  return {
    classify,
    ...memoryMethods(memory, resolved),
    classifyAsync: async (status, context) => {
      const verdict = classify(status, context)
      return ocr === undefined ? verdict : classifyWithImages(status, withContext(resolved, context), ocr, verdict, context?.signal)
    },
  }
}
