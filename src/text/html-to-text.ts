import { decodeEntities } from './decode-entities.js'

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
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'hr'])
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title'])

type AnchorKind = 'link' | 'mention' | 'hashtag'

interface OpenAnchor {
  href: string
  classes: string
  rel: string
  text: string
}

/** Reads one attribute's value from the inside of a tag; linear in the tag's length. */
function readAttribute(tag: string, name: string): string | undefined {
  const lower = tag.toLowerCase()
  let from = 0
  for (;;) {
    const at = lower.indexOf(name, from)
    if (at < 0) return undefined
    from = at + name.length
    const before = lower.charCodeAt(at - 1)
    // The name must start an attribute: preceded by white space, and followed by `=`.
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 47) continue
    let i = from
    while (lower.charCodeAt(i) === 32) i++
    if (lower[i] !== '=') continue
    i++
    while (lower.charCodeAt(i) === 32) i++
    const quote = tag[i]
    if (quote === '"' || quote === "'") {
      const end = tag.indexOf(quote, i + 1)
      return decodeEntities(tag.slice(i + 1, end < 0 ? tag.length : end))
    }
    let end = i
    while (end < tag.length && !/\s/u.test(tag[end] ?? ' ')) end++
    return decodeEntities(tag.slice(i, end))
  }
}

function hasClass(classes: string, name: string): boolean {
  return ` ${classes} `.includes(` ${name} `)
}

function anchorKind(anchor: OpenAnchor): AnchorKind {
  const { classes, rel, text } = anchor
  if (hasClass(classes, 'hashtag') || rel.split(/\s+/u).includes('tag')) return 'hashtag'
  if (hasClass(classes, 'mention') || hasClass(classes, 'u-url')) return 'mention'
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
  // For every open <span>: whether it hides its content (Mastodon's class="invisible").
  const spans: boolean[] = []
  let hidden = 0
  const ellipsisAt: number[] = []
  let anchor: OpenAnchor | undefined
  let skipping: string | undefined

  const emit = (raw: string): void => {
    if (raw === '' || hidden > 0) return
    const decoded = decodeEntities(raw)
    text += decoded
    if (anchor === undefined) prose += decoded
    else anchor.text += decoded
  }
  const breakLine = (): void => {
    if (text !== '' && !text.endsWith('\n')) text += '\n'
    if (prose !== '' && !prose.endsWith('\n')) prose += '\n'
  }
  const closeAnchor = (): void => {
    if (anchor === undefined) return
    const kind = anchorKind(anchor)
    const visible = anchor.text.trim()
    if (kind === 'hashtag') hashtags.push(visible.replace(/^#/u, '').toLowerCase())
    else (kind === 'mention' ? mentions : links).push({ href: anchor.href, text: visible })
    if (kind === 'link') prose += ' '
    anchor = undefined
  }

  let i = 0
  const length = html.length
  while (i < length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      if (skipping === undefined) emit(html.slice(i))
      break
    }
    if (lt > i && skipping === undefined) emit(html.slice(i, lt))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? length : end + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt < 0) {
      // A stray `<` with no end: it is text.
      if (skipping === undefined) emit(html.slice(lt))
      break
    }
    const tag = html.slice(lt + 1, gt)
    i = gt + 1
    const closing = tag.startsWith('/')
    const nameMatch = /^\/?\s*([a-zA-Z][a-zA-Z0-9-]{0,15})/u.exec(tag)
    if (nameMatch === null) {
      if (skipping === undefined) emit(`<${tag}>`)
      continue
    }
    const name = (nameMatch[1] ?? '').toLowerCase()
    if (skipping !== undefined) {
      if (closing && name === skipping) skipping = undefined
      continue
    }
    if (SKIPPED_TAGS.has(name)) {
      if (!closing && !tag.endsWith('/')) skipping = name
      continue
    }
    if (name === 'span') {
      if (closing) {
        const wasHidden = spans.pop()
        if (wasHidden === true) hidden--
        if (ellipsisAt.length > 0 && ellipsisAt[ellipsisAt.length - 1] === spans.length) {
          ellipsisAt.pop()
          emit('…')
        }
      } else {
        const classes = readAttribute(tag, 'class') ?? ''
        const invisible = hasClass(classes, 'invisible')
        spans.push(invisible)
        if (invisible) hidden++
        if (hasClass(classes, 'ellipsis')) {
          ellipsisAt.push(spans.length - 1)
        }
      }
    } else if (name === 'a') {
      closeAnchor()
      if (!closing) {
        anchor = {
          href: readAttribute(tag, 'href') ?? '',
          classes: readAttribute(tag, 'class') ?? '',
          rel: readAttribute(tag, 'rel') ?? '',
          text: '',
        }
      }
    } else if (BLOCK_TAGS.has(name)) {
      breakLine()
      if (name === 'p' && closing) {
        text += '\n'
        prose += '\n'
      }
    }
  }
  closeAnchor()
  return { text: text.trim(), prose: prose.trim(), links, mentions, hashtags }
}
