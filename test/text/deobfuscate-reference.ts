/**
 * The de-obfuscation layer written plainly, with no gate and no fast path: every code point is
 * looked up in the table one by one, every expression runs on every text. The fuzz tests check
 * that `deobfuscate` (with its gates: ASCII runs, `includes` checks, the MAY_SPELL prefilter, the
 * one-lowercase path) gives the same skeleton on any text.
 */
import { punycodeDecode } from '../../src/text/punycode.js'
import { skeletonOfCodePoint } from '../../src/text/transformers/skeleton-chars.js'
import { spelledPunctuation } from '../../src/text/transformers/spelled-punctuation.js'

export function referenceSkeleton(text: string): string {
  // 1. Right-to-left override spans reversed, code point by code point.
  let visual = ''
  const points = Array.from(text)
  for (let i = 0; i < points.length; i++) {
    if (points[i] !== '\u202e') {
      visual += points[i]
      continue
    }
    visual += points[i]
    let j = i + 1
    while (j < points.length && !/[\u202a-\u202e\u2066-\u2069\n\r\u2029]/u.test(points[j]!)) j++
    visual += points.slice(i + 1, j).reverse().join('')
    i = j - 1
  }
  // 2. Percent-escapes.
  const decoded = visual.replace(/(?:%[0-9a-f]{2}){1,64}/giu, (run) => {
    try {
      const d = decodeURIComponent(run)
      return /[\u0000-\u0020\u007f-\u009f]/u.test(d) ? run : d
    } catch {
      return run
    }
  })
  // 3. Punycode labels.
  const unicode = decoded.replace(/(?<![a-z0-9-])xn--([a-z0-9-]{1,59})(?![a-z0-9-])/giu, (label, body: string) => punycodeDecode(body.toLowerCase()) ?? label)
  // 4. Per code point.
  let out = ''
  for (const char of unicode) {
    const cp = char.codePointAt(0)!
    out += cp < 0x80 ? char.toLowerCase() : (skeletonOfCodePoint(cp) ?? char)
  }
  // 5. Spelled punctuation.
  const SPELLED_PUNCTUATION = spelledPunctuation()
  out = out.replace(SPELLED_PUNCTUATION.katakana, (k) => SPELLED_PUNCTUATION.nameOf.get(k) ?? k)
  {
    // Every match of the expression, the same decision, no prefilter.
    const pattern = new RegExp(SPELLED_PUNCTUATION.punctuation.source, 'gu')
    let result = ''
    let last = 0
    for (let m = pattern.exec(out); m !== null; m = pattern.exec(out)) {
      const replacement = SPELLED_PUNCTUATION.spelled(m)
      if (replacement === undefined) continue
      result += out.slice(last, m.index) + replacement
      last = m.index + m[0].length
    }
    out = result + out.slice(last)
  }
  // 6. Spaced letters (ASCII letters and digits, kanji and kana written one at a time).
  const single = String.raw`(?:[a-z0-9]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])`
  const spaced = new RegExp(String.raw`(?<![\p{L}\p{N}]|[\p{L}\p{N}][^\p{L}\p{N}\s])${single}(?:[^\p{L}\p{N}\n]{1,4}${single}){2,}(?![\p{L}\p{N}])`, 'gu')
  const separator = /[^a-z0-9\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu
  out = out.replace(spaced, (run) => {
    const letters = run.match(/[a-z]/gu)?.length ?? 0
    if (letters < (/[^\u0000-\u007f]/u.test(run) ? 2 : 1)) return run
    const separators = run.match(separator) ?? []
    const counts = new Map<string, number>()
    for (const s of separators) counts.set(s, (counts.get(s) ?? 0) + 1)
    let dominant = ''
    let most = 0
    for (const s of separators) {
      const c = counts.get(s)!
      if (c > most) {
        most = c
        dominant = s
      }
    }
    const parts = run.split(separator)
    return parts.map((p, i) => p + (separators[i] === undefined || separators[i] === dominant ? '' : separators[i]!.includes('/') ? '/' : separators[i]!.includes('.') ? '.' : '')).join('')
  })
  return out
}
