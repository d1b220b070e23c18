import { decodeEntities } from '../text/decode-entities.js'
import { hasEquals, hasToken, type HtmlTokenHandler, TAG_A, TAG_BLOCK, TAG_P, TAG_SPAN, tokenizeHtml } from '../text/html-tokens.js'
import { type DocumentCursors, documentCursors, readLinkAttributes } from '../text/read-attributes.js'

/*
 * What Mastodon's content markup means, read at the status boundary over the one HTML tokenizer
 * (`src/text/html-tokens.ts`, which knows HTML only): h-card mention anchors, hashtag anchors,
 * `invisible` and `ellipsis` spans, and the `quote-inline` paragraph of Mastodon 4.5.
 */

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
  /** Anchors that are neither mentions nor hashtags (outside the `quote-inline` paragraph). */
  readonly links: readonly HtmlAnchor[]
  /**
   * Links inside Mastodon 4.5's `<p class="quote-inline">RE: …</p>`: the fallback that points at
   * the quoted status for clients without quote posts. The status reader drops them when the
   * status carries its `quote` (the client guidelines say to remove the fallback then) and counts
   * them as links otherwise.
   */
  readonly quoteLinks: readonly HtmlAnchor[]
  /** Mention anchors (`class="mention"`, `h-card`, or text starting with `@`). */
  readonly mentions: readonly HtmlAnchor[]
  /** Hashtag names, lowercased, without `#`. */
  readonly hashtags: readonly string[]
  /** Hashtag anchors with their `href` (a hashtag anchor may point anywhere: the reader checks). */
  readonly tags: readonly HtmlAnchor[]
  /** Every anchor's `href` in document order, whatever its kind (`''` for an anchor without one). */
  readonly hrefs: readonly string[]
}

type AnchorKind = 'link' | 'mention' | 'hashtag'

// Mastodon's markup of a mention and of a hashtag, exactly as it writes them (from the `<`),
// with no `&`, `<` or `>` in the URL and the name (nothing for the attribute reader to decode).
const MENTION_MARKUP = /<span class="h-card"(?: translate="no")?><a href="([^"&<>]*)" class="u-url mention">@<span>([^&<>]*)<\/span><\/a><\/span>/y
const HASHTAG_MARKUP = /<a href="([^"&<>]*)" class="mention hashtag"(?: rel="(tag)")?>#<span>([^&<>]*)<\/span><\/a>/y

interface OpenAnchor {
  href: string
  classes: string
  rel: string
  text: string
  inQuote: boolean
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

/** The reading of one document: the tokenizer's handler, holding what is read so far. */
class ContentReader implements HtmlTokenHandler {
  /** Visible text so far. */
  shown = ''
  prose = ''
  readonly links: HtmlAnchor[] = []
  readonly quoteLinks: HtmlAnchor[] = []
  readonly mentions: HtmlAnchor[] = []
  readonly hashtags: string[] = []
  readonly tags: HtmlAnchor[] = []
  /** Every anchor's `href` in document order (`''` for an anchor without one). */
  readonly hrefs: string[] = []
  // For every open <span>: whether it hides its content (Mastodon's class="invisible").
  private readonly spans: boolean[] = []
  private hidden = 0
  private readonly ellipsisAt: number[] = []
  private anchor: OpenAnchor | undefined
  // Inside Mastodon 4.5's `<p class="quote-inline">` fallback of a quote post.
  private quoteInline = false
  // The last character of `text` and of `prose` (-1 while empty), kept aside: reading it from the
  // string would flatten the concatenation built so far at every line break.
  private textLast = -1
  private proseLast = -1
  /** Where the next quote and `&` are in the document (read in order: see `NextIndex`). */
  private readonly cursors: DocumentCursors
  /** Where the tokenizer goes on after a run of markup read whole (`readMarkup`). */
  resumeAt: number | undefined = undefined

  constructor(
    html: string,
    /** Whether Mastodon's mention and hashtag markup is read whole (`readMarkup`). */
    private readonly markup: boolean,
  ) {
    this.cursors = documentCursors(html)
  }

  /** Visible text, decoded (`emit`), or `decoded` already (no `&` in it). */
  emit(raw: string, decoded = false): void {
    if (raw === '' || this.hidden > 0) return
    this.emitDecoded(decoded ? raw : decodeEntities(raw))
  }

  private emitDecoded(decoded: string): void {
    const last = decoded.charCodeAt(decoded.length - 1)
    this.shown += decoded
    this.textLast = last
    if (this.anchor === undefined) {
      // The `RE: <link>` paragraph Mastodon 4.5 writes for clients without quote posts is not
      // the author's words.
      if (this.quoteInline) return
      this.prose += decoded
      this.proseLast = last
    } else {
      this.anchor.text += decoded
    }
  }

  breakLine(): void {
    if (this.textLast !== -1 && this.textLast !== 10) {
      this.shown += '\n'
      this.textLast = 10
    }
    if (this.proseLast !== -1 && this.proseLast !== 10) {
      this.prose += '\n'
      this.proseLast = 10
    }
  }

