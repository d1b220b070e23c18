import { DISCORD_INVITE_HOSTS, type DiscordInviteHost } from '../data/discord-invite-hosts.js'
import { createHostPatterns, type HostInText, type HostPatterns } from '../text/host-patterns.js'
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

/**
 * What the one matcher of hosts in text reports (`createTextHosts`): an invite host with how its
 * URLs carry the code, or a blocked domain with the caller's value.
 */
export type TextHost<B> = { readonly invitePath: DiscordInviteHost['invitePath']; readonly blocked?: undefined } | { readonly blocked: B; readonly invitePath?: undefined }

/**
 * The invite hosts and the given blocked domains in one multi-pattern matcher
 * (`createHostPatterns`), so a text is scanned once for both. The layer
 * (src/text/deobfuscate.ts) has already read every disguised dot and slash as `.` and `/`; the
 * matcher reads a host cut by spaces, hyphens, punctuation, emoji or a line break
 * (`dis cord.gg`, `disc-ord . gg`, `ctkpaarr .org`), and a distinctive host with its dot left out
 * (`discord gg`, `ctkpaarr org`).
 *
 * @param blocked - `[domain, value]` pairs (a rules document's block lists and the campaign domains)
 * @returns the matcher, compiled once per caller (the rules compile theirs once per document)
 */
export function createTextHosts<B>(blocked: Iterable<readonly [string, B]>): HostPatterns<TextHost<B>> {
  const entries: [string, TextHost<B>][] = DISCORD_INVITE_HOSTS.map((h) => [h.host, { invitePath: h.invitePath }])
  for (const [domain, value] of blocked) entries.push([domain, { blocked: value }])
  return createHostPatterns(entries)
}

// The invite hosts alone, compiled on first use, for callers without rules.
let inviteOnly: HostPatterns<TextHost<never>> | undefined
/** The invite hosts alone in the one matcher (what `findDiscordInvites` reads with). */
export const inviteHosts = (): HostPatterns<TextHost<never>> => (inviteOnly ??= createTextHosts<never>([]))

// What follows the host: the path, then a code that ends at a non-code character.
const PATH_AT = /\/(?:(invite)\/)?([a-z0-9-]{2,64})(?![a-z0-9-])/y
const CODE_CHARS = /[^A-Za-z0-9-]/gu

/**
 * The Discord invites among the hosts the matcher found in a text (`find` with `all` and
 * `openEnd`): an invite host followed by its path and a code.
 *
 * @param view - the text through `deobfuscate`
 * @param hits - the hosts found in `view.text`
 * @returns the invites, in order
 */
export function invitesAmong(view: Deobfuscated, hits: readonly HostInText<TextHost<unknown>>[]): DiscordInviteMatch[] {
  const plain = view.text
  const found: DiscordInviteMatch[] = []
  const path = PATH_AT
  let after = 0
  for (const hit of hits) {
    const invitePath = hit.value.invitePath
    // An invite is read once (a host cannot start inside the last one's code).
    if (invitePath === undefined || hit.start < after) continue
    path.lastIndex = hit.end
    const m = path.exec(plain)
    if (m === null) continue
    const code = m[2] ?? ''
    const hasInvite = m[1] !== undefined
    if (code === 'invite') continue
    if (invitePath === 'required' && !hasInvite) continue
    if (invitePath === 'none' && hasInvite) continue
    const end = hit.end + m[0].length
    after = end
    const whole = view.span(hit.start, end)
    // The code as written keeps its case (codes are case-sensitive), when it reads the same.
    const codeSpan = view.span(end - code.length, end)
    const written = view.original.slice(codeSpan.start, codeSpan.end).normalize('NFKC').replace(CODE_CHARS, '')
    found.push({ host: hit.host, code: written.toLowerCase() === code ? written : code, match: view.original.slice(whole.start, whole.end) })
  }
  return found
}

/**
 * The Discord invites in a text the layer has read (see `findDiscordInvites`).
 *
 * @param view - the text through `deobfuscate`
 * @returns the invites, in order
 */
export function findDiscordInvitesIn(view: Deobfuscated): readonly DiscordInviteMatch[] {
  if (view.text === '') return []
  return invitesAmong(view, inviteHosts().find(view.text, { all: true, openEnd: true }))
}

/**
 * Finds Discord invites in text, however they are disguised: `discord.gg/CODE`,
 * `discord.com/invite/CODE`, `discordapp.com/invite/CODE`, the `ptb.` and `canary.` hosts, the
 * invite redirectors (dsc.gg, dis.army, discord.me, invite.gg, discord.io); spaces or brackets
 * around dots and slashes (`discord . gg / x`, `discord(.)gg`, `discord[.]gg`, `discord dot gg`),
 * fullwidth and mathematical letters, Cyrillic and Greek look-alikes, zero-width characters,
 * mixed case, a host cut by spaces, punctuation, emoji or a line break (`dis, cord.gg/x`,
 * `discord gg/x`; the one multi-pattern matcher, `createTextHosts`). Linear in the text's
 * length; never throws.
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
  // A fast path that cannot change a result: ASCII text with nothing the layer reads but case (no
  // `%`, `--`, bracket, white space, or letters spaced out) has the skeleton `text.toLowerCase()`,
  // so the matcher reads that without the layer's run. Fuzzed against the layer's own path.
  if (!NOT_PLAIN.test(text)) {
    const lower = text.toLowerCase()
    if (!mayHaveSpacedLetters(lower)) return findDiscordInvitesIn({ text: lower, original: text, span: sameSpan })
  }
  return findDiscordInvitesIn(deobfuscate(text))
}

// The span of a text that the layer reads as written (but for case).
const sameSpan = (start: number, end: number): { start: number; end: number } => ({ start, end })

// What makes the layer do more than lowercase an ASCII text (see `findDiscordInvites`).
const NOT_PLAIN = /[^\u0021-\u007e]|%|--|[([{<]/
