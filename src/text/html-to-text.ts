import { decodeEntities } from './decode-entities.js'
import { readLinkAttributes } from './read-attributes.js'

/** An anchor read from the content HTML. */
export interface HtmlAnchor {
  readonly href: string
  /** Visible text of the anchor (Mastodon's `invisible` spans dropped, `ellipsis` spans end in `…`). */
  readonly text: string
}

/** What `htmlToText` reads from a status's content HTML. */
export interface HtmlReading {
  /** Visible text, with line breaks for `<br>` and paragraphs. */
  readonly text: string
  /** Visible text outside mention, hashtag and link anchors: the author's own words. */
  readonly prose: string
  /** Anchors that are neither mentions nor hashtags. */
  readonly links: readonly HtmlAnchor[]
  /** Mention anchors (`class="mention"`, `h-card`, or text starting with `@`). */
  readonly mentions: readonly HtmlAnchor[]
  /** Hashtag names, lowercased, without `#`. */
  readonly hashtags: readonly string[]
  /** Hashtag anchors with their `href` (a hashtag anchor may point anywhere: the reader checks). */
  readonly tags: readonly HtmlAnchor[]
}

// `tagKind` tells the two-letter ones and `p` by their codes: keep it in step with this list.
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'hr'])
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title'])

type AnchorKind = 'link' | 'mention' | 'hashtag'

interface OpenAnchor {
  href: string
  classes: string
  rel: string
  text: string
}

