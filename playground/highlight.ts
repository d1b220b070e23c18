/** A piece of the text to show: marked when it is evidence for a reason. */
export interface Segment {
  readonly text: string
  readonly marked: boolean
}

/** The strings to look for in the text: each evidence item, and `@user` for an `@user@host`. */
function needles(evidence: readonly string[]): string[] {
  const out = new Set<string>()
  for (const item of evidence) {
    const value = item.trim()
    if (value.length < 2) continue
    out.add(value.toLowerCase())
    const mention = /^(@[^@\s]+)@[^@\s]+$/u.exec(value)
    if (mention?.[1] !== undefined) out.add(mention[1].toLowerCase())
  }
  return [...out].sort((a, b) => b.length - a.length)
}

/**
 * Splits `text` into segments, marking every case-insensitive occurrence of an evidence string
 * (longest first, no overlaps).
 *
 * @param text - the visible text of the status
 * @param evidence - the evidence of every reason
 * @returns the segments, in order
 */
export function highlight(text: string, evidence: readonly string[]): Segment[] {
  const lower = text.toLowerCase()
  const marks = new Array<boolean>(text.length).fill(false)
  for (const needle of needles(evidence)) {
    let from = 0
    for (;;) {
      const at = lower.indexOf(needle, from)
      if (at < 0) break
      const end = at + needle.length
      // A mention must end at a name boundary: `@bob` must not mark `@bobby`.
      const next = lower[end] ?? ' '
      if (!(needle.startsWith('@') && /[\w.-]/u.test(next) && next !== '.')) marks.fill(true, at, end)
      from = end
    }
  }
  const segments: Segment[] = []
  for (let i = 0; i < text.length; ) {
    let j = i
    while (j < text.length && marks[j] === marks[i]) j++
    segments.push({ text: text.slice(i, j), marked: marks[i] === true })
    i = j
  }
  return segments
}
