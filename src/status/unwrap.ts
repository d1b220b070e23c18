import type { Skipped } from '../verdict.js'
import { asString, field, isArray } from './fields.js'

/**
 * How many wrappers (notifications, boosts) are unwrapped before the input is refused: Mastodon
 * nests at most a notification, its status and a boost (3); more is hostile or broken.
 */
export const MAX_UNWRAP_DEPTH = 8

/** The status found in an input, or why there is none. */
export type Unwrapped = { readonly status: object; readonly skipped?: undefined } | { readonly status?: undefined; readonly skipped: Skipped }

const invalid = (detail: string): Unwrapped => ({ skipped: { signal: 'input', because: 'invalid-input', detail } })

/** What an input is, for a message, without calls that throw on revoked proxies. */
export function describeInput(input: unknown): string {
  if (input === null) return 'null'
  if (isArray(input)) return 'an array'
  return typeof input
}

/**
 * Finds the status to classify in what the caller passed, without recursion: a boost classifies
 * the boosted status, and a Notification (`mention`, `status`, `update`, …) its status. A chain of
 * more than `MAX_UNWRAP_DEPTH` wrappers, or one that comes back to itself, holds no status.
 *
 * @param input - a Status, a boost, or a Notification, as parsed JSON (or hostile JS values)
 * @returns the status object, or a `skipped` entry saying why there is none
 */
export function unwrapInput(input: unknown): Unwrapped {
  const seen: object[] = []
  let current: unknown = input
  for (let depth = 0; depth <= MAX_UNWRAP_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null || isArray(current)) {
      return invalid(depth === 0 ? `expected a Status or Notification object, got ${describeInput(current)}` : `the notification's status is ${describeInput(current)}, not a Status object`)
    }
    if (seen.includes(current)) return invalid('the notification contains itself (a cycle)')
    seen.push(current)
    let type: unknown
    let inner: unknown
    let content: unknown
    let reblog: unknown
    try {
      // Plain reads first (see statusFields); a read that throws takes the guarded reads.
      const value = current as Record<string, unknown>
      type = value.type
      inner = value.status
      content = value.content
      reblog = value.reblog
    } catch {
      type = field(current, 'type')
      inner = field(current, 'status')
      content = field(current, 'content')
      reblog = field(current, 'reblog')
    }
    if (asString(type) !== undefined && typeof inner === 'object' && inner !== null && content === undefined) {
      current = inner
      continue
    }
    // A boost: the boosted status is classified (one level: a boost of a boost is not a Mastodon shape).
    if (typeof reblog === 'object' && reblog !== null && !isArray(reblog)) return { status: reblog }
    return { status: current }
  }
  return invalid(`notifications and boosts nested more than ${MAX_UNWRAP_DEPTH} levels deep`)
}

/**
 * Finds the status to classify in what the caller passed: a boost classifies the boosted status,
 * and a Notification of type `mention` (or `status`, `update`) its status.
 *
 * @param input - a Status, a boost, or a Notification, as parsed JSON
 * @returns the status object, or `undefined` when the input holds none
 */
export function unwrapStatus(input: unknown): object | undefined {
  return unwrapInput(input).status
}
