/** One status read from the input, with where it came from for messages and output. */
export interface InputItem {
  /** Line number (JSON lines) or 1-based position in the array (JSON). */
  readonly at: number
  readonly value: unknown
}

/** Input that cannot be read: the message names the file and the line. */
export class InputError extends Error {
  override readonly name = 'InputError'
}

function lineOf(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function parseDocument(text: string, name: string): InputItem[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const position = /at position (\d+)/u.exec(reason(error))?.[1]
    // An error at the very end (or with no position, "Unexpected end of JSON input") means the
    // document stops short: name its last non-blank line, not the blank ones after it.
    const end = text.trimEnd().length
    const line = lineOf(text, position === undefined ? end : Math.min(Number(position), end))
    throw new InputError(`${name}:${line}: not valid JSON (${reason(error)})`)
  }
  if (Array.isArray(value)) return value.map((item, i) => ({ at: i + 1, value: item }))
  return [{ at: 1, value }]
}

function parseLines(text: string, name: string): InputItem[] {
  const items: InputItem[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line === '') continue
    try {
      items.push({ at: i + 1, value: JSON.parse(line) })
    } catch (error) {
      throw new InputError(`${name}:${i + 1}: not valid JSON (${reason(error)})`)
    }
  }
  return items
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

/**
 * Reads statuses from a JSON array, a single JSON object, or JSON lines (one object a line).
 * A document that starts with `[`, or a `{` whose first line is not a whole object, is read as
 * one JSON value; anything else as JSON lines.
 *
 * @param text - the whole input
 * @param name - the file name for messages (`-` for standard input)
 * @returns the statuses, each with its line or position
 * @throws InputError naming `name:line` when the input is not valid JSON
 */
export function readInput(text: string, name: string): InputItem[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const trimmed = body.trimStart()
  if (trimmed === '') throw new InputError(`${name}:1: empty input (expected a JSON array, object, or JSON lines)`)
  if (trimmed.startsWith('[')) return parseDocument(body, name)
  const firstLine = trimmed.split('\n', 1)[0] ?? ''
  return parsesAlone(firstLine) ? parseLines(body, name) : parseDocument(body, name)
}
