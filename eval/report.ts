import type { EvalResult, GroupRow, Metrics } from './evaluate.js'

const pct = (value: number | undefined): string => (value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`)

function table(rows: readonly GroupRow[]): string {
  const header = ['group', 'count', 'spam', 'suspicious', 'clean']
  const cells = rows.map((r) => [r.group, String(r.count), String(r.spam), String(r.suspicious), String(r.clean)])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]): string => `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.map(line)].join('\n')
}

function metricLine(name: string, m: Metrics): string {
  return `${name}: precision ${pct(m.precision)}, recall ${pct(m.recall)} (TP ${m.truePositives}, FP ${m.falsePositives}, FN ${m.falseNegatives})`
}

/**
 * The evaluation as text: one Markdown table for spam (waves) and one for ham (categories), the
 * metrics, the items that missed, and a PASS/FAIL line per required result.
 *
 * @param result - from `evaluate`
 * @param notices - lines printed first (e.g. "the shared corpus is absent")
 * @returns the report
 */
export function formatReport(result: EvalResult, notices: readonly string[] = []): string {
  const spamRows = result.rows.filter((r) => r.truth !== 'ham')
  const hamRows = result.rows.filter((r) => r.truth === 'ham')
  const out: string[] = [...notices.map((n) => `notice: ${n}`)]
  if (notices.length > 0) out.push('')
  out.push('Spam (per wave; gray-area rows expect suspicious)', table(spamRows), '')
  out.push('Ham (per category)', table(hamRows), '')
  out.push(metricLine('spam vs rest   ', result.spamVsRest))
  out.push(metricLine('flagged vs rest', result.flaggedVsRest))
  out.push(`false positives: ${result.spamVsRest.falsePositives} non-spam labeled spam, ${result.flaggedVsRest.falsePositives} ham flagged (spam or suspicious)`)
  if (result.misses.length > 0) {
    out.push('', 'Not as expected:')
    for (const m of result.misses) out.push(`  ${m.id}: expected ${m.expected}, got ${m.got} (score ${m.score}${m.reasons === '' ? '' : `: ${m.reasons}`})`)
  }
  out.push('')
  for (const check of result.checks) out.push(`${check.pass ? 'PASS' : 'FAIL'} ${check.name}: ${check.detail}`)
  return out.join('\n')
}

/**
 * The second pass as text: the same items through one `createSpamFilter` (near-duplicate memory
 * on), summarized by its metrics, the rows whose counts changed, and its misses.
 *
 * @param result - from `evaluate` with a filter's `classify`
 * @param stateless - from `evaluate` with `classifyStatus`, to show what the memory changed
 * @returns the report
 */
export function formatMemoryReport(result: EvalResult, stateless: EvalResult): string {
  const out: string[] = ['With the filter\'s memory (one createSpamFilter over every item above, in order)']
  out.push(metricLine('spam vs rest   ', result.spamVsRest))
  out.push(metricLine('flagged vs rest', result.flaggedVsRest))
  out.push(`false positives: ${result.spamVsRest.falsePositives} non-spam labeled spam, ${result.flaggedVsRest.falsePositives} ham flagged (spam or suspicious)`)
  const before = new Map(stateless.rows.map((r) => [r.group, r]))
  const changed = result.rows.filter((r) => {
    const b = before.get(r.group)
    return b === undefined || b.spam !== r.spam || b.suspicious !== r.suspicious
  })
  out.push(changed.length === 0 ? 'rows changed by the memory: none' : 'rows changed by the memory:', ...(changed.length === 0 ? [] : [table(changed)]))
  for (const m of result.misses) out.push(`  ${m.id}: expected ${m.expected}, got ${m.got} (score ${m.score}${m.reasons === '' ? '' : `: ${m.reasons}`})`)
  for (const check of result.checks) out.push(`${check.pass ? 'PASS' : 'FAIL'} ${check.name} (with memory): ${check.detail}`)
  return out.join('\n')
}
