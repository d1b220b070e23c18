import type { RenderMessage } from '../messages/render.js'
import type { BuiltinReasonParams } from '../messages/types.js'
import { decideLabel, type QuoteState, type QuoteVerdict, type Reason, type Thresholds, type Verdict, type VerdictLabel } from '../verdict.js'
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

const SEVERITY: Readonly<Record<VerdictLabel, number>> = { clean: 0, suspicious: 1, spam: 2 }
const round = (value: number): number => Math.round(value * 100) / 100

/**
 * Adds the quoted status's verdict to a quote post's verdict. When the quote is worse than the
 * post (a higher label), a `quoted-status` reason adds what the quote scores beyond the post, so
 * the verdict's score is the quote's score, its label follows from it, and the reasons still add
 * up to the score.
 *
 * @param verdict - the post's own verdict
 * @param quote - the quote as read
 * @param quoted - the quoted status's own verdict, when it was classified
 * @param rules - the label thresholds and the message renderer
 * @returns the verdict with `quote`
 */
export function withQuote(verdict: Verdict, quote: QuoteReading, quoted: Verdict | undefined, rules: { readonly thresholds: Thresholds; readonly render: RenderMessage }): Verdict {
  const isTheSpam = quoted !== undefined && SEVERITY[quoted.label] > SEVERITY[verdict.label] && quoted.score > verdict.score
  const summary: QuoteVerdict = { state: quote.state, ...(quote.id === undefined ? {} : { id: quote.id }), ...(quoted === undefined ? {} : { verdict: quoted }), isTheSpam }
  if (!isTheSpam || quoted === undefined) return { ...verdict, quote: summary }
  const params: BuiltinReasonParams['quoted-status'] = { label: quoted.label, score: quoted.score, top: quoted.reasons[0]?.message ?? '' }
  const reason: Reason = {
    signal: 'quoted-status',
    score: round(quoted.score - verdict.score),
    message: rules.render('quoted-status', params, undefined),
    params,
    evidence: quote.id === undefined ? [] : [quote.id],
  }
  const reasons = [...verdict.reasons, reason].sort((a, b) => b.score - a.score)
  const score = quoted.score
  return { ...verdict, label: decideLabel(score, rules.thresholds), score, reasons, quote: summary }
}
