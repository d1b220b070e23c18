/**
 * The plain reference of the one multi-pattern matcher's compacted scan (`scanSpans`) and of the
 * host matcher built on it (`createHostPatterns(…).find`): the compacted view built as a string
 * with a map back to the text, every pattern looked for with `indexOf` at every offset, the gap
 * and word-boundary rules checked on the text. Slow (patterns × text) and obviously right; the
 * fuzz tests compare the automaton with it.
 */

/** One occurrence: pattern id, span in the text scanned. */
export interface Occurrence {
  readonly id: number
  readonly start: number
  readonly end: number
}

const KEPT = /^[\p{L}\p{N}#.]$/u
const BREAK = /[/@?=&]/u

/** The compacted view: letters, digits, `#` and `.`, one entry per UTF-16 code unit, with where each was. */
export function compactedView(text: string): { compact: string; at: number[] } {
  let compact = ''
  const at: number[] = []
  let offset = 0
  for (const char of text) {
    if (KEPT.test(char)) {
      compact += char
      for (let u = 0; u < char.length; u++) at.push(offset + u)
    }
    offset += char.length
  }
  return { compact, at }
}

/**
 * Every occurrence of every pattern (a repeated pattern under its first id) in the compacted
 * view whose gaps are at most `maxGap` code units and hold none of `/ @ ? = &`, ordered as the
 * automaton reports them: by end, then longest first.
 */
export function referenceOccurrences(patterns: readonly string[], text: string, maxGap: number): Occurrence[] {
  const { compact, at } = compactedView(text)
  const found: Occurrence[] = []
  patterns.forEach((pattern, id) => {
    if (pattern === '' || patterns.indexOf(pattern) !== id) return
    for (let k = compact.indexOf(pattern); k >= 0; k = compact.indexOf(pattern, k + 1)) {
      let ok = true
      for (let j = k + 1; j < k + pattern.length; j++) {
        const gap = text.slice(at[j - 1]! + 1, at[j]!)
        if (gap.length > maxGap || BREAK.test(gap)) ok = false
      }
      if (ok) found.push({ id, start: at[k]!, end: at[k + pattern.length - 1]! + 1 })
    }
  })
  return found.sort((a, b) => a.end - b.end || b.end - b.start - (a.end - a.start))
}

const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const LATIN_WORD = /^[a-zA-Z0-9]$/u
const WORD = /^[\p{L}\p{N}]$/u

/** The whole code point around a UTF-16 offset. */
function charAround(text: string, at: number): string {
  const chars = [...text]
  let offset = 0
  for (const char of chars) {
    if (at < offset + char.length) return char
    offset += char.length
  }
  return ''
}

/**
 * Whether the character at `outside` continues the word of the occurrence's edge character at
 * `inside`: both Latin letters or digits; both letters of other scripts, neither written without
 * spaces; or a hyphen or underscore with a Latin letter or digit beyond it.
 */
export function referenceJoins(text: string, outside: number, inside: number, step: number): boolean {
  if (outside < 0 || outside >= text.length) return false
  const x = text[outside]!
  if (x === '-' || x === '_') return LATIN_WORD.test(text[outside + step] ?? '')
  const outer = charAround(text, outside)
  const inner = charAround(text, inside)
  const asciiOuter = outer.charCodeAt(0) < 0x80
  const asciiInner = inner.charCodeAt(0) < 0x80
  if (asciiOuter || asciiInner) return asciiOuter && asciiInner && LATIN_WORD.test(outer) && LATIN_WORD.test(inner)
  return WORD.test(outer) && WORD.test(inner) && !NO_SPACES.test(outer) && !NO_SPACES.test(inner)
}

/**
 * What `createHostPatterns(entries).find(text, options)` gives, from the plain occurrences: at
 * one end the longest occurrence at word boundaries, once for each host that reads as it;
 * without `all`, one per host, the first.
 */
export function referenceFind(owners: readonly (readonly string[])[], patterns: readonly string[], text: string, maxGap: number, all: boolean, openEnd: boolean): { host: string; start: number; end: number }[] {
  const found: { host: string; start: number; end: number }[] = []
  const done = new Set<number>()
  const taken = new Set<string>()
  let lastEnd = -1
  for (const o of referenceOccurrences(patterns, text, maxGap)) {
    if (done.has(o.id)) continue
    if (o.end === lastEnd) continue
    if (referenceJoins(text, o.start - 1, o.start, -1) || (!openEnd && referenceJoins(text, o.end, o.end - 1, 1))) continue
    lastEnd = o.end
    if (!all) done.add(o.id)
    for (const host of owners[o.id]!) {
      if (!all) {
        if (taken.has(host)) continue
        taken.add(host)
      }
      found.push({ host, start: o.start, end: o.end })
    }
  }
  return found
}
