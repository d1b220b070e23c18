/**
 * Reads statuses from a stream of bytes with bounded memory: JSON lines (one value a line), a JSON
 * array (read element by element, never whole), or JSON values one after another (a pretty-printed
 * object, `jq` output). Nothing but the item being read is kept: memory is bounded by
 * `maxItemBytes` whatever the input's size. A bad item becomes an `error` event naming its line
 * and the reader goes on; the caller decides whether to stop.
 */

/** One status read from the input, or one item that could not be read. */
export type InputEvent =
  | { readonly kind: 'item'; readonly at: number; readonly line: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly at: number; readonly line: number; readonly message: string }

export interface ReadLimits {
  /** Bytes of one line or one array element; longer ones are skipped unread. */
  readonly maxItemBytes: number
  /** Nesting of arrays and objects in one item; deeper ones are skipped unparsed. */
  readonly maxDepth: number
}

export const DEFAULT_INPUT_LIMITS: ReadLimits = { maxItemBytes: 16 * 1024 * 1024, maxDepth: 200 }

const NL = 0x0a
const CR = 0x0d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d

const isSpace = (b: number): boolean => b === 0x20 || b === NL || b === CR || b === 0x09

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`
}

/** The deepest nesting of `[`/`{` outside strings, stopping once past `limit`. */
function depthOver(bytes: Uint8Array, limit: number): boolean {
  let depth = 0
  let inString = false
  const skip = stringSkipper(bytes, bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (inString) {
      if (b === BACKSLASH) i++
      else if (b === QUOTE) inString = false
      else i = skip(i + 1) - 1
    } else if (b === QUOTE) inString = true
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limit) return true
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--
  }
  return false
}

/**
 * Finds the next `"` or `\` in one buffer with native scans, remembering where the next backslash
 * is: looking for it again after every quote would read the rest of the buffer each time
 * (quadratic in a string-heavy item without backslashes).
 */
function stringSkipper(bytes: Uint8Array, end: number): (start: number) => number {
  let slash = -2
  return (start) => {
    if (slash !== -1 && slash < start) {
      slash = bytes.indexOf(BACKSLASH, start)
      if (slash >= end) slash = -1
    }
    let quote = bytes.indexOf(QUOTE, start)
    if (quote < 0 || quote >= end) quote = end
    return slash === -1 ? quote : Math.min(quote, slash)
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Collects the bytes of one item, up to a cap; past it only counts them. */
class ItemBuffer {
  private parts: Uint8Array[] = []
  size = 0
  overflow = false
  constructor(private readonly cap: number) {}
  push(bytes: Uint8Array, start: number, end: number): void {
    if (end <= start) return
    this.size += end - start
    if (this.overflow) return
    if (this.size > this.cap) {
      this.overflow = true
      this.parts = []
      return
    }
    // Copy: the chunk is reused by the stream.
    this.parts.push(bytes.slice(start, end))
  }
  take(): Uint8Array {
    const out = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.size)
    this.parts = []
    this.size = 0
    this.overflow = false
    return out
  }
  reset(): void {
    this.parts = []
    this.size = 0
    this.overflow = false
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const decoder = new TextDecoder('utf-8')

/**
 * Reads statuses from chunks of bytes (or strings), yielding each as soon as it is complete.
 * The first non-blank byte decides the layout: `[` is an array read element by element; a first
 * line that opens an object without closing it (`{` alone, pretty-printed output) is read as JSON
 * values one after another; anything else is JSON lines, where a bad line costs only that line.
 *
 * @param chunks - the input, e.g. a file or standard input stream
 * @param limits - bytes per item and nesting depth
 * @yields one event per item: the parsed value, or an error naming why it was skipped
 */
export async function* readStatuses(chunks: AsyncIterable<Uint8Array | string>, limits: ReadLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<InputEvent> {
  const encoder = new TextEncoder()
  const out: InputEvent[] = []
  const item = new ItemBuffer(limits.maxItemBytes)
  let mode = 'start' as 'start' | 'probe' | 'lines' | 'values' | 'array' | 'after'
  let line = 1 // line of the byte being read
  let itemLine = 1 // line where the current item started
  let at = 0 // items counted (array elements, values)
  let bom = 0 // bytes of a byte order mark seen at the start
  // Scanner state for values and array elements.
  let depth = 0
  let inString = false
  let escaped = false
  let started = false
  let afterReported = false

  const finishItem = (bytes: Uint8Array | undefined, position: number, startLine: number, tooLong: number): void => {
    if (tooLong > 0) {
      // A whole document (an archive's outbox.json) past the cap: say how to stream it instead.
      const hint = mode === 'values' ? `; for one large document, give its statuses as JSON lines, e.g. jq -c '.orderedItems[]' outbox.json` : ''
      out.push({ kind: 'error', at: position, line: startLine, message: `longer than ${megabytes(limits.maxItemBytes)} (${megabytes(tooLong)}), skipped unread${hint}` })
      return
    }
    if (bytes === undefined) return
    if (depthOver(bytes, limits.maxDepth)) {
      out.push({ kind: 'error', at: position, line: startLine, message: `nested deeper than ${limits.maxDepth} levels, skipped unparsed` })
      return
    }
    const text = decoder.decode(bytes).trim()
    if (text === '') return
    try {
      out.push({ kind: 'item', at: position, line: startLine, value: JSON.parse(text) as unknown })
    } catch (error) {
      out.push({ kind: 'error', at: position, line: startLine, message: `not valid JSON (${reasonOf(error)})` })
    }
  }

  /** Ends the item being collected: its bytes, or the size it reached past the cap. */
  const finishCollected = (position: number): void => {
    const tooLong = item.overflow ? item.size : 0
    finishItem(item.take(), position, itemLine, tooLong)
  }

  const endLine = (): void => finishCollected(itemLine)

  /** Ends the scanned value or array element whose last byte in this chunk is before `end`. */
  const endScanned = (bytes: Uint8Array, from: number, end: number): void => {
    item.push(bytes, from, end)
    finishCollected(at)
    started = false
  }

  /** Feeds bytes [start, end) to the line reader. */
  const feedLines = (bytes: Uint8Array, start: number, end: number): void => {
    let from = start
    while (from < end) {
      const nl = bytes.indexOf(NL, from)
      if (nl < 0 || nl >= end) {
        item.push(bytes, from, end)
        return
      }
      item.push(bytes, from, nl)
      endLine()
      line++
      itemLine = line
      from = nl + 1
    }
  }

  /** Feeds bytes to the value / array-element scanner. */
  const feedScanner = (bytes: Uint8Array, start: number, end: number): void => {
    let from = start // first byte of the current item in this chunk
    const skip = stringSkipper(bytes, end)
    for (let i = start; i < end; i++) {
      const b = bytes[i]!
      if (mode === 'after') {
        if (b === NL) line++
        else if (!isSpace(b) && !afterReported) {
          afterReported = true
          out.push({ kind: 'error', at: at + 1, line, message: 'text after the end of the JSON array, ignored' })
        }
        continue
      }
      if (!started) {
        if (b === NL) line++
        if (isSpace(b) || (mode === 'array' && b === COMMA)) continue
        if (mode === 'array' && b === CLOSE_ARRAY) {
          mode = 'after'
          continue
        }
        started = true
        itemLine = line
        at++
        from = i
        depth = 0
        inString = false
        escaped = false
      }
      if (b === NL) line++
      if (inString) {
        if (escaped) escaped = false
        else if (b === BACKSLASH) escaped = true
        else if (b === QUOTE) inString = false
        else {
          // Jump to the next quote or backslash (native scans): string bodies are most of the bytes.
          const next = skip(i + 1)
          line += countNewlines(bytes, i + 1, next)
          i = next - 1
        }
        continue
      }
      if (b === QUOTE) inString = true
      else if (b === OPEN_ARRAY || b === OPEN_OBJECT) depth++
      else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
        depth--
        if (mode === 'values' && depth === 0) {
          endScanned(bytes, from, i + 1)
          continue
        }
        if (mode === 'array' && depth < 0) {
          // The array's own `]` ends the last element and the array.
          endScanned(bytes, from, i)
          mode = 'after'
          continue
        }
      } else if ((mode === 'array' && b === COMMA && depth === 0) || (mode === 'values' && depth === 0 && isSpace(b))) {
        // A comma ends an array element; white space ends a bare value (number, string, literal).
        endScanned(bytes, from, i)
        continue
      }
    }
    if (started) item.push(bytes, from, end)
  }

  let probe = new ItemBuffer(limits.maxItemBytes)

  const feed = (bytes: Uint8Array): void => {
    let i = 0
    if (mode === 'start') {
      // A byte order mark, possibly split across chunks.
      while (bom < 3 && i < bytes.length && bytes[i] === [0xef, 0xbb, 0xbf][bom]) {
        bom++
        i++
      }
      while (i < bytes.length && isSpace(bytes[i]!)) {
        if (bytes[i] === NL) line++
        i++
      }
      if (i >= bytes.length) return
      itemLine = line
      if (bytes[i] === OPEN_ARRAY) {
        mode = 'array'
        i++
      } else mode = 'probe'
    }
    if (mode === 'probe') {
      // Read the first line to tell JSON lines from one pretty-printed document.
      const nl = bytes.indexOf(NL, i)
      probe.push(bytes, i, nl < 0 ? bytes.length : nl + 1)
      if (nl < 0 && !probe.overflow) return
      const first = probe.overflow ? undefined : probe.take()
      mode = first !== undefined && opensWithoutClosing(first) ? 'values' : 'lines'
      if (first === undefined) {
        // A first line past the cap: JSON lines, and that line is skipped (its bytes counted on).
        item.overflow = true
        item.size = probe.size - (nl < 0 ? 0 : 1)
        probe = new ItemBuffer(0)
        feedLines(bytes, nl < 0 ? bytes.length : nl, bytes.length)
        return
      }
      probe = new ItemBuffer(0)
      const rest = nl < 0 ? bytes.length : nl + 1
      if (mode === 'lines') {
        feedLines(first, 0, first.length)
        feedLines(bytes, rest, bytes.length)
      } else {
        feedScanner(first, 0, first.length)
        feedScanner(bytes, rest, bytes.length)
      }
      return
    }
    if (mode === 'lines') feedLines(bytes, i, bytes.length)
    else feedScanner(bytes, i, bytes.length)
  }

  for await (const chunk of chunks) {
    feed(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
    for (const event of out) yield event
    out.length = 0
  }
  // The end of the input.
  if (mode === 'probe') {
    const first = probe.overflow ? undefined : probe.take()
    if (first === undefined) out.push({ kind: 'error', at: itemLine, line: itemLine, message: `longer than ${megabytes(limits.maxItemBytes)}, skipped unread` })
    else if (opensWithoutClosing(first)) {
      mode = 'values'
      feedScanner(first, 0, first.length)
    } else {
      mode = 'lines'
      feedLines(first, 0, first.length)
    }
  }
  if (mode === 'lines') {
    if (item.size > 0 || item.overflow) endLine()
  } else if (mode === 'values' || mode === 'array') {
    if (started) {
      const tooLong = item.overflow ? item.size : 0
      const bytes = item.take()
      if (tooLong > 0) finishItem(undefined, at, itemLine, tooLong)
      else if (mode === 'values' && depth === 0) finishItem(bytes, at, itemLine, 0)
      else out.push({ kind: 'error', at, line: itemLine, message: `the input ends inside this ${mode === 'array' ? 'array element' : 'value'} (cut short?)` })
    } else if (mode === 'array') out.push({ kind: 'error', at: at + 1, line, message: 'the input ends before the JSON array is closed (cut short?)' })
  } else if (mode === 'start') {
    out.push({ kind: 'error', at: 1, line: 1, message: 'empty input (expected JSON lines, a JSON array or a JSON object)' })
  }
  for (const event of out) yield event
}

/** Line breaks in bytes [start, end): JSON strings hold none raw, but invalid input may. */
function countNewlines(bytes: Uint8Array, start: number, end: number): number {
  // Search only the range (a view): an unbounded indexOf would read to the buffer's end each time.
  const range = bytes.subarray(start, end)
  let count = 0
  for (let at = range.indexOf(NL); at >= 0; at = range.indexOf(NL, at + 1)) count++
  return count
}

/** Whether a first line opens an object or array that it does not close (pretty-printed JSON). */
function opensWithoutClosing(line: Uint8Array): boolean {
  let depth = 0
  let inString = false
  let seen = false
  for (let i = 0; i < line.length; i++) {
    const b = line[i]!
    if (inString) {
      if (b === BACKSLASH) i++
      else if (b === QUOTE) inString = false
    } else if (b === QUOTE) inString = true
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      depth++
      seen = true
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--
  }
  return seen && depth > 0 && !inString
}
