/**
 * HTML character references, decoded without a DOM. Mastodon escapes only a handful of
 * characters; other servers (Pleroma, Misskey through ActivityPub) use a few more named ones.
 * Unknown names are left as written, which is what a browser shows for most of them too.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  period: '.',
  sol: '/',
  colon: ':',
  commat: '@',
  num: '#',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
}

// Bounded quantifiers: a reference is at most 34 characters, so this is linear on any input.
// Over-long numbers are read whole (and become U+FFFD) rather than cut into a reference and digits.
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,32})|#([0-9]{1,32})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/gu

// Names a browser also decodes without the closing `;` (the common legacy ones); any other name
// needs it, so `?a=1&copyright=2` or `&hellip` stay as written.
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'shy', 'middot'])

function fromCodePoint(code: number): string {
  // Surrogates, out-of-range values and NUL become U+FFFD, as the HTML standard says.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(code)
}

/**
 * Decodes HTML character references (`&amp;`, `&#x41;`, `&#65;`).
 *
 * @param text - HTML text without tags
 * @returns the decoded text
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (match, hex: string | undefined, dec: string | undefined, name: string | undefined, semicolon: string) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16))
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10))
    if (name === undefined) return match
    const lower = name.toLowerCase()
    const value = semicolon === ';' || LEGACY.has(lower) ? NAMED[lower] : undefined
    return value ?? match
  })
}
