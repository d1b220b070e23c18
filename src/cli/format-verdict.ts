import type { Verdict } from '../verdict.js'

/** What one output row says about one status. */
export interface VerdictRow {
  /** Line (JSON lines) or position (JSON array) of the status in the input. */
  readonly at: number
  readonly id: string | undefined
  readonly author: string
  readonly verdict: Verdict
}

const WIDTH = { at: 6, label: 10, score: 6, author: 32 }

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ')
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width)
}

/** The header line of the readable table. */
export function tableHeader(): string {
  return `${cell('LINE', WIDTH.at)} ${cell('LABEL', WIDTH.label)} ${cell('SCORE', WIDTH.score)} ${cell('AUTHOR', WIDTH.author)} REASON`
}

/**
 * One row of the readable table: line, label, score, author and the strongest reason.
 *
 * @param row - the status and its verdict
 * @returns one line of text, without a line break
 */
export function tableRow(row: VerdictRow): string {
  const { verdict } = row
  const top = verdict.reasons[0]
  const more = verdict.reasons.length > 1 ? ` (+${verdict.reasons.length - 1} more)` : ''
  const why = top === undefined ? (verdict.skipped[0]?.detail ?? '') : `${top.message}${more}`
  return `${cell(String(row.at), WIDTH.at)} ${cell(verdict.label, WIDTH.label)} ${cell(verdict.score.toFixed(2), WIDTH.score)} ${cell(row.author === '' ? '?' : `@${row.author}`, WIDTH.author)} ${why}`
}

/**
 * One JSON line: where the status was, its id and author, and the whole verdict.
 *
 * @param row - the status and its verdict
 * @returns one line of JSON, without a line break
 */
export function jsonRow(row: VerdictRow): string {
  return JSON.stringify({ line: row.at, id: row.id ?? null, author: row.author || null, ...row.verdict })
}
