import { CONFUSABLE_TO_ASCII } from '../data/confusables.js'
import { DISCORD_INVITE_HOSTS } from '../data/discord-invite-hosts.js'
import { INVISIBLE_CLASS } from '../text/invisible.js'
import { hasNonAscii } from '../text/ascii.js'

/** A Discord invite found in text. */
export interface DiscordInviteMatch {
  /** The invite host, undisguised and lowercased: `discord.gg`, `discord.com`, `dsc.gg`, … */
  readonly host: string
  /** The invite code as written (codes are case-sensitive): `ctkpaarr`, `TfcWHMV4`. */
  readonly code: string
  /** The text that matched, as written in the input (`ｄｉｓｃｏｒｄ (.) gg / ctkpaarr`). */
  readonly match: string
}

// A dot, disguised: `.`, ` . `, `(.)`, `[.]`, `{.}`, ` dot `, `(dot)`. Bounded quantifiers only.
const DOT = String.raw`[ \t]{0,3}(?:\.|[(\[{<][ \t]{0,2}(?:\.|dot)[ \t]{0,2}[)\]}>]|[ \t]dot[ \t]|dot)[ \t]{0,3}`
// A slash, disguised: `/`, ` / `, `(/)`, `[/]`, ` slash `.
const SLASH = String.raw`[ \t]{0,3}(?:/|[(\[{<][ \t]{0,2}/[ \t]{0,2}[)\]}>]|[ \t]slash[ \t])[ \t]{0,3}`
const HOSTS = /* @__PURE__ */ DISCORD_INVITE_HOSTS.map((h) => h.host.split('.').join(DOT))
  .sort((a, b) => b.length - a.length)
  .join('|')
// The code ends at a non-code character; the host must not continue a longer word
// (`notdiscord.gg`), which `findDiscordInvites` checks by hand (no lookbehind in older engines).
const INVITE = /* @__PURE__ */ new RegExp(String.raw`(${HOSTS})${SLASH}(?:(invite)${SLASH})?([a-z0-9-]{2,64})(?![a-z0-9-])`, 'giu')
const WORD_CHAR = /[a-z0-9-]/iu
// INVITE tried at one place, and where a host of INVITE may start (each starts with one of these):
// trying INVITE only there finds the same matches as its global scan.
const INVITE_AT = /* @__PURE__ */ new RegExp(INVITE.source, 'iuy')
const HOST_START = /canary|ptb|dis|dsc|invite/giu

/**
 * The matches of INVITE in a text, as `text.matchAll(INVITE)` gives them, in order. The two
 * expressions are used in place, their `lastIndex` set before every use (synchronous, so no call
 * sees another's): `matchAll` and `new RegExp` copy an expression, and V8 runs a fresh copy in its
 * slow bytecode interpreter.
 */
