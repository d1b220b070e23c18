import type { QuoteState } from '../verdict.js'
import { asId, asString, field, isArray } from './fields.js'

const STATES: ReadonlySet<string> = new Set<QuoteState>(['pending', 'accepted', 'rejected', 'revoked', 'deleted', 'unauthorized', 'blocked_account', 'blocked_domain', 'muted_account'])

/** The quote of a status as read: its state, the quoted status's id, and the quoted status when sent. */
export interface QuoteReading {
  readonly state: QuoteState
  readonly id: string | undefined
  /** The quoted status, only for an `accepted` quote that carries it. */
  readonly status: object | undefined
}

/**
 * Reads a Mastodon 4.5 `quote` (a `Quote` with `quoted_status`, or a `ShallowQuote` with
 * `quoted_status_id`; masto.js camelCase too). Unknown states are `unauthorized`; never throws.
 *
 * @param status - a status object (REST or masto.js shape)
 * @returns the quote, or `undefined` when the status quotes nothing
 */
export function readQuote(status: object): QuoteReading | undefined {
  const quote = field(status, 'quote')
  if (typeof quote !== 'object' || quote === null || isArray(quote)) return undefined
  const raw = asString(field(quote, 'state'))
  const state: QuoteState = raw !== undefined && STATES.has(raw) ? (raw as QuoteState) : 'unauthorized'
  const quoted = field(quote, 'quoted_status') ?? field(quote, 'quotedStatus')
  const inner = typeof quoted === 'object' && quoted !== null && !isArray(quoted) ? quoted : undefined
  const id = asId(field(quote, 'quoted_status_id') ?? field(quote, 'quotedStatusId')) ?? asId(field(inner, 'id'))
  return { state, id, status: state === 'accepted' ? inner : undefined }
}
