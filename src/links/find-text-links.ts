import { find } from 'linkifyjs'
import { hasNonAscii } from '../text/ascii.js'
import { deobfuscate, skeleton, type Deobfuscated } from '../text/deobfuscate.js'

const MAX_CHARS = 20_000
// linkify can only find a link where a dot sits between a letter or digit and a top-level
// domain: two letters (`e.g.`, `3.5` and `10.30` hold none). The text is a skeleton: fullwidth
// and ideographic dots between ASCII letters, invisible characters and spelled-out dots have
// been read by the layer already, so a plain dot is all there is to look for.
// Whatever comes before the dot (linkify takes emoji into hosts, and `mailto:` text too).
const MAY_HOLD_LINK = /\.\p{L}\p{L}/u
// The same test for a whole text, starting at the dot (a regex that starts at every letter is
// slow on long text); it lets a few more texts through, which the per-word test then filters.
const DOT_THEN_TLD = /\.\p{L}\p{L}/u
/**
 * The first letters of linkify's Unicode top-level domains (ελ, рф, みんな, コム, 中国, 한국, …):
 * without a scheme, linkify finds a link only where a top-level domain it knows follows a dot,
 * and its ASCII ones start with a-z. A test checks this list against linkify's own.
 */
export const UNICODE_TLD_FIRST_LETTERS = 'εбдекморсуқհיקابتسشعفقكمهپڀकनभसবভਭભଭஇசభಭഭලคไລგみアクグコスセフポ世中亚企佛信健八公台商嘉在大天娱家广微慈我手招政新时書机淡游澳点移组网联谷购通集電飞食餐香닷삼한'
// A dot followed by a letter that may start a top-level domain: linkify finds a link without a
// scheme only there, so a word like `します.それに伴って…` (Japanese prose after a fullwidth full
// stop) is not handed to linkify, which reads about 1 µs per character. Words with a colon
// (`mailto:`) or `localhost`, which linkify takes without a top-level domain, skip this test.
const DOT_THEN_TLD_LETTER = /* @__PURE__ */ new RegExp(String.raw`\.[a-z${UNICODE_TLD_FIRST_LETTERS}]`, 'iu')
const LOCALHOST = /localhost/iu

