/**
 * Defensive readers for untrusted JSON: each returns a well-typed value or `undefined`, and
 * never throws, whatever the field holds (getters that throw, proxies, cycles included).
 */

/** Reads `value[key]`, or `undefined` when `value` is not an object or the read throws. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Ids arrive as strings in Mastodon's API and as numbers in old or foreign servers. */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

export function asCount(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d{1,15}$/u.test(value)) return Number(value)
  return undefined
}

/** A copy of at most `limit` entries; `[]` when it is not an array or reading it throws (getters, proxies). */
export function asArray(value: unknown, limit: number): readonly unknown[] {
  if (!Array.isArray(value)) return []
  try {
    return value.slice(0, limit)
  } catch {
    return []
  }
}

// A date, then optionally a time; group 1 is the time, group 2 the zone.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/iu

/**
 * Parses an ISO 8601 time to ms since the epoch, or `undefined`. A time without a zone is read as
 * UTC (`Date.parse` would read it in the machine's zone), and non-ISO text (`'1'`, `'Feb 2'`),
 * which `Date.parse` guesses at, is no evidence.
 */
export function asTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined
  const match = ISO_TIME.exec(value)
  if (match === null) return undefined
  const ms = Date.parse(match[1] !== undefined && match[2] === undefined ? `${value}Z` : value)
  return Number.isFinite(ms) ? ms : undefined
}
