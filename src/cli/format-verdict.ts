import type { Reason, Verdict } from '../verdict.js'

/** What one output row says about one status. */
export interface VerdictRow {
  /** The input line where the status starts. */
  readonly line: number
  readonly id: string | undefined
  /** The status's web address (`url`, else `uri`), when the input has one. */
  readonly url: string | undefined
  /** The author's acct (`user@host`), or '' when the input has none. */
  readonly author: string
  readonly verdict: Verdict
}

/** An input item that could not be read or classified. */
export interface ErrorRow {
  readonly line: number
  readonly message: string
}

/** The output formats of the CLI. */
export type OutputFormat = 'table' | 'json' | 'csv'

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv']

const WIDTH = { line: 6, label: 10, score: 6, author: 34 }

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ')
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width)
}

function signed(score: number): string {
  return `${score > 0 ? '+' : ''}${Number(score.toFixed(2))}`
}

/** One reason in words: `mention-density +4: mentions 4 accounts…`. */
export function reasonText(reason: Reason): string {
  return `${reason.signal} ${signed(reason.score)}: ${reason.message}`
}

/** The header line of the readable table. */
export function tableHeader(): string {
  return `${cell('LINE', WIDTH.line)} ${cell('LABEL', WIDTH.label)} ${cell('SCORE', WIDTH.score)} ${cell('AUTHOR', WIDTH.author)} STATUS`.trimEnd()
}

/**
 * A status in the readable table: line, label, score, author and status URL, then every reason of
 * a flagged status on its own indented line (a clean status shows none: nothing to explain).
 *
 * @param row - the status and its verdict
 * @returns one or more lines of text, without a final line break
 */
export function tableRow(row: VerdictRow): string {
  const { verdict } = row
  const head = `${cell(String(row.line), WIDTH.line)} ${cell(verdict.label, WIDTH.label)} ${cell(verdict.score.toFixed(2), WIDTH.score)} ${cell(row.author === '' ? '?' : `@${row.author}`, WIDTH.author)} ${row.url ?? ''}`.trimEnd()
  if (verdict.label === 'clean') return head
  const indent = ' '.repeat(WIDTH.line + 1)
  const lines = verdict.reasons.map((reason) => `${indent}${signed(reason.score).padStart(6)}  ${reason.signal}: ${reason.message}`)
  for (const skipped of verdict.skipped) lines.push(`${indent}        skipped ${skipped.signal}: ${skipped.because}${skipped.detail === undefined ? '' : ` (${skipped.detail})`}`)
  return [head, ...lines].join('\n')
}

/** An error row of the readable table. */
export function tableError(row: ErrorRow): string {
  return `${cell(String(row.line), WIDTH.line)} ${cell('error', WIDTH.label)} ${cell('', WIDTH.score)} ${row.message}`
}

/**
 * One JSON line: where the status was, its id, URL and author, and the whole verdict.
 *
 * @param row - the status and its verdict
 * @returns one line of JSON, without a line break
 */
export function jsonRow(row: VerdictRow): string {
  return JSON.stringify({ line: row.line, id: row.id ?? null, url: row.url ?? null, author: row.author || null, ...row.verdict })
}

/** An error as one JSON line: `{"line":4,"error":"…"}`. */
export function jsonError(row: ErrorRow): string {
  return JSON.stringify({ line: row.line, error: row.message })
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a text field that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a `'`.
 */
function csvField(value: string | number, text = true): string {
  let out = String(value)
  if (text && /^[=+\-@\t\r]/u.test(out)) out = `'${out}`
  return /[",\r\n]/u.test(out) ? `"${out.replace(/"/gu, '""')}"` : out
}

/** The CSV header line. */
export function csvHeader(): string {
  return 'line,id,url,author,label,score,signals,reasons'
}

/**
 * One CSV record: `signals` lists the signal ids (space-separated), `reasons` every reason as
 * `signal +score: message`, joined with ` | `.
 *
 * @param row - the status and its verdict
 * @returns one CSV record (a quoted field may hold line breaks)
 */
export function csvRow(row: VerdictRow): string {
  const { verdict } = row
  return [
    csvField(row.line, false),
    csvField(row.id ?? ''),
    csvField(row.url ?? ''),
    csvField(row.author),
    csvField(verdict.label),
    csvField(Number(verdict.score.toFixed(2)), false),
    csvField(verdict.reasons.map((r) => r.signal).join(' ')),
    csvField(verdict.reasons.map(reasonText).join(' | ')),
  ].join(',')
}

/** An error as a CSV record: label `error`, the message in `reasons`. */
export function csvError(row: ErrorRow): string {
  return [csvField(row.line, false), '', '', '', 'error', '', '', csvField(row.message)].join(',')
}