/** Whether linkify may find a link in a word of prepared text (see `findTextLinks`). */
function wordMayHoldLink(word: string): boolean {
  if (word.includes('://')) return true
  if (!word.includes('.') || !MAY_HOLD_LINK.test(word)) return false
  return DOT_THEN_TLD_LETTER.test(word) || word.includes(':') || LOCALHOST.test(word)
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\p{Extended_Pictographic}\p{So}`
// Japanese or emoji glued to a link: split where they meet ASCII (詳しくはdiscord.gg/abcへ,
// 🔺example.com: linkify takes both into the host). One pass over runs of CJK (the class costs
// about 0.5 ms to compile on a cold start, once here instead of twice); fuzzed against the two
// replacements it stands for (`[CJK](?=[a-z0-9])` and `[a-z0-9/?=&#%_~+](?=[CJK])`, flags `giu`).
const CJK_RUN = /* @__PURE__ */ new RegExp(`[${CJK}]+`, 'giu')
const ALNUM = /[a-z0-9]/iu
const BEFORE_CJK = /[a-z0-9/?=&#%_~+]/iu
const WORD = /\S+/gu
const WHITE = /\s/u

/**
 * A space where CJK script (or emoji) and ASCII meet, so linkify does not take Japanese glued to
 * a link into its host. Hosts written in Japanese stay whole (`荒らし.com`).
 *
 * @param text - a skeleton (see `deobfuscate`)
 * @returns the text linkify should read
 */
export function splitAtCjk(text: string): string {
  if (!hasNonAscii(text)) return text
  return text.replace(CJK_RUN, (run: string, at: number) => {
    // The neighbours are read as code units: the classes hold no character outside the BMP, and
    // a surrogate matches neither.
    const before = at > 0 && BEFORE_CJK.test(text.charAt(at - 1)) ? ' ' : ''
    const after = ALNUM.test(text.charAt(at + run.length)) ? ' ' : ''
    return before + run + after
  })
}

/** A part of a skeleton handed to linkify, and where it starts in the skeleton. */
export interface Part {
  readonly text: string
  readonly at: number
}

/**
 * The parts of a skeleton that may hold links, in order, with their offsets: the words that may
 * (a URL never holds white space, so linkify finds the same links in them), each split where
 * CJK script meets ASCII only when it is not ASCII (so long Japanese prose is not run through
 * the CJK patterns).
 */
export function partsThatMayHoldLinks(text: string): Part[] {
  const parts: Part[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0]
    if (!wordMayHoldLink(word)) continue
    if (!hasNonAscii(word)) {
      parts.push({ text: word, at: m.index })
      continue
    }
    let cursor = 0
    for (const part of splitAtCjk(word).split(' ')) {
      const at = word.indexOf(part, cursor)
      cursor = at + part.length
      if (part !== '' && wordMayHoldLink(part)) parts.push({ text: part, at: m.index + at })
    }
  }
  return parts
}

/**
 * Whether a text may hold a link linkify can find; a cheap test that spares linkify's ~30 µs
 * on most texts (no `://` and no dot followed by two letters: no link).
 *
 * @param text - any text (a skeleton: its dots are plain dots)
 * @returns `false` when the text surely holds no link
 */
export function mayHoldLink(text: string): boolean {
  return text.includes('://') || DOT_THEN_TLD.test(text)
}

// Plain URLs, which linkify reads whole: a host of letters and digits in labels joined by single
// dots or hyphens, then nothing, a slash, or a path (query, fragment) of plain URL characters
// ending with a letter, digit or slash (so no trailing punctuation for linkify to trim, no port,
// no second scheme). With `http://` or `https://` any host is a link; without, only a host ending
// in one of the top-level domains below (all in linkify's list: a test checks). A fuzz test in
// test/links/ checks that linkify finds exactly the whole part in every part these accept.
// The patterns stand for any code unit outside ASCII where a letter may be (`L`), and
// `plainLinksOf` checks apart that every such character is a letter (\p{L}): one property class
// compiles in about 0.4 ms on a cold start, the same patterns with \p{L} in each class in 3.5 ms.
const L = String.raw`\u0080-\uffff`
const LABEL = String.raw`[a-z0-9${L}]+(?:-[a-z0-9${L}]+)*`
const PATH_END = String.raw`[/?#][a-z0-9${L}/._~%+=&#@?-]*[a-z0-9${L}/]`
/** Top-level domains a scheme-less plain URL may end with: the most common ones, in linkify's list. */
export const PLAIN_TLDS = ['com', 'net', 'org', 'jp', 'gg', 'io', 'me', 'co', 'info', 'xyz', 'top', 'ru', 'cn', 'de', 'uk', 'us', 'app', 'dev', 'link', 'site', 'online', 'shop', 'club', 'social', 'biz', 'cc', 'tv', 'ly', 'to', 'so', 'fr', 'kr', 'tw', 'hk']
const PLAIN_URL = /* @__PURE__ */ new RegExp(String.raw`^https?://${LABEL}(?:\.${LABEL})*(?:/|${PATH_END})?$`)
const PLAIN_HOST_URL = /* @__PURE__ */ new RegExp(String.raw`^${LABEL}(?:\.${LABEL})*\.(?:${PLAIN_TLDS.join('|')})(?:/|/${PATH_END.slice('[/?#]'.length)})?$`)
const NON_ASCII = /[^\u0000-\u007f]/
const NON_ASCII_ARE_LETTERS = /^[\u0000-\u007f\p{L}]*$/u

/**
 * The links linkify would find in a part when the part is plain: none for a bare `https://` or
 * `http://` (left when CJK script is split off a host: `https://` `荒らし.com/`), the whole part
 * for a plain URL (see above).
 *
 * @param part - a word of prepared text (no white space)
 * @returns the links, or `undefined` when linkify must read the part
 */
export function plainLinksOf(part: string): readonly string[] | undefined {
  if (part === 'https://' || part === 'http://') return []
  const plain = part.startsWith('https://') || part.startsWith('http://') ? PLAIN_URL.test(part) : PLAIN_HOST_URL.test(part)
  return plain && (!NON_ASCII.test(part) || NON_ASCII_ARE_LETTERS.test(part)) ? [part] : undefined
}

/** A link found in a part: its offsets in the part's text and its text. */
interface PartLink {
  readonly part: Part
  readonly start: number
  readonly end: number
  readonly value: string
}

/**
 * The links of the parts, in order: a plain part (`plainLinksOf`: most links of spam waves) is
 * read without linkify; the other parts go to linkify (`find(text, 'url')`) joined by spaces, in
 * one call. linkify builds its scanner (its top-level domains included) on its first call, about
 * 20 ms of a cold start: a push whose links are all plain never pays it.
 */
function linksInParts(parts: readonly Part[]): PartLink[] {
  const found: (PartLink & { readonly index: number })[] = []
  const others: number[] = []
  const starts: number[] = []
  let joined = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const plain = plainLinksOf(part.text)
    if (plain !== undefined) {
      if (plain.length > 0) found.push({ index: i, part, start: 0, end: part.text.length, value: part.text })
      continue
    }
    if (joined !== '') joined += ' '
    others.push(i)
    starts.push(joined.length)
    joined += part.text
  }
  if (others.length === 0) return found
  const plain = found.length
  let p = 0
  for (const link of find(joined, 'url')) {
    while (p + 1 < others.length && starts[p + 1]! <= link.start) p++
    const index = others[p]!
    found.push({ index, part: parts[index]!, start: link.start - starts[p]!, end: link.end - starts[p]!, value: link.value })
  }
  // In the parts' order (each part's links are in order already; a plain part has one).
  return plain === 0 ? found : found.sort((a, b) => a.index - b.index || a.start - b.start)
}

/** A URL found in text: as the layer reads it, and as written. */
export interface TextLink {
  /** The URL in the skeleton (lowercase, undisguised): `discord.gg/abc`. */
  readonly read: string
  /**
   * The URL as written when it reads the same and holds no white space (its case, and letters
   * of other scripts, kept for the host reader and the look-alike check; NFKC applied, invisible
   * characters removed); otherwise the URL as read.
   */
  readonly url: string
}

const INVISIBLE_OR_MARK = /[\p{Cf}\p{Mn}\p{Me}]/gu
const LETTERS = /[\p{L}\p{N}]+/gu
const TOP_LEVEL = /\.([^./:?#]+)(?:[:/?#]|$)/u

/** The last label of a URL's host, as written (`com` of `https://a.example.com/x`). */
function topLevel(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '')
  const host = rest.split(/[/?#]/u)[0] ?? ''
  return TOP_LEVEL.exec(host)?.[1]?.toLowerCase() ?? ''
}

/**
 * Finds the URLs in a text the layer has read (`deobfuscate`), with linkify (`find(text, 'url')`,
 * no plugins) over the parts that may hold one. Prose is not turned into links: `home. Me`
 * holds none.
 *
 * @param view - the text through `deobfuscate`; only the first 20,000 characters are read
 * @param limit - most URLs returned
 * @returns the URLs, read and as written
 */
export function findTextLinksIn(view: Deobfuscated, limit = 50): TextLink[] {
  const full = view.text
  if (full === '' || !mayHoldLink(full)) return []
  // linkify costs about 1 µs per character, so it reads only the parts that may be links, of at
  // most the first 20,000 characters (a post is far shorter).
  const text = full.length > MAX_CHARS ? full.slice(0, MAX_CHARS) : full
  const parts = partsThatMayHoldLinks(text)
  if (parts.length === 0) return []
  const links: TextLink[] = []
  for (const { part, start, end, value } of linksInParts(parts)) {
    const at = part.at + start
    const span = view.span(at, at + (end - start))
    const written = view.original.slice(span.start, span.end).normalize('NFKC').replace(INVISIBLE_OR_MARK, '')
    const read = value
    // As written when only letters differ (case, letters of other scripts), never when the
    // punctuation was disguised (`discord。gg`, `discord (dot) gg`).
    // The written form keeps letters of other scripts for the look-alike check (`раураl.com`),
    // but only with a top-level domain written plainly: `荒らし.ᴄᴏᴍ` is read as `荒らし.com`.
    const sameShape = written === read || written.toLowerCase() === read || (!WHITE.test(written) && written.replace(LETTERS, '') === read.replace(LETTERS, '') && skeleton(written) === read && topLevel(written) === topLevel(read))
    links.push({ read, url: sameShape ? written : read })
    if (links.length >= limit) break
  }
  if (links.length < limit && IDN_TLD.test(view.original)) addIdnTldLinks(view.original, links, limit)
  return links
}

// A dot and a letter outside ASCII: a host whose top-level domain is in another script may follow.
const IDN_TLD = /\.[^\u0000-\u007f]/
const WORDS = /\S+/gu

/**
 * Hosts whose top-level domain is in another script (`пример.рф`, `παράδειγμα.ελ`), read as
 * written: the skeleton reads Cyrillic р as p, and no top-level domain is spelled `pф`. Only words
 * with such a dot are handed to linkify, and only links whose top-level domain is not ASCII are
 * kept (the others were found in the skeleton).
 */
function addIdnTldLinks(original: string, links: TextLink[], limit: number): void {
  const text = (original.length > MAX_CHARS ? original.slice(0, MAX_CHARS) : original).normalize('NFKC').toLowerCase()
  const known = new Set(links.map((link) => link.url.toLowerCase()))
  WORDS.lastIndex = 0
  for (let m = WORDS.exec(text); m !== null; m = WORDS.exec(text)) {
    if (!IDN_TLD.test(m[0])) continue
    for (const link of find(splitAtCjk(m[0].replace(INVISIBLE_OR_MARK, '')), 'url')) {
      const url = link.value
      // With a scheme, linkify found the URL in the skeleton already (it needs no known top-level
      // domain there); without one, only a top-level domain outside ASCII is new here.
      if (known.has(url) || url.includes('://') || !/[^\u0000-\u007f]/u.test(topLevel(url))) continue
      known.add(url)
      links.push({ read: skeleton(url), url })
      if (links.length >= limit) return
    }
  }
}

/**
 * Finds the URLs written as plain text (see `findTextLinksIn`), however disguised.
 *
 * @param text - any text; only the first 20,000 characters of its skeleton are read
 * @param limit - most URLs returned
 * @returns the URLs (as written when they read the same, as read otherwise; scheme-less ones
 * too: `discord.gg/abc`)
 */
export function findTextLinks(text: string, limit = 50): string[] {
  if (text === '') return []
  return findTextLinksIn(deobfuscate(text), limit).map((link) => link.url)
}
