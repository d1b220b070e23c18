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

/**
 * `Array.isArray` that never throws: it throws a `TypeError` on a revoked Proxy, which is then no
 * array (nothing can be read from it anyway).
 */
export function isArray(value: unknown): value is readonly unknown[] {
  if (typeof value !== 'object' || value === null) return false
  try {
    return Array.isArray(value)
  } catch {
    return false
  }
}

/** A copy of at most `limit` entries; `[]` when it is not an array or reading it throws (getters, proxies). */
export function asArray(value: unknown, limit: number): readonly unknown[] {
  if (!isArray(value)) return []
  try {
    // A plain loop, not `slice`: an array's own `slice` or species could be anything in hostile JS.
    const length = value.length
    const count = typeof length === 'number' && length > 0 ? Math.min(length, limit) : 0
    const copy: unknown[] = new Array<unknown>(count)
    for (let i = 0; i < count; i++) copy[i] = value[i]
    return copy
  } catch {
    return []
  }
}

// A date, then optionally a time; group 1 is the time, group 2 the zone.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/iu

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(text: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * The form Mastodon always sends, `2024-02-16T09:12:31.000Z` (or without milliseconds), read
 * without a regex or `Date.parse`; `undefined` for anything else, which takes the general path.
 */
function canonicalUtc(value: string): number | undefined {
  const length = value.length
  if ((length !== 24 && length !== 20) || value[length - 1] !== 'Z' || value[10] !== 'T') return undefined
  if (value[4] !== '-' || value[7] !== '-' || value[13] !== ':' || value[16] !== ':' || (length === 24 && value[19] !== '.')) return undefined
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 2)
  const day = digits(value, 8, 2)
  const hour = digits(value, 11, 2)
  const minute = digits(value, 14, 2)
  const second = digits(value, 17, 2)
  const ms = length === 24 ? digits(value, 20, 3) : 0
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return undefined
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31))) return undefined
  // Years before 100 are left to Date.parse (the general path), which reads them as written.
  if (year < 100) return undefined
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1_000 + ms
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (days-from-civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/**
 * Parses an ISO 8601 time to ms since the epoch, or `undefined`. A time without a zone is read as
 * UTC (`Date.parse` would read it in the machine's zone), and non-ISO text (`'1'`, `'Feb 2'`),
 * which `Date.parse` guesses at, is no evidence.
 */
export function asTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined
  const fast = canonicalUtc(value)
  if (fast !== undefined) return fast
  const match = ISO_TIME.exec(value)
  if (match === null) return undefined
  const ms = Date.parse(match[1] !== undefined && match[2] === undefined ? `${value}Z` : value)
  return Number.isFinite(ms) ? ms : undefined
}