/** Whether a space-separated attribute value holds a token, without allocating. */
function hasToken(list: string, token: string): boolean {
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

const TAG_UNKNOWN = -1
const TAG_OTHER = 0
const TAG_A = 1
const TAG_SPAN = 2
const TAG_P = 3
const TAG_BLOCK = 4

/**
 * The tags Mastodon's HTML is made of (`a`, `span`, `p`, and the two-letter block tags `br`, `hr`,
 * `tr`, `li`, `ul`, `ol`, `h1`–`h6`), told from their character codes without slicing the name;
 * `TAG_UNKNOWN` for the rest (`div`, `blockquote`, `script`, …), which the caller looks up by name.
 */
function tagKind(html: string, from: number, length: number): number {
  const first = html.charCodeAt(from) | 0x20
  if (length === 1) return first === 97 ? TAG_A : first === 112 ? TAG_P : TAG_UNKNOWN
  if (length === 4) {
    return first === 115 && (html.charCodeAt(from + 1) | 0x20) === 112 && (html.charCodeAt(from + 2) | 0x20) === 97 && (html.charCodeAt(from + 3) | 0x20) === 110 ? TAG_SPAN : TAG_UNKNOWN
  }
  if (length === 2) {
    const second = html.charCodeAt(from + 1) | 0x20
    // br, hr, tr, li, ul, ol, h1–h6
    if (second === 114 && (first === 98 || first === 104 || first === 116)) return TAG_BLOCK
    if ((first === 108 && second === 105) || (first === 117 && second === 108) || (first === 111 && second === 108)) return TAG_BLOCK
    if (first === 104 && second >= 49 && second <= 54) return TAG_BLOCK
  }
  return TAG_UNKNOWN
}

/** Whether `html[from, to)` holds a `=`. */
function hasEquals(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (html.charCodeAt(i) === 61) return true
  return false
}

function anchorKind(anchor: OpenAnchor): AnchorKind {
  const { classes, rel, text } = anchor
  if (hasToken(classes, 'hashtag') || hasToken(rel, 'tag')) return 'hashtag'
  if (hasToken(classes, 'mention') || hasToken(classes, 'u-url')) return 'mention'
  const visible = text.trimStart()
  if (visible.startsWith('#') && visible.length > 1 && !visible.includes(' ')) return 'hashtag'
  if (visible.startsWith('@') && visible.length > 1 && !visible.includes(' ')) return 'mention'
  return 'link'
}

/**
 * Reads Mastodon content HTML without a DOM: the visible text, the author's own words, the links,
 * the mentions and the hashtags. Linear in the input's length, never throws on malformed HTML
 * (unclosed tags, stray `<`, unknown entities), so it runs the same in browsers, Node, React
 * Native and embedded engines.
 *
 * @param html - the `content` of a status
 * @returns what the content shows and links to
 * @example
 * htmlToText('<p>Hi <span class="h-card"><a href="https://a.example/@b" class="u-url mention">@<span>b</span></a></span></p>')
 * //=> { text: 'Hi @b', prose: 'Hi', mentions: [{ href: 'https://a.example/@b', text: '@b' }], … }
 */
export function htmlToText(html: string): HtmlReading {
  let text = ''
  let prose = ''
  const links: HtmlAnchor[] = []
  const mentions: HtmlAnchor[] = []
  const hashtags: string[] = []
  const tags: HtmlAnchor[] = []
  // For every open <span>: whether it hides its content (Mastodon's class="invisible").
  const spans: boolean[] = []
  let hidden = 0
  const ellipsisAt: number[] = []
  let anchor: OpenAnchor | undefined
  let skipping: string | undefined
  // Inside Mastodon 4.5's `<p class="quote-inline">` fallback of a quote post.
  let quoteInline = false

  // The last character of `text` and of `prose` (-1 while empty), kept aside: reading it from the
  // string would flatten the concatenation built so far at every line break.
  let textLast = -1
  let proseLast = -1
  const emit = (raw: string): void => {
    if (raw === '' || hidden > 0) return
    const decoded = decodeEntities(raw)
    const last = decoded.charCodeAt(decoded.length - 1)
    text += decoded
    textLast = last
    if (anchor === undefined) {
      // The `RE: <link>` paragraph Mastodon 4.5 writes for clients without quote posts is not
      // the author's words.
      if (quoteInline) return
      prose += decoded
      proseLast = last
    } else {
      anchor.text += decoded
    }
  }
  const breakLine = (): void => {
    if (textLast !== -1 && textLast !== 10) {
      text += '\n'
      textLast = 10
    }
    if (proseLast !== -1 && proseLast !== 10) {
      prose += '\n'
      proseLast = 10
    }
  }
  const closeAnchor = (): void => {
    if (anchor === undefined) return
    const kind = anchorKind(anchor)
    const visible = anchor.text.trim()
    if (kind === 'hashtag') {
      hashtags.push(visible.replace(/^#/u, '').toLowerCase())
      if (anchor.href !== '') tags.push({ href: anchor.href, text: visible })
    } else (kind === 'mention' ? mentions : links).push({ href: anchor.href, text: visible })
    if (kind === 'link') {
      prose += ' '
      proseLast = 32
    }
    anchor = undefined
  }

  let i = 0
  let nextGt = -1
  const length = html.length
  while (i < length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      if (skipping === undefined) emit(html.slice(i))
      break
    }
    if (lt > i && skipping === undefined) emit(html.slice(i, lt))
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
      if (skipping === undefined) emit('<')
      i = lt + 1
      continue
    }
    // The first `>` after a `<` is also the first after every later `<` before it: remembering
    // it keeps runs of `<` without `>` linear.
    if (nextGt <= lt) nextGt = html.indexOf('>', lt + 1)
    const gt = nextGt
    if (gt < 0) {
      // A stray `<` with no end: it is text.
      if (skipping === undefined && !bogus) emit(html.slice(lt))
      break
    }
    i = gt + 1
    if (bogus) continue
    if (skipping !== undefined) {
      if (closing && html.slice(nameStart, nameStart + nameLength).toLowerCase() === skipping) skipping = undefined
      continue
    }
    let kind = tagKind(html, nameStart, nameLength)
    if (kind === TAG_UNKNOWN) {
      const name = html.slice(nameStart, nameStart + nameLength).toLowerCase()
      if (SKIPPED_TAGS.has(name)) {
        // `<script/>` closes itself.
        if (!closing && html.charCodeAt(gt - 1) !== 47) skipping = name
        continue
      }
      kind = BLOCK_TAGS.has(name) ? TAG_BLOCK : TAG_OTHER
    }
    if (kind === TAG_SPAN) {
      if (closing) {
        const wasHidden = spans.pop()
        if (wasHidden === true) hidden--
        if (ellipsisAt.length > 0 && ellipsisAt[ellipsisAt.length - 1] === spans.length) {
          ellipsisAt.pop()
          emit('…')
        }
      } else {
        const classes = hasEquals(html, nameStart + nameLength, gt) ? readLinkAttributes(html, lt + 1, gt, 2).class : ''
        const invisible = hasToken(classes, 'invisible')
        spans.push(invisible)
        if (invisible) hidden++
        if (hasToken(classes, 'ellipsis')) {
          ellipsisAt.push(spans.length - 1)
        }
      }
    } else if (kind === TAG_A) {
      closeAnchor()
      if (!closing) {
        const attributes = readLinkAttributes(html, lt + 1, gt)
        anchor = {
          href: attributes.href,
          classes: attributes.class,
          rel: attributes.rel,
          text: '',
        }
      }
    } else if (kind === TAG_P || kind === TAG_BLOCK) {
      if (kind === TAG_P) quoteInline = !closing && hasEquals(html, nameStart + nameLength, gt) && hasToken(readLinkAttributes(html, lt + 1, gt, 2).class, 'quote-inline')
      breakLine()
      if (kind === TAG_P && closing) {
        text += '\n'
        prose += '\n'
        textLast = 10
        proseLast = 10
      }
    }
  }
  closeAnchor()
  return { text: text.trim(), prose: prose.trim(), links, mentions, hashtags, tags }
}
