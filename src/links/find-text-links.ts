import { find } from 'linkifyjs'
import { INVISIBLE_CLASS } from '../text/invisible.js'
import { hasNonAscii } from '../text/ascii.js'

const MAX_CHARS = 20_000
const WHITE_SPACE = /\s+/u
// linkify can only find a link where a dot-like character sits between a letter or digit and a
// top-level domain: two letters (`e.g.`, `3.5` and `10.30` hold none).
// An ideographic full stop counts only before ASCII letters (`discord。gg`, not `です。次は`).
const MAY_HOLD_LINK = /[\p{L}\p{N}]\p{Cf}{0,8}(?:[.\uff0e\ufe52]\p{Cf}{0,8}\p{L}\p{Cf}{0,8}\p{L}|[\u3002\uff61]\p{Cf}{0,8}[a-z\uff41-\uff5a]\p{Cf}{0,8}[a-z\uff41-\uff5a])/iu
// The same test for a whole text, starting at the dot (a regex that starts at every letter is
// slow on long text); it lets a few more texts through (no letter checked before the dot), which
// the per-word test above then filters.
const DOT_THEN_TLD = /[.\uff0e\ufe52]\p{Cf}{0,8}\p{L}\p{Cf}{0,8}\p{L}|[\u3002\uff61]\p{Cf}{0,8}[a-z\uff41-\uff5a]\p{Cf}{0,8}[a-z\uff41-\uff5a]/iu
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

// The dot-like characters MAY_HOLD_LINK needs, found without the `u` flag before it runs: a long
// word of Japanese prose holds none, and MAY_HOLD_LINK tries every one of its letters.
const DOT_LIKE = /[.\uff0e\ufe52\u3002\uff61]/

/** Whether linkify may find a link in a word of prepared text (see `findTextLinks`). */
function wordMayHoldLink(word: string): boolean {
  if (word.includes('://')) return true
  if (!DOT_LIKE.test(word) || !MAY_HOLD_LINK.test(word)) return false
  return DOT_THEN_TLD_LETTER.test(word) || word.includes(':') || LOCALHOST.test(word)
}

const INVISIBLE = /* @__PURE__ */ new RegExp(`[${INVISIBLE_CLASS}]`, 'gu')
// An ideographic full stop between ASCII letters or digits is a dot in a host.
const IDEOGRAPHIC_DOT = /([a-z0-9-])[\u3002\uff61](?=[a-z0-9])/giu
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\p{Extended_Pictographic}\p{So}`
// Japanese or emoji glued to a link: split where they meet ASCII (詳しくはdiscord.gg/abcへ,
// 🔺example.com: linkify takes both into the host).
const CJK_THEN_ASCII = /* @__PURE__ */ new RegExp(`([${CJK}])(?=[a-z0-9])`, 'giu')
const ASCII_THEN_CJK = /* @__PURE__ */ new RegExp(`([a-z0-9/?=&#%_~+])(?=[${CJK}])`, 'giu')

/**
 * Prepares text for linkify, undoing what makes it miss or mangle links: NFKC (fullwidth
 * ｄｉｓｃｏｒｄ．ｇｇ), invisible characters (a zero-width space inside a host makes linkify find
 * `ord.gg`), ideographic full stops used as dots (`discord。gg`), and Japanese or emoji glued to a link
 * (`詳しくはdiscord.gg/abcへ` would give the host `詳しくはdiscord.gg`, `🔺example.com` the host
 * `🔺example.com`). Hosts written in Japanese stay whole (`荒らし.com`).
 *
 * @param text - any text
 * @returns the text linkify should read
 */
export function prepareForLinkify(text: string): string {
  if (!hasNonAscii(text)) return text
  return splitAtCjk(normalizeForLinkify(text))
}

/** The first steps of `prepareForLinkify`: NFKC, invisible characters out, ideographic dots. */
function normalizeForLinkify(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(IDEOGRAPHIC_DOT, '$1.')
}

/** The last step of `prepareForLinkify`: a space where CJK script (or emoji) and ASCII meet. */
function splitAtCjk(text: string): string {
  return text.replace(CJK_THEN_ASCII, '$1 ').replace(ASCII_THEN_CJK, '$1 ')
}

/**
 * The words of `prepareForLinkify(text)` that may hold a link, in order. The same words, cheaper:
 * the text is split at white space first, and only a word that may hold a link is split further
 * where CJK script meets ASCII (a part that may hold a link is in a word that may too), so long
 * Japanese prose is not run through the CJK patterns.
 */
function wordsThatMayHoldLinks(text: string): string[] {
  if (!hasNonAscii(text)) return text.split(WHITE_SPACE).filter(wordMayHoldLink)
  const words: string[] = []
  for (const word of normalizeForLinkify(text).split(WHITE_SPACE)) {
    if (!wordMayHoldLink(word)) continue
    if (!hasNonAscii(word)) words.push(word)
    else for (const part of splitAtCjk(word).split(WHITE_SPACE)) if (wordMayHoldLink(part)) words.push(part)
  }
  return words
}

/**
 * Whether a text may hold a link linkify can find; a cheap test that spares linkify's ~30 µs
 * on most texts (no `://` and no dot followed by two letters: no link).
 *
 * @param text - any text
 * @returns `false` when the text surely holds no link
 */
export function mayHoldLink(text: string): boolean {
  return text.includes('://') || DOT_THEN_TLD.test(text)
}

/**
 * Finds the URLs written as plain text, with linkify (`find(text, 'url')`, no plugins) over
 * prepared text. Prose is not turned into links: `home. Me` holds none.
 *
 * @param text - any text; only its first 20,000 characters are read
 * @param limit - most URLs returned
 * @returns the URLs as written (scheme-less ones too: `discord.gg/abc`)
 */
export function findTextLinks(text: string, limit = 50): string[] {
  if (text === '' || !mayHoldLink(text)) return []
  const urls: string[] = []
  // linkify costs about 1 µs per character, so it reads only the words that may be links (a URL
  // never holds white space, so the links it finds are the same), of at most the first 20,000
  // characters (a post is far shorter).
  const bounded = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text
  const words = wordsThatMayHoldLinks(bounded)
  if (words.length === 0) return []
  for (const link of find(words.join(' '), 'url')) {
    urls.push(link.value)
    if (urls.length >= limit) break
  }
  return urls
}
