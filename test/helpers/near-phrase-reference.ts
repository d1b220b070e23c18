/**
 * The plain reference of near phrase matches (issue 10, fourth pass): a slow scan of every window
 * of the text's words with a full word-level edit distance, written apart from the matcher's
 * halves, first-mismatch checks and gate. The contract it states: a term of `n` words near-matches
 * a text when the term does not stand whole in the text's words and some window of `n − 1`, `n`
 * or `n + 1` words is at word-level edit distance exactly 1 from it, that window not being the
 * term without its first or last word (a quote's fragment).
 */

/** Word-level Levenshtein distance (full dynamic programme). */
export function wordDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = row
  }
  return previous[b.length]!
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => w === b[i])

/**
 * Whether a term near-matches a text's words (see the file's header), by brute force.
 *
 * @param term - the term's words
 * @param words - the text's words
 */
export function nearReference(term: readonly string[], words: readonly string[]): boolean {
  const n = term.length
  for (let s = 0; s + n <= words.length; s++) if (same(term, words.slice(s, s + n))) return false
  for (let s = 0; s < words.length; s++) {
    for (let length = n - 1; length <= n + 1; length++) {
      if (length < 1 || s + length > words.length) continue
      const window = words.slice(s, s + length)
      if (length === n - 1 && (same(window, term.slice(1)) || same(window, term.slice(0, -1)))) continue
      if (wordDistance(term, window) === 1) return true
    }
  }
  return false
}
