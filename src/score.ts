import { createRenderer, type RenderMessage } from './messages/render.js'
import type { ReasonParams } from './messages/types.js'
import type { SignalGroup, SignalHit } from './signal.js'
import { decideLabel, type Reason, type Skipped, type Thresholds, type Verdict, type VerdictLabel } from './verdict.js'

/** A signal that fired, with its weight. */
export interface WeightedHit {
  readonly id: string
  readonly group: SignalGroup
  readonly weight: number
  readonly hit: SignalHit
}

/** What scoring needs from the options. */
export interface ScoringRules {
  readonly thresholds: Thresholds
  readonly groupCaps: Readonly<Record<SignalGroup, number>>
  readonly authorGate: number
  /** Renders the messages of the reasons that survive scoring. @default English */
  readonly render?: RenderMessage
}

const EMPTY_PARAMS: ReasonParams = Object.freeze({})

const round = (value: number): number => Math.round(value * 100) / 100
let defaultRender: RenderMessage | undefined

/**
 * Turns the hits of one status into a verdict.
 *
 * 1. Each hit scores `weight × strength` (strength clamped to 0–1).
 * 2. Each group's total is capped (`groupCaps`); the reasons of a capped group are scaled down
 *    together, so the reasons always add up to the verdict's score.
 * 3. `author` reasons count only when the post's own groups reach `authorGate`.
 * 4. `trust` reasons count only when something else added to the score (they explain why a score
 *    is low), lower it at most to 0, and do not count at all next to a blatant hit (a campaign
 *    domain, a known spam image or text): blatant spam is spam whoever posts it.
 * 5. The label comes from the thresholds, except that a blatant hit makes it spam (the blatant
 *    signals report a warning, such as a moderator's PSA naming a campaign domain without a link,
 *    as a weak non-blatant hit instead: `warningReading`), and a hit that `clears`
 *    (`followed-author`) clears a verdict with no blatant hit.
 *
 * @param hits - the hits
 * @param rules - thresholds, caps and the author gate
 * @param skipped - analyses that were skipped
 * @returns the verdict
 */
export function scoreHits(hits: readonly WeightedHit[], rules: ScoringRules, skipped: readonly Skipped[] = []): Verdict {
  // Each group's total, in the order the groups first score: at most seven, so two small arrays
  // (what a Map would hold, without hashing).
  const groups: SignalGroup[] = []
  const totals: number[] = []
  const scored: { id: string; group: number; score: number; hit: SignalHit }[] = []
  let blatant = false
  let clears = false
  for (const { id, group, weight, hit } of hits) {
    const strength = Number.isFinite(hit.strength) ? Math.min(1, Math.max(0, hit.strength)) : 0
    const score = weight * strength
    if (score === 0) continue
    if (hit.blatant === true && score > 0) blatant = true
    if (hit.clears === true) clears = true
    let at = groups.indexOf(group)
    if (at < 0) {
      at = groups.push(group) - 1
      totals.push(score)
    } else {
      totals[at] = (totals[at] ?? 0) + score
    }
    scored.push({ id, group: at, score, hit })
  }

  // Each group's capped total, and what the post itself (not its author) scores.
  const capped: number[] = []
  let postScore = 0
  for (let at = 0; at < groups.length; at++) {
    const group = groups[at] as SignalGroup
    const total = totals[at] ?? 0
    const cap = rules.groupCaps[group]
    const limited = total > 0 ? Math.min(total, cap) : Math.max(total, -cap)
    capped.push(limited)
    if (group !== 'author' && group !== 'trust') postScore += limited
  }
  const authorCounts = postScore >= rules.authorGate
  const authorAt = groups.indexOf('author')
  const positive = postScore + (authorCounts ? Math.max(0, authorAt < 0 ? 0 : (capped[authorAt] ?? 0)) : 0)
  const trustAt = groups.indexOf('trust')
  // Trust lowers the score at most to 0, so the reasons still add up to the score.
  if (trustAt >= 0) capped[trustAt] = blatant || postScore <= 0 ? 0 : Math.max(capped[trustAt] ?? 0, -positive)

  // The surviving reasons' scores and hits; messages are rendered only for these, once.
  const kept: { signal: string; score: number; hit: SignalHit }[] = []
  let exact = 0
  let rounded = 0
  let largest = -1
  let clearing = -1
  let blatantAt = -1
  for (const r of scored) {
    if (r.group === authorAt && !authorCounts) continue
    const limited = capped[r.group] ?? 0
    if (limited === 0) continue
    const unrounded = (r.score * limited) / (totals[r.group] ?? r.score)
    const value = round(unrounded)
    exact += unrounded
    rounded += value
    if (largest < 0 || value > (kept[largest]?.score ?? 0)) largest = kept.length
    if (clearing < 0 && r.hit.clears === true) clearing = kept.length
    if (r.hit.blatant === true && value > 0 && (blatantAt < 0 || value > (kept[blatantAt]?.score ?? 0))) blatantAt = kept.length
    kept.push({ signal: r.id, score: value, hit: r.hit })
  }
  // The score is the rounded sum of the unrounded reasons (a capped group of 6 scores 6, not 5.99);
  // the largest reason absorbs the rounding, so the reasons still add up to the score.
  let score = round(exact)
  const drift = round(score - rounded)
  const top = kept[largest]
  if (drift !== 0 && top !== undefined) top.score = round(top.score + drift)
  score = Math.max(0, score)
  // The label always follows from the score the verdict reports (a vetoed or blatant verdict
  // included), and the reasons still add up to it.
  let label: VerdictLabel
  if (blatant) {
    // A blatant hit (a live campaign link, a wave's sentence outside a warning, known spam) is spam
    // whatever its weight; the signals themselves decide when a named item is a warning instead.
    // Its reason counts what makes the score reach the spam threshold.
    const reason = kept[blatantAt]
    if (score < rules.thresholds.spam && reason !== undefined) {
      reason.score = round(reason.score + rules.thresholds.spam - score)
      score = rules.thresholds.spam
    }
    label = 'spam'
  } else if (clears) {
    // A clearing hit (the viewer follows the author) decides the label: its reason takes the
    // score to 0.
    const reason = kept[clearing]
    if (score > 0 && reason !== undefined) {
      reason.score = round(reason.score - score)
      score = 0
    }
    label = 'clean'
  } else {
    label = decideLabel(score, rules.thresholds)
  }
  const render = rules.render ?? (defaultRender ??= createRenderer('en'))
  const reasons: Reason[] = []
  for (const { signal, score: value, hit } of kept) {
    const params = hit.params ?? EMPTY_PARAMS
    reasons.push({ signal, score: value, message: render(signal, params, hit.message), params, evidence: hit.evidence })
  }
  // Highest score first, ties in signal order: an insertion sort (a few reasons; Array#sort copies).
  for (let i = 1; i < reasons.length; i++) {
    const reason = reasons[i]!
    let j = i - 1
    while (j >= 0 && reasons[j]!.score < reason.score) {
      reasons[j + 1] = reasons[j]!
      j--
    }
    reasons[j + 1] = reason
  }

  return { label, score, reasons, skipped }
}