function inviteMatches(text: string): RegExpExecArray[] {
  const starts = HOST_START
  const invite = INVITE_AT
  starts.lastIndex = 0
  const matches: RegExpExecArray[] = []
  for (let start = starts.exec(text); start !== null; start = starts.exec(text)) {
    invite.lastIndex = start.index
    const match = invite.exec(text)
    if (match === null) {
      starts.lastIndex = start.index + 1
    } else {
      matches.push(match)
      starts.lastIndex = start.index + match[0].length
    }
  }
  return matches
}
const UNDISGUISE_DOT = /* @__PURE__ */ new RegExp(DOT, 'giu')
const INVITE_PATH = /* @__PURE__ */ new Map(DISCORD_INVITE_HOSTS.map((h) => [h.host, h.invitePath]))
// What an invite needs to be there at all (`dis…`, `dsc…`, `inv…`), checked on the lowercased
// text before anything else; look-alike letters and up to 3 other characters may sit between.
const GATE = /[d\u0501\u03b4\u1d05\u0257][^a-z]{0,3}(?:[i\u0456\u0457\u03b9\u0131\u0269\u026a][^a-z]{0,3}[s\u0455]|[s\u0455][^a-z]{0,3}[c\u0441\u03f2])|inv/u
// The same for ASCII text, which is matched as it is: a host of INVITE holds `discord`, or starts
// with `dsc`, `dis` or `invite` and then a disguised dot (space, tab, `.`, a bracket or `dot`).
// Tighter than GATE (`discussion`, `disagree` and `invidio.us` fail it), and no lowercasing.
const ASCII_GATE = /discord|(?:dsc|dis|invite)[ \t.([{<d]/i
// A second gate for text that passed GATE, as ASCII_GATE is for ASCII text, tried on the text
// decomposed (NFKD) and lowercased, where accented and fullwidth letters are ASCII letters and
// marks: the letters of a host (`discord`, or `dis`, `dsc`, `invite` and then a disguised dot) in
// order. A letter is itself or one of its look-alikes in the table; anything not ASCII may sit
// between letters (marks, invisible characters) or start the dot. `discussion`, `des débats` and
// `investir` fail it and skip `undisguise`.
const regexClass = (chars: string): string => chars.replace(/[\\\][^-]/gu, '\\$&')
const letter = (ascii: string): string => {
  let alikes = ''
  for (const [alike, target] of Object.entries(CONFUSABLE_TO_ASCII)) if (target === ascii) alikes += alike
  return `[${ascii}${regexClass(alikes)}][^\\u0000-\\u007f]{0,6}`
}
const DOT_START = '(?:[ \\t.([{<d]|[^\\u0000-\\u007f])'
const HOST_LETTERS = /* @__PURE__ */ new RegExp(
  [
    `${letter('d')}${letter('i')}${letter('s')}(?:${letter('c')}${letter('o')}${letter('r')}${letter('d')}|${DOT_START})`,
    `${letter('d')}${letter('s')}${letter('c')}${DOT_START}`,
    `${letter('i')}${letter('n')}${letter('v')}${letter('i')}${letter('t')}${letter('e')}${DOT_START}`,
  ].join('|'),
  'u',
)
// Non-ASCII characters that NFKD, lower case or the look-alike table can turn into ASCII letters:
// accented and extended Latin, IPA and modifier letters, Greek, Cyrillic, Armenian, letterlike,
// enclosed and squared forms, fullwidth Latin, mathematical letters. Text with none of them
// (most Japanese text) is gated as it is, without NFKD.
const DECOMPOSES_TO_LATIN = /[\u00c0-\u058f\u1d00-\u1eff\u2100-\u24ff\u3200-\u33ff\uff21-\uff3a\uff41-\uff5a\u{1d400}-\u{1d7ff}\u{1f100}-\u{1f1ff}]/u
const COMBINING_MARK = /^\p{Mn}$/u
const INVISIBLE = /* @__PURE__ */ new RegExp(`^[${INVISIBLE_CLASS}]$`, 'u')

/**
 * Undoes the disguises that do not change what a reader sees, keeping letter case and a map to
 * the input: NFKD per character (fullwidth ｄｉｓｃｏｒｄ．ｇｇ, 𝐝𝐢𝐬𝐜𝐨𝐫𝐝), marks on letters and
 * invisible characters dropped,
 * ideographic full stops as dots, Cyrillic and Greek look-alikes as the ASCII letter.
 */
function undisguise(text: string): { readonly text: string; readonly from: readonly number[] } {
  let out = ''
  // The last code unit of `out` (-1 while empty), kept aside: reading it from `out` would flatten
  // the concatenation at every character, quadratic on long text.
  let last = -1
  const from: number[] = []
  const length = text.length
  for (let i = 0; i < length; ) {
    const code = text.codePointAt(i) ?? 0
    if (code < 0x80) {
      // A run of ASCII is copied whole.
      const start = i
      while (i < length && text.charCodeAt(i) < 0x80) from.push(i++)
      out += text.slice(start, i)
      last = text.charCodeAt(i - 1)
      continue
    }
    const char = String.fromCodePoint(code)
    if (!INVISIBLE.test(char)) {
      for (const part of char.normalize('NFKD')) {
        // An accent or zalgo mark on a letter (`dïscord`, `d̸i̸s̸`): dropped.
        if (COMBINING_MARK.test(part) && last !== -1 && last < 0x80) continue
        const lower = part.toLowerCase()
        const mapped = part === '\u3002' || part === '\uff61' ? '.' : (CONFUSABLE_TO_ASCII[lower] ?? part)
        const cased = lower !== part ? mapped.toUpperCase() : mapped
        for (let j = 0; j < cased.length; j++) from.push(i)
        out += cased
        if (cased !== '') last = cased.charCodeAt(cased.length - 1)
      }
    }
    i += char.length
  }
  return { text: out, from }
}

/**
 * Finds Discord invites in text, however they are disguised: `discord.gg/CODE`,
 * `discord.com/invite/CODE`, `discordapp.com/invite/CODE`, the `ptb.` and `canary.` hosts, the
 * invite redirectors (dsc.gg, dis.army, discord.me, invite.gg, discord.io); spaces or brackets
 * around dots and slashes (`discord . gg / x`, `discord(.)gg`, `discord[.]gg`, `discord dot gg`),
 * fullwidth and mathematical letters, Cyrillic and Greek look-alikes, zero-width characters,
 * mixed case. Linear in the text's length; never throws.
 *
 * Callers with OCR text should fold OCR errors first (`0` read for `o`, …): this function
 * only undoes what a person sees as the same text.
 *
 * @param text - any text: post text, alt text, OCR output, an `href`
 * @returns the invites, in order, each with the host, the code and the matched text
 * @example
 * findDiscordInvites('join ｄіѕсоrd (.) gg / ctkpaarr!')
 * //=> [{ host: 'discord.gg', code: 'ctkpaarr', match: 'ｄіѕсоrd (.) gg / ctkpaarr' }]
 */
export function findDiscordInvites(text: string): readonly DiscordInviteMatch[] {
  if (text === '') return []
  const ascii = !hasNonAscii(text)
  if (ascii) {
    if (!ASCII_GATE.test(text)) return []
  } else {
    let decomposed: string | undefined
    if (!GATE.test(text.toLowerCase())) {
      if (!DECOMPOSES_TO_LATIN.test(text)) return []
      decomposed = text.normalize('NFKD').toLowerCase()
      if (!GATE.test(decomposed)) return []
    }
    if (!HOST_LETTERS.test(decomposed ?? text.normalize('NFKD').toLowerCase())) return []
  }
  const plain = ascii ? { text, from: undefined } : undisguise(text)
  const found: DiscordInviteMatch[] = []
  for (const m of inviteMatches(plain.text)) {
    const hostText = m[1] ?? ''
    const code = m[3] ?? ''
    const start = m.index ?? 0
    if (start > 0 && WORD_CHAR.test(plain.text[start - 1] ?? '')) continue
    const host = hostText.toLowerCase().replace(UNDISGUISE_DOT, '.')
    const path = INVITE_PATH.get(host)
    const hasInvite = m[2] !== undefined
    if (path === undefined || code.toLowerCase() === 'invite') continue
    if (path === 'required' && !hasInvite) continue
    if (path === 'none' && hasInvite) continue
    const end = start + m[0].length
    let match = plain.text.slice(start, end)
    if (plain.from !== undefined) {
      const first = plain.from[start] ?? 0
      const last = plain.from[end - 1] ?? first
      const lastCode = text.codePointAt(last) ?? 0
      match = text.slice(first, last + (lastCode > 0xffff ? 2 : 1))
    }
    found.push({ host, code, match })
  }
  return found
}
