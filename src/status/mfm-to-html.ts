/**
 * Misskey Flavored Markdown (MFM) to Mastodon-like content HTML, without a parser library: the
 * classifier reads one HTML form, so Misskey text is rewritten into it. Mentions and hashtags
 * become the anchors Mastodon writes (`class="u-url mention"`, `class="mention hashtag"`), URLs
 * and `[label](url)` links become plain anchors, decoration (`$[fn …]`, `**bold**`, `~~strike~~`,
 * `<small>`, `<center>` …) is dropped and its text kept, and `<plain>` and code are kept literal
 * (no mentions or hashtags inside).
 *
 * @see https://misskey-hub.net/en/docs/for-users/features/mfm/
 */

/** A mention written in MFM: `@user` or `@user@host`. */
export interface MfmMention {
  readonly username: string
  /** The host written after the username, lowercased; `undefined` for `@user`. */
  readonly host: string | undefined
  /** Profile URL, when the host (written or the note's) is known. */
  readonly url: string | undefined
}

/** What `mfmToHtml` reads from MFM text. */
export interface MfmReading {
  /** Mastodon-like content HTML: `<p>…</p>` with `<br />` for line breaks. */
  readonly html: string
  readonly mentions: readonly MfmMention[]
  /** Hashtag names as written, without `#`. */
  readonly hashtags: readonly string[]
}

/** Where the text came from: the host a bare `@user` and `#tag` belong to. */
export interface MfmOptions {
  /** Host of the note's author (or of the server that served the note), for bare mentions. */
  readonly host?: string | undefined
}

