import type { RenderMessage } from './messages/render.js'
import type { BuiltinReasonParams } from './messages/types.js'
import type { QuoteReading } from './status/quote.js'
import { decideLabel, type QuoteVerdict, type Reason, type Thresholds, type Verdict, type VerdictLabel } from './verdict.js'

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
