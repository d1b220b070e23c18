/**
 * The one HTML tokenizer: a single pass over a document that hands each run of text and each tag
 * to a handler, with the tag's place in the document so the handler reads the attributes it
 * needs where they lie (`readLinkAttributes(html, nameFrom, end)`), without slicing the tag.
 * It knows HTML only (comments, raw-text elements, bogus comments, a `<` that starts no tag);
 * what a platform's markup means (Mastodon's mentions, hashtags, hidden spans) is the handler's
 * business, at the status boundary (`src/status/read-content.ts`).
 */

/** A tag this tokenizer does not name: the handler may look at its name (`html.slice(nameFrom, attributesFrom)`). */
export const TAG_OTHER = 0
export const TAG_A = 1
export const TAG_SPAN = 2
export const TAG_P = 3
/** A tag that breaks the line: `div`, `br`, `li`, `ul`, `ol`, `blockquote`, `pre`, `h1`–`h6`, `tr`, `hr`. */
export const TAG_BLOCK = 4

/** What `tokenizeHtml` hands over, in document order. */
export interface HtmlTokenHandler {
  /** Text `html[from, to)` as written (entities not decoded); a `<` that starts no tag is text too. */
  text(html: string, from: number, to: number): void
  /**
   * A tag: its kind, whether it closes, where its name starts, where its attributes start (the
   * name's end) and its end (the `>`, excluded).
   */
  tag(kind: number, closing: boolean, html: string, nameFrom: number, attributesFrom: number, end: number): void
  /**
   * Set by `tag` when the handler has read a whole run of markup from that tag on (it knows the
   * platform's markup): where reading goes on, past the tag's end. The tokenizer clears it.
   */
  resumeAt?: number | undefined
}

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
export function tokenizeHtml(html: string, handler: HtmlTokenHandler): void {
  let skipping: string | undefined
  let i = 0
  let nextGt = -1
  const length = html.length
  while (i < length) {
    // A tag right after the last one (`</span></a>`) is seen without a search.
    const lt = html.charCodeAt(i) === 60 ? i : html.indexOf('<', i)
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
    const next = html.charCodeAt(lt + 1)
    if (next === 33 && html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? length : end + 3
      continue
    }
    // A tag name follows `<` or `</` at once; `<!…>` and `<?…>` are bogus comments; any other
    // `<` is text (`a < b`, `<3`), as in the HTML standard.
    const bogus = next === 33 || next === 63
    const closing = next === 47
    const nameStart = closing ? lt + 2 : lt + 1
    const nameLength = bogus ? 0 : tagNameLength(html, nameStart)
    if (nameLength === 0 && !bogus) {
      if (skipping === undefined) handler.text(html, lt, lt + 1)
      i = lt + 1
      continue
    }
    // A tag without attributes (`</span>`, `<p>`) ends right after its name, which holds no `>`.
    const afterName = nameStart + nameLength
    let gt: number
    if (!bogus && html.charCodeAt(afterName) === 62) {
      gt = afterName
    } else {
      // The first `>` after a `<` is also the first after every later `<` before it: remembering
      // it keeps runs of `<` without `>` linear.
      if (nextGt <= lt) nextGt = html.indexOf('>', lt + 1)
      gt = nextGt
    }
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
    const resume = handler.resumeAt
    if (resume !== undefined) {
      handler.resumeAt = undefined
      if (resume > i && resume <= length) i = resume
    }
  }
}

/**
 * Whether a space-separated attribute value holds a token (`class="u-url mention"` holds
 * `mention`), without allocating.
 *
 * @param list - the attribute's value
 * @param token - the token
 * @returns whether it is one of the value's tokens
 */
export function hasToken(list: string, token: string): boolean {
  // A value shorter than the token cannot hold it; one as long holds it only as itself
  // (`class="invisible"`): told without a search.
  if (list.length <= token.length) return list === token
  let from = 0
  for (;;) {
    const at = list.indexOf(token, from)
    if (at < 0) return false
    const end = at + token.length
    const before = at === 0 ? 32 : list.charCodeAt(at - 1)
    const after = end === list.length ? 32 : list.charCodeAt(end)
    if ((before === 32 || before === 9 || before === 10 || before === 12 || before === 13) && (after === 32 || after === 9 || after === 10 || after === 12 || after === 13)) return true
    from = end
  }
}

/**
 * Whether `html[from, to)` holds a `=` (a tag without one has no attribute value to read).
 *
 * @param html - the document
 * @param from - where to start
 * @param to - where to stop (excluded)
 * @returns whether a `=` is there
 */
export function hasEquals(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (html.charCodeAt(i) === 61) return true
  return false
}
