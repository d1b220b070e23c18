import { DISCORD_INVITE_HOSTS } from '../data/discord-invite-hosts.js'
import { deobfuscate, type Deobfuscated } from '../text/deobfuscate.js'
import { mayHaveSpacedLetters } from '../text/transformers/spaced-letters.js'

/** A Discord invite found in text. */
export interface DiscordInviteMatch {
  /** The invite host, undisguised and lowercased: `discord.gg`, `discord.com`, `dsc.gg`, … */
  readonly host: string
  /** The invite code as written (codes are case-sensitive): `ctkpaarr`, `TfcWHMV4`. */
  readonly code: string
  /** The text that matched, as written in the input (`ｄｉｓｃｏｒｄ (.) gg / ctkpaarr`). */
  readonly match: string
}

// The invite hosts, longest first; the layer (src/text/deobfuscate.ts) has already read every
// disguised dot and slash as `.` and `/`, so the expression needs no disguise of its own.
// A word of a host may be split by one space, tab or hyphen between two of its letters (`dis cord`,
// `disc-ord`): the layer joins letters written one by one, not a word cut in two.
const SPLIT = '[ \\t-]?'
const HOSTS = /* @__PURE__ */ DISCORD_INVITE_HOSTS.map((h) =>
  h.host
    .split('.')
    .map((word) => [...word].join(SPLIT))
    .join('\\.'),
)
  .sort((a, b) => b.length - a.length)
  .join('|')
const SPLITS = /[ \t-]/gu
// The code ends at a non-code character; the host must not continue a longer word
// (`notdiscord.gg`), which `findDiscordInvites` checks by hand.
const INVITE_AT = /* @__PURE__ */ new RegExp(String.raw`(${HOSTS})/(?:(invite)/)?([a-z0-9-]{2,64})(?![a-z0-9-])`, 'y')
// Where a host may start (each starts with one of these): INVITE_AT is tried only there.
const HOST_START = /c[ \t-]?a|p[ \t-]?t|d[ \t-]?[is]|i[ \t-]?n/g
const WORD_CHAR = /[a-z0-9-]/u
const CODE_CHARS = /[^A-Za-z0-9-]/gu

/**
 * The matches of INVITE_AT in a skeleton, in order. The two expressions are used in place, their
 * `lastIndex` set before every use (synchronous, so no call sees another's).
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
const INVITE_PATH = /* @__PURE__ */ new Map(DISCORD_INVITE_HOSTS.map((h) => [h.host, h.invitePath]))

/**
 * The Discord invites in a text the layer has read (see `findDiscordInvites`).
 *
 * @param view - the text through `deobfuscate`
 * @returns the invites, in order
 */
export function findDiscordInvitesIn(view: Deobfuscated): readonly DiscordInviteMatch[] {
  const plain = view.text
  if (plain === '') return []
  const found: DiscordInviteMatch[] = []
  for (const m of inviteMatches(plain)) {
    const host = (m[1] ?? '').replace(SPLITS, '')
    const code = m[3] ?? ''
    const start = m.index
    if (start > 0 && WORD_CHAR.test(plain[start - 1] ?? '')) continue
    const path = INVITE_PATH.get(host)
    const hasInvite = m[2] !== undefined
    if (path === undefined || code === 'invite') continue
    if (path === 'required' && !hasInvite) continue
    if (path === 'none' && hasInvite) continue
    const end = start + m[0].length
    const whole = view.span(start, end)
    // The code as written keeps its case (codes are case-sensitive), when it reads the same.
    const codeSpan = view.span(end - code.length, end)
    const written = view.original.slice(codeSpan.start, codeSpan.end).normalize('NFKC').replace(CODE_CHARS, '')
    found.push({ host, code: written.toLowerCase() === code ? written : code, match: view.original.slice(whole.start, whole.end) })
  }
  return found
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
  // A fast path that cannot reject a match: ASCII text with nothing the layer reads but case (no
  // `%`, `--`, bracket, white space, or letters spaced out) has the skeleton `text.toLowerCase()`,
  // which holds no invite unless a host starts in it. Fuzzed against the layer's own path.
  if (!NOT_PLAIN.test(text)) {
    const lower = text.toLowerCase()
    HOST_START.lastIndex = 0
    if (!mayHaveSpacedLetters(lower) && !HOST_START.test(lower)) return []
  }
  return findDiscordInvitesIn(deobfuscate(text))
}

// What makes the layer do more than lowercase an ASCII text (see `findDiscordInvites`).
const NOT_PLAIN = /[^\u0021-\u007e]|%|--|[([{<]/
