/**
 * The HTML tokenizer as it was before its shortcuts (a tag right after the last one, a tag that
 * ends right after its name): `indexOf` for every `<` and every `>`. The fuzz test in
 * `test/text/html-tokens.test.ts` checks that `tokenizeHtml` hands over the same tokens.
 */
import { type HtmlTokenHandler, TAG_A, TAG_BLOCK, TAG_OTHER, TAG_P, TAG_SPAN } from '../../src/text/html-tokens.js'

const UNKNOWN = -1
// `tagKind` tells the two-letter ones and `p` by their codes: keep it in step with this list.
const BLOCK_TAGS = /* @__PURE__ */ new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'hr'])
const SKIPPED_TAGS = /* @__PURE__ */ new Set(['script', 'style', 'template', 'noscript', 'title'])

/** Length of the tag name starting at `from` (`[a-zA-Z][a-zA-Z0-9-]{0,15}`), 0 when there is none. */
function tagNameLength(html: string, from: number): number {
  const first = html.charCodeAt(from) | 0x20
  if (first < 97 || first > 122) return 0
  let end = from + 1
  const limit = Math.min(html.length, from + 16)
  while (end < limit) {
    const code = html.charCodeAt(end)
    const lower = code | 0x20
    if (!((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 45)) break
    end++
  }
  return end - from
}

/**
 * The tags status markup is made of (`a`, `span`, `p`, and the two-letter block tags `br`, `hr`,
 * `tr`, `li`, `ul`, `ol`, `h1`–`h6`), told from their character codes without slicing the name;
 * `UNKNOWN` for the rest (`div`, `blockquote`, `script`, …), which the caller looks up by name.
 */
function tagKind(html: string, from: number, length: number): number {
  const first = html.charCodeAt(from) | 0x20
  if (length === 1) return first === 97 ? TAG_A : first === 112 ? TAG_P : UNKNOWN
  if (length === 4) {
    return first === 115 && (html.charCodeAt(from + 1) | 0x20) === 112 && (html.charCodeAt(from + 2) | 0x20) === 97 && (html.charCodeAt(from + 3) | 0x20) === 110 ? TAG_SPAN : UNKNOWN
  }
  if (length === 2) {
    const second = html.charCodeAt(from + 1) | 0x20
    // br, hr, tr, li, ul, ol, h1–h6
    if (second === 114 && (first === 98 || first === 104 || first === 116)) return TAG_BLOCK
    if ((first === 108 && second === 105) || (first === 117 && second === 108) || (first === 111 && second === 108)) return TAG_BLOCK
    if (first === 104 && second >= 49 && second <= 54) return TAG_BLOCK
  }
  return UNKNOWN
}

/**
 * Reads HTML once, in order: text runs and tags to `handler`; comments, `<!…>`/`<?…>` and the
 * inside of `script`, `style`, `template`, `noscript` and `title` are skipped. A tag ends at the
 * first `>` after its `<`. Linear in the input's length (runs of `<` without `>` included), never
 * throws on malformed HTML (unclosed tags, stray `<`).
 *
 * @param html - a document or fragment
 * @param handler - receives the text runs and tags
 */
export function referenceTokenizeHtml(html: string, handler: HtmlTokenHandler): void {
  let skipping: string | undefined
  let i = 0
  let nextGt = -1
  const length = html.length
  while (i < length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      if (skipping === undefined) handler.text(html, i, length)
      break
    }
    if (lt > i && skipping === undefined) handler.text(html, i, lt)
    // Inside <script>, <style> and the like everything is raw text that only the closing tag ends.
    if (skipping !== undefined && (html[lt + 1] !== '/' || html.slice(lt + 2, lt + 2 + skipping.length).toLowerCase() !== skipping)) {
      i = lt + 1
      continue
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? length : end + 3
      continue
    }
    // A tag name follows `<` or `</` at once; `<!…>` and `<?…>` are bogus comments; any other
    // `<` is text (`a < b`, `<3`), as in the HTML standard.
    const next = html.charCodeAt(lt + 1)
    const bogus = next === 33 || next === 63
    const closing = next === 47
    const nameStart = closing ? lt + 2 : lt + 1
    const nameLength = bogus ? 0 : tagNameLength(html, nameStart)
    if (nameLength === 0 && !bogus) {
      if (skipping === undefined) handler.text(html, lt, lt + 1)
      i = lt + 1
      continue
    }
    // The first `>` after a `<` is also the first after every later `<` before it: remembering
    // it keeps runs of `<` without `>` linear.
    if (nextGt <= lt) nextGt = html.indexOf('>', lt + 1)
    const gt = nextGt
    if (gt < 0) {
      // A stray `<` with no end: it is text.
      if (skipping === undefined && !bogus) handler.text(html, lt, length)
      break
    }
    i = gt + 1
    if (bogus) continue
    if (skipping !== undefined) {
      if (closing && html.slice(nameStart, nameStart + nameLength).toLowerCase() === skipping) skipping = undefined
      continue
    }
    let kind = tagKind(html, nameStart, nameLength)
    if (kind === UNKNOWN) {
      const name = html.slice(nameStart, nameStart + nameLength).toLowerCase()
      if (SKIPPED_TAGS.has(name)) {
        // `<script/>` closes itself.
        if (!closing && html.charCodeAt(gt - 1) !== 47) skipping = name
        continue
      }
      kind = BLOCK_TAGS.has(name) ? TAG_BLOCK : TAG_OTHER
    }
    handler.tag(kind, closing, html, nameStart, nameStart + nameLength, gt)
  }
}