const DECORATION_TAGS = ['<b>', '</b>', '<i>', '</i>', '<s>', '</s>', '<small>', '</small>', '<center>', '</center>', '<sup>', '</sup>', '<sub>', '</sub>']
const URL_CHAR = /[\w.,~:;/?#@!$&'*+=%-]/u
const USERNAME = /^[A-Za-z0-9_-]{1,64}/u
const HOST = /^@[A-Za-z0-9_.-]{1,253}/u
const HASHTAG_STOP = /[\s.,!?'"#:/[\]【】()「」（）<>]/u
const WORD_BEFORE = /[A-Za-z0-9_]/u

/**
 * Escapes text for HTML content and attribute values.
 *
 * @param text - any text
 * @returns the text with `& < > " '` escaped
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'))
}

/** Finds `needle` at or after `from`, remembering the last answer so repeated searches stay linear. */
function makeFinder(text: string): (needle: string, from: number) => number {
  const cache = new Map<string, number>()
  return (needle, from) => {
    const known = cache.get(needle)
    if (known !== undefined && (known === -1 || known >= from)) return known
    const at = text.indexOf(needle, from)
    cache.set(needle, at)
    return at
  }
}

/** Reads a bare URL starting at `start`; returns its end, with trailing punctuation left out. */
function urlEnd(text: string, start: number): number {
  let end = start
  let parens = 0
  while (end < text.length) {
    const c = text[end] ?? ''
    if (c === '(') parens++
    else if (c === ')') {
      if (parens === 0) break
      parens--
    } else if (!URL_CHAR.test(c)) break
    end++
  }
  while (end > start && /[.,:;!?'"]/u.test(text[end - 1] ?? '')) end--
  return end
}

/**
 * Converts MFM to Mastodon-like HTML and lists the mentions and hashtags it holds. Linear in the
 * text's length; never throws on malformed markup (unclosed `$[`, `<plain>`, code fences).
 *
 * @param text - a Misskey note's `text` (or `cw`, or a profile description)
 * @param options - the host bare mentions belong to
 * @returns the HTML, mentions and hashtags
 * @example
 * mfmToHtml('$[tada **hi**] @alice@example.social #news', { host: 'misskey.example' }).html
 * //=> '<p>hi <span class="h-card"><a href="https://example.social/@alice" class="u-url mention">@<span>alice@example.social</span></a></span> <a …>#<span>news</span></a></p>'
 */
export function mfmToHtml(text: string, options: MfmOptions = {}): MfmReading {
  const host = options.host?.toLowerCase()
  const find = makeFinder(text)
  const mentions: MfmMention[] = []
  const hashtags: string[] = []
  let html = ''
  let fnDepth = 0
  let i = 0
  const anchor = (href: string, label: string): string => `<a href="${escapeHtml(href)}" rel="nofollow noopener" target="_blank">${escapeHtml(label)}</a>`

  while (i < text.length) {
    const c = text[i] ?? ''
    const before = i === 0 ? '' : (text[i - 1] ?? '')
    if (c === '\n') {
      html += '<br />'
      i++
      continue
    }
    if (c === '<') {
      if (text.startsWith('<plain>', i)) {
        const close = find('</plain>', i + 7)
        const end = close < 0 ? text.length : close
        html += escapeHtml(text.slice(i + 7, end)).replace(/\n/gu, '<br />')
        i = close < 0 ? end : end + 8
        continue
      }
      const tag = DECORATION_TAGS.find((t) => text.startsWith(t, i))
      if (tag !== undefined) {
        i += tag.length
        continue
      }
      if (text.startsWith('<http://', i) || text.startsWith('<https://', i)) {
        const end = urlEnd(text, i + 1)
        if (text[end] === '>') {
          const url = text.slice(i + 1, end)
          html += anchor(url, url)
          i = end + 1
          continue
        }
      }
    }
    if (c === '`') {
      const fence = text.startsWith('```', i)
      const close = fence ? find('```', i + 3) : text.indexOf('`', i + 1)
      const lineEnd = fence ? -1 : text.indexOf('\n', i + 1)
      if (close >= 0 && (fence || lineEnd < 0 || close < lineEnd)) {
        const body = text.slice(i + (fence ? 3 : 1), close)
        html += `<code>${escapeHtml(body).replace(/\n/gu, '<br />')}</code>`
        i = close + (fence ? 3 : 1)
        continue
      }
    }
    if (c === '$' && text[i + 1] === '[') {
      const name = /^\$\[[\w.,=-]{1,64}[ \n]/u.exec(text.slice(i, i + 67))
      if (name !== null) {
        fnDepth++
        i += name[0].length
        continue
      }
    }
    if (c === ']' && fnDepth > 0) {
      fnDepth--
      i++
      continue
    }
    if (c === '[' || (c === '?' && text[i + 1] === '[')) {
      const open = c === '?' ? i + 1 : i
      const link = /^\[([^\]\n]{1,200})\]\((https?:\/\/[^)\s]{1,2000})\)/u.exec(text.slice(open, open + 2210))
      if (link !== null) {
        html += anchor(link[2] ?? '', link[1] ?? '')
        i = open + link[0].length
        continue
      }
    }
    if ((c === 'h' && (text.startsWith('https://', i) || text.startsWith('http://', i))) && !WORD_BEFORE.test(before)) {
      const end = urlEnd(text, i)
      const url = text.slice(i, end)
      html += anchor(url, url)
      i = end
      continue
    }
    if (c === '@' && !WORD_BEFORE.test(before)) {
      const user = USERNAME.exec(text.slice(i + 1, i + 65))
      if (user !== null) {
        const username = user[0].replace(/-+$/u, '')
        let end = i + 1 + username.length
        const hostMatch = username.length === user[0].length ? HOST.exec(text.slice(end, end + 254)) : null
        const written = hostMatch?.[0].slice(1).replace(/[.-]+$/u, '')
        if (written !== undefined && written !== '') end += written.length + 1
        const mentionHost = written === '' || written === undefined ? undefined : written.toLowerCase()
        const profileHost = mentionHost ?? host
        const url = profileHost === undefined ? undefined : `https://${profileHost}/@${username}`
        if (username !== '') {
          mentions.push({ username, host: mentionHost, url })
          const label = mentionHost === undefined ? username : `${username}@${mentionHost}`
          html += `<span class="h-card"><a href="${escapeHtml(url ?? '')}" class="u-url mention">@<span>${escapeHtml(label)}</span></a></span>`
          i = end
          continue
        }
      }
    }
    if (c === '#' && !WORD_BEFORE.test(before)) {
      let end = i + 1
      while (end < text.length && end - i <= 128 && !HASHTAG_STOP.test(text[end] ?? ' ')) end++
      const name = text.slice(i + 1, end)
      if (name !== '' && !/^\d+$/u.test(name)) {
        hashtags.push(name)
        const href = host === undefined ? '' : `https://${host}/tags/${encodeURIComponent(name)}`
        html += `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`
        i = end
        continue
      }
    }
    if ((c === '*' && text[i + 1] === '*') || (c === '~' && text[i + 1] === '~')) {
      i += 2
      continue
    }
    html += escapeHtml(c)
    i++
  }
  return { html: html === '' ? '' : `<p>${html}</p>`, mentions, hashtags }
}
