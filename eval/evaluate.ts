import type { Verdict, VerdictLabel } from '../src/index.js'
import type { EvalItem, ItemSource, Truth } from './items.js'

/** Counts of one table row (a spam wave or a ham category). */
export interface GroupRow {
  readonly group: string
  readonly source: ItemSource
  readonly truth: Truth
  readonly count: number
  readonly spam: number
  readonly suspicious: number
  readonly clean: number
}

/** Precision, recall and errors of one way of reading the labels. */
export interface Metrics {
  /** Items that are positives (truth) and predicted positive. */
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  /** `undefined` when nothing was predicted positive. */
  readonly precision: number | undefined
  /** `undefined` when there are no positives. */
  readonly recall: number | undefined
}

/** A required result. */
export interface Check {
  readonly name: string
  readonly pass: boolean
  readonly detail: string
  /** Ids of the items that break it. */
  readonly failures: readonly string[]
}

/**
 * An item that missed: a fixture without its manifest label, ham not clean, a Feb 2024 status not
 * spam, or other real spam labeled clean.
 */
export interface Miss {
  readonly id: string
  readonly expected: VerdictLabel | Truth
  readonly got: VerdictLabel
  readonly score: number
  readonly reasons: string
}

/** Everything `evaluate` found: rows, metrics, required results and misses. */
export interface EvalResult {
  readonly rows: readonly GroupRow[]
  /** Spam-vs-rest: positive = truth spam, predicted = label `spam`. */
  readonly spamVsRest: Metrics
  /** Flagged-vs-rest: positive = truth spam or gray, predicted = label `spam` or `suspicious`. */
  readonly flaggedVsRest: Metrics
  readonly checks: readonly Check[]
  readonly misses: readonly Miss[]
}

function metrics(pairs: readonly { positive: boolean; predicted: boolean }[]): Metrics {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const { positive, predicted } of pairs) {
    if (positive && predicted) tp++
    else if (predicted) fp++
    else if (positive) fn++
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? undefined : tp / (tp + fp), recall: tp + fn === 0 ? undefined : tp / (tp + fn) }
}

const describe = (verdict: Verdict): string => verdict.reasons.map((r) => `${r.signal} ${r.score}`).join(', ')

/**
 * Classifies every item and counts the results per row, overall metrics and the two required
 * results: no real ham status labeled spam, every rebuilt February 2024 status labeled spam.
 *
 * @param items - the labeled items
 * @param classify - the classifier (`classifyStatus`, or a filter's `classify`)
 * @returns the evaluation result
 */
export function evaluate(items: readonly EvalItem[], classify: (input: unknown) => Verdict): EvalResult {
  const rows = new Map<string, { group: string; source: ItemSource; truth: Truth; count: number; spam: number; suspicious: number; clean: number }>()
  const labels: { item: EvalItem; label: VerdictLabel }[] = []
  const misses: Miss[] = []
  for (const item of items) {
    const verdict = classify(item.input)
    labels.push({ item, label: verdict.label })
    const row = rows.get(item.group) ?? { group: item.group, source: item.source, truth: item.truth, count: 0, spam: 0, suspicious: 0, clean: 0 }
    row.count++
    row[verdict.label]++
    rows.set(item.group, row)
    const wrong = item.expected !== undefined ? verdict.label !== item.expected : item.truth === 'ham' ? verdict.label !== 'clean' : item.feb2024 === true ? verdict.label !== 'spam' : verdict.label === 'clean'
    if (wrong) misses.push({ id: item.id, expected: item.expected ?? (item.truth === 'ham' ? 'clean' : 'spam'), got: verdict.label, score: verdict.score, reasons: describe(verdict) })
  }

  const realHam = labels.filter(({ item }) => item.truth === 'ham' && (item.source === 'ham' || item.source === 'activitypub'))
  const hamAsSpam = realHam.filter(({ label }) => label === 'spam').map(({ item }) => item.id)
  const feb = labels.filter(({ item }) => item.feb2024 === true)
  const febMissed = feb.filter(({ label }) => label !== 'spam').map(({ item }) => item.id)
  const checks: Check[] = [
    {
      name: '0 real ham statuses labeled spam',
      pass: hamAsSpam.length === 0,
      detail: realHam.length === 0 ? 'no real ham loaded (shared corpus absent)' : `${hamAsSpam.length} of ${realHam.length} labeled spam`,
      failures: hamAsSpam,
    },
    {
      name: 'every rebuilt Feb 2024 status labeled spam',
      pass: febMissed.length === 0 && feb.length > 0,
      detail: `${feb.length - febMissed.length} of ${feb.length} labeled spam`,
      failures: febMissed,
    },
  ]

  return {
    rows: [...rows.values()],
    spamVsRest: metrics(labels.map(({ item, label }) => ({ positive: item.truth === 'spam', predicted: label === 'spam' }))),
    flaggedVsRest: metrics(labels.map(({ item, label }) => ({ positive: item.truth !== 'ham', predicted: label !== 'clean' }))),
    checks,
    misses,
  }
}
