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

export function asArray(value: unknown, limit: number): readonly unknown[] {
  if (!Array.isArray(value)) return []
  return value.length > limit ? value.slice(0, limit) : value
}

/** Parses an ISO 8601 time to ms since the epoch, or `undefined`. */
export function asTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : undefined
}
