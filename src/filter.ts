import { classifyWith } from './classify.js'
import { resolveOptions, withContext, type ClassifyContext, type ClassifyOptions } from './options.js'
import type { ClassifiableInput } from './status/status-input.js'
import type { Verdict } from './verdict.js'

/** Options of `createSpamFilter`: the classify options, checked once. */
export type SpamFilterOptions = ClassifyOptions

/**
 * A classifier that owns state for the caller: options checked once, and later the memory of
 * recently seen statuses and the OCR workers. Create one per signed-in account.
 */
export interface SpamFilter {
  /** Classifies a status. `context` overrides the time and the viewer for this call. */
  classify(status: ClassifiableInput | unknown, context?: ClassifyContext): Verdict
  /** Classifies a status, reading images when OCR is configured; never rejects for bad input. */
  classifyAsync(status: ClassifiableInput | unknown, context?: ClassifyContext): Promise<Verdict>
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
export function createSpamFilter(options: SpamFilterOptions = {}): SpamFilter {
  const resolved = resolveOptions(options)
  const classify = (status: unknown, context?: ClassifyContext): Verdict => classifyWith(status, withContext(resolved, context))
  return {
    classify,
    classifyAsync: async (status, context) => classify(status, context),
  }
}
