import type { SignalGroup, SignalHit } from './signal.js'
import { decideLabel, type Reason, type Skipped, type Thresholds, type Verdict } from './verdict.js'

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
}

const round = (value: number): number => Math.round(value * 100) / 100

/**
 * Turns the hits of one status into a verdict.
 *
 * 1. Each hit scores `weight × strength` (strength clamped to 0–1).
 * 2. Each group's total is capped (`groupCaps`); the reasons of a capped group are scaled down
 *    together, so the reasons always add up to the verdict's score.
 * 3. `author` reasons count only when the post's own groups reach `authorGate`; `trust` reasons
 *    count only when something else added to the score (they explain why a score is low).
 * 4. The label comes from the thresholds, except that a `followed-author` hit clears a verdict
 *    with no blatant hit.
 *
 * @param hits - the hits
 * @param rules - thresholds, caps and the author gate
 * @param skipped - analyses that were skipped
 * @returns the verdict
 */
export function scoreHits(hits: readonly WeightedHit[], rules: ScoringRules, skipped: readonly Skipped[] = []): Verdict {
  const byGroup = new Map<SignalGroup, { id: string; score: number; hit: SignalHit }[]>()
  for (const { id, group, weight, hit } of hits) {
    const strength = Number.isFinite(hit.strength) ? Math.min(1, Math.max(0, hit.strength)) : 0
    const score = weight * strength
    if (score === 0) continue
    const list = byGroup.get(group) ?? []
    list.push({ id, score, hit })
    byGroup.set(group, list)
  }

  const reasons: Reason[] = []
  let postScore = 0
  const capped = new Map<SignalGroup, number>()
  for (const [group, list] of byGroup) {
    const total = list.reduce((sum, r) => sum + r.score, 0)
    const cap = rules.groupCaps[group]
    const limited = total > 0 ? Math.min(total, cap) : Math.max(total, -cap)
    capped.set(group, limited)
    if (group !== 'author' && group !== 'trust') postScore += limited
  }

  let score = 0
  for (const [group, list] of byGroup) {
    if (group === 'author' && postScore < rules.authorGate) continue
    if (group === 'trust' && postScore <= 0) continue
    const total = list.reduce((sum, r) => sum + r.score, 0)
    const scale = total === 0 ? 0 : (capped.get(group) ?? 0) / total
    for (const r of list) {
      const value = round(r.score * scale)
      score += value
      reasons.push({ signal: r.id, score: value, message: r.hit.message, evidence: r.hit.evidence })
    }
  }
  score = Math.max(0, round(score))
  reasons.sort((a, b) => b.score - a.score)

  let label = decideLabel(score, rules.thresholds)
  const followed = hits.some((h) => h.id === 'followed-author')
  if (followed && label !== 'clean' && !hits.some((h) => h.hit.blatant === true && h.weight > 0)) label = 'clean'
  return { label, score, reasons, skipped }
}
