/**
 * A transformer of the de-obfuscation layer: text in, text out, with, when asked, the offset in
 * the original text of every output code unit. `from` of the input is `undefined` on the fast
 * path (no map is built) and the offsets of the input's code units in the original otherwise.
 */
export interface Transformed {
  readonly text: string
  /** Never changed once returned: a transformer that changes nothing returns the map it was given. */
  readonly from: readonly number[] | undefined
}

export type Transformer = (text: string, from: readonly number[] | undefined) => Transformed

/** The offsets of `text[start, end)` as the previous map gives them (or the indexes themselves). */
export function pushOffsets(out: number[], from: readonly number[] | undefined, start: number, end: number): void {
  for (let k = start; k < end; k++) out.push(from === undefined ? k : from[k]!)
}

/**
 * Applies replacements found by a global regular expression: each match is replaced by what
 * `replace` returns (`undefined` keeps it), and every output code unit of a replacement maps to
 * the first code unit of its match.
 */
export function replaceMapped(text: string, from: readonly number[] | undefined, pattern: RegExp, replace: (match: RegExpExecArray) => string | undefined): Transformed {
  pattern.lastIndex = 0
  let out = ''
  const map: number[] | undefined = from === undefined ? undefined : []
  let last = 0
  let changed = false
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++
      continue
    }
    const replacement = replace(m)
    if (replacement === undefined) continue
    changed = true
    out += text.slice(last, m.index) + replacement
    if (map !== undefined) {
      pushOffsets(map, from, last, m.index)
      // The replacement maps to the match's first code unit, its last code unit to the match's
      // last, so a span of the output maps back to the whole span written.
      const origin = from === undefined ? m.index : from[m.index]!
      const end = m.index + m[0].length - 1
      for (let k = 0; k < replacement.length; k++) map.push(k > 0 && k === replacement.length - 1 ? from![end]! : origin)
    }
    last = m.index + m[0].length
  }
  if (!changed) return { text, from }
  out += text.slice(last)
  if (map !== undefined) pushOffsets(map, from, last, text.length)
  return { text: out, from: map }
}

/**
 * An expression built on its first use and kept: QuickJS compiles a regular expression literal
 * when the module is parsed, which costs about 0.1 ms for each Unicode property class (`\p{L}`),
 * paid by every cold start even when no text reaches the expression (V8 compiles on first use
 * either way).
 *
 * @param source - the expression's source, as `RegExp.prototype.source` gives it
 * @param flags - its flags
 * @returns a function returning the one expression
 */
export function lazy(source: string, flags: string): () => RegExp {
  let built: RegExp | undefined
  return () => (built ??= new RegExp(source, flags))
}