  closeAnchor(): void {
    const anchor = this.anchor
    if (anchor === undefined) return
    const kind = anchorKind(anchor)
    const visible = anchor.text.trim()
    if (kind === 'hashtag') {
      this.hashtags.push((visible.charCodeAt(0) === 35 ? visible.slice(1) : visible).toLowerCase())
      if (anchor.href !== '') this.tags.push({ href: anchor.href, text: visible })
    } else (kind === 'mention' ? this.mentions : anchor.inQuote ? this.quoteLinks : this.links).push({ href: anchor.href, text: visible })
    if (kind === 'link') {
      this.prose += ' '
      this.proseLast = 32
    }
    this.anchor = undefined
  }

  // The handler's side of `tokenizeHtml`.
  text(html: string, from: number, to: number): void {
    if (this.hidden > 0) return
    const amp = this.cursors.ampersand.from(from)
    this.emit(from === 0 && to === html.length ? html : html.slice(from, to), amp < 0 || amp >= to)
  }

  private openSpan(classes: string): void {
    const invisible = hasToken(classes, 'invisible')
    this.spans.push(invisible)
    if (invisible) this.hidden++
    if (hasToken(classes, 'ellipsis')) this.ellipsisAt.push(this.spans.length - 1)
  }

  private closeSpan(): void {
    const spans = this.spans
    const wasHidden = spans.pop()
    if (wasHidden === true) this.hidden--
    const ellipsisAt = this.ellipsisAt
    if (ellipsisAt.length > 0 && ellipsisAt[ellipsisAt.length - 1] === spans.length) {
      ellipsisAt.pop()
      this.emit('…')
    }
  }

  private openAnchor(href: string, classes: string, rel: string): void {
    this.closeAnchor()
    this.hrefs.push(href)
    this.anchor = { href, classes, rel, text: '', inQuote: this.quoteInline }
  }

  /**
   * Mastodon's mention and hashtag markup read whole, as the tags one by one would read it
   * (the same steps, with the values the attribute reader would give: no `&` anywhere, so nothing
   * to decode). Returns where reading goes on, or -1 when the markup is not exactly Mastodon's.
   * Compared with the reading tag by tag in `test/status/read-content-markup.fuzz.test.ts`.
   */
  private readMarkup(html: string, lt: number): number {
    // `<span class="h-card" …>` (a mention), else an anchor (a hashtag).
    const pattern = html.charCodeAt(lt + 1) === 115 ? MENTION_MARKUP : HASHTAG_MARKUP
    pattern.lastIndex = lt
    const m = pattern.exec(html)
    if (m === null) return -1
    const mention = pattern === MENTION_MARKUP
    if (mention) this.openSpan('h-card')
    this.openAnchor(m[1]!, mention ? 'u-url mention' : 'mention hashtag', mention ? '' : (m[2] ?? ''))
    this.emit(mention ? '@' : '#', true)
    this.openSpan('')
    this.emit(m[mention ? 2 : 3]!, true)
    this.closeSpan()
    this.closeAnchor()
    if (mention) this.closeSpan()
    return pattern.lastIndex
  }

  tag(kind: number, closing: boolean, html: string, nameFrom: number, attributesFrom: number, end: number): void {
    if (kind === TAG_SPAN) {
      if (closing) {
        this.closeSpan()
      } else {
        if (this.markup && html.charCodeAt(attributesFrom + 8) === 104) {
          const resume = this.readMarkup(html, nameFrom - 1)
          if (resume >= 0) {
            this.resumeAt = resume
            return
          }
        }
        this.openSpan(hasEquals(html, attributesFrom, end) ? readLinkAttributes(html, nameFrom, end, 2, this.cursors).class : '')
      }
    } else if (kind === TAG_A) {
      if (closing) {
        this.closeAnchor()
      } else {
        // A tag ending `hashtag"` or `rel="tag"` may be a hashtag's markup.
        if (this.markup && html.charCodeAt(end - 1) === 34 && html.charCodeAt(end - 2) === 103) {
          const resume = this.readMarkup(html, nameFrom - 1)
          if (resume >= 0) {
            this.resumeAt = resume
            return
          }
        }
        // The anchor's attributes, read once where they lie.
        const attributes = readLinkAttributes(html, nameFrom, end, 7, this.cursors)
        this.openAnchor(attributes.href, attributes.class, attributes.rel)
      }
    } else if (kind === TAG_P || kind === TAG_BLOCK) {
      if (kind === TAG_P) this.quoteInline = !closing && hasEquals(html, attributesFrom, end) && hasToken(readLinkAttributes(html, nameFrom, end, 2, this.cursors).class, 'quote-inline')
      this.breakLine()
      if (kind === TAG_P && closing) {
        this.shown += '\n'
        this.prose += '\n'
        this.textLast = 10
        this.proseLast = 10
      }
    }
  }
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
export function htmlToText(html: string, markup = true): HtmlReading {
  const reader = new ContentReader(html, markup)
  tokenizeHtml(html, reader)
  reader.closeAnchor()
  return { text: reader.shown.trim(), prose: reader.prose.trim(), links: reader.links, quoteLinks: reader.quoteLinks, mentions: reader.mentions, hashtags: reader.hashtags, tags: reader.tags, hrefs: reader.hrefs }
}
