/** Shared wording for reason messages and evidence lists. */

const MAX_EVIDENCE = 20

/** `plural(1, 'account')` → `1 account`; `plural(3, 'account')` → `3 accounts`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** At most 20 distinct evidence items, then a count of the rest. */
export function listEvidence(items: readonly string[]): string[] {
  const unique = [...new Set(items)]
  if (unique.length <= MAX_EVIDENCE) return unique
  return [...unique.slice(0, MAX_EVIDENCE), `…and ${unique.length - MAX_EVIDENCE} more`]
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A duration in words: `45 minutes`, `3 hours`, `12 days`. */
export function formatDuration(ms: number): string {
  if (ms < HOUR) return plural(Math.max(0, Math.round(ms / MINUTE)), 'minute')
  if (ms < 2 * DAY) return plural(Math.round(ms / HOUR), 'hour')
  return plural(Math.round(ms / DAY), 'day')
}
