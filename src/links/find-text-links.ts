import { find } from 'linkifyjs'
import { INVISIBLE_CLASS } from '../text/invisible.js'

const NON_ASCII = /[^\u0000-\u007f]/u
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
  if (!NON_ASCII.test(text)) return text
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(IDEOGRAPHIC_DOT, '$1.').replace(CJK_THEN_ASCII, '$1 ').replace(ASCII_THEN_CJK, '$1 ')
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
  const words = prepareForLinkify(bounded)
    .split(WHITE_SPACE)
    .filter((word) => word.includes('://') || MAY_HOLD_LINK.test(word))
  if (words.length === 0) return []
  for (const link of find(words.join(' '), 'url')) {
    urls.push(link.value)
    if (urls.length >= limit) break
  }
  return urls
}
