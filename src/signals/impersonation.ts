import { IMPERSONATED_BRANDS, STAFF_WORDS, TEAM_CLAIMS } from '../data/impersonation-words.js'
import { registrableDomain } from '../links/host.js'
import { createWordSetMatcher, type WordSetMatcher } from '../text/multi-pattern.js'
import type { Signal } from '../signal.js'
import { matchableName, NAME_LETTERS } from './matchable-text.js'

/** Outside a direct message, a claim counts this much. */
const NOT_DIRECT = 0.7
/** A team claimed with no brand ("Support Team") counts this much. */
const TEAM_ONLY = 0.6

/** Letters of a folded name, everything else removed ("Mastodon | Support-Team" → "mastodonsupportteam"). */
const fold = (words: readonly string[]): string[] => words.map((w) => matchableName(w).replace(/[^\p{L}]+/gu, ''))
interface Words {
  readonly brands: string[]
  readonly staff: string[]
  readonly teams: string[]
  /** All three lists in the one multi-pattern matcher: a name is scanned once. */
  readonly matcher: WordSetMatcher
}
let folded: Words | undefined
const words = (): Words => {
  if (folded === undefined) {
    const brands = fold(IMPERSONATED_BRANDS)
    const staff = fold(STAFF_WORDS)
    const teams = fold(TEAM_CLAIMS)
    folded = { brands, staff, teams, matcher: createWordSetMatcher([...brands, ...staff, ...teams]) }
  }
  return folded
}

const NOT_LETTER = /[^\p{L}]+/gu
const NOT_ASCII_LETTER = /[^a-z]+/g

/**
 * The letters of a name as the words are matched: `matchableName`, then letters only, with
 * "supporter(s)" read as "fan" (a fan account names its brand). A printable ASCII name is read
 * by character code (the same letters: compared with the expressions in
 * `test/signals/impersonation-letters.test.ts`).
 *
 * @param name - a display name or username
 * @returns its letters
 */
export function lettersOf(name: string): string {
  let letters: string | undefined = ''
  for (let i = 0; i < name.length && letters !== undefined; i++) {
    const code = name.charCodeAt(i)
    // A capital or small letter, lowercased; a digit, `@` or `$` as `matchableName` reads it.
    const lower = code | 0x20
    letters = code < 0x20 || code > 0x7e ? undefined : letters + (lower >= 97 && lower <= 122 ? String.fromCharCode(lower) : (NAME_LETTERS[name[i]!] ?? ''))
  }
  if (letters === undefined) {
    const folded = matchableName(name)
    // Printable ASCII folds to ASCII: the cheaper class does the same there.
    letters = /^[\x20-\x7e]*$/.test(folded) ? folded.replace(NOT_ASCII_LETTER, '') : folded.replace(NOT_LETTER, '')
  }
  return letters.includes('supporter') ? letters.replace(/supporters?/gu, 'fan') : letters
}

/**
 * The display name or username claims to be a platform's staff or a brand's official account
 * ("Mastodon Support Team", "M4st0d0n Safety", "Discord Nitro", "Misskey運営") while the account
 * lives on a server that is neither the brand's (its registrable domain does not carry the brand's
 * name: `mastodon.social` does, `mastodon.netprocesse.com` does not) nor
 * the viewer's own, and whose name the claim does not carry. Names are folded the way Mastodon
 * 4.4's username blocks fold them (leet digits), plus look-alike letters, and compared with
 * separators removed. Stronger in a direct message or a post that mentions the viewer (strength 1; 0.7
 * otherwise); a team claimed
 * with no brand ("Support Team", "運営") counts 0.6 of that.
 *
 * **Catches:** the 2025 "Mastodon Support" phishing accounts, "Discord Nitro" gift scams, staff
 * claims written in leet or look-alike letters.
 *
 * **Does not catch / false-positive risk:** a server's real staff account on its own server
 * (`moderation@mastodon.social`, "chaos.social Support" on chaos.social) and the viewer's own
 * server's staff stay silent; a fan account named "Mastodon supporter" is not a claim. A brand
 * fan account named "Discord Official Fan Club" on an unrelated server fires: alone it stays
 * below suspicious.
 */
export const impersonation: Signal<'impersonation'> = {
  id: 'impersonation',
  group: 'text',
  evaluate(status, context) {
    const author = status.author
    if (author.acct === '' && author.username === '') return undefined
    const host = (author.host ?? '').toLowerCase()
    if (host !== '' && host === context.viewer.host) return undefined
    const names = `${lettersOf(author.displayName)} ${lettersOf(author.username)}`
    const { brands, staff: staffWords, teams, matcher } = words()
    const found = matcher.wordsIn(names)
    if (found.size === 0) return undefined
    const brand = brands.find((b) => found.has(b))
    const staff = staffWords.find((w) => found.has(w) && !(brand !== undefined && brand.includes(w)))
    let strength: number
    let claim: string
    const team = brand !== undefined && staff !== undefined ? undefined : teams.find((t) => found.has(t))
    if (brand !== undefined && staff !== undefined) {
      strength = 1
      claim = `${brand} ${staff}`
    } else if (team !== undefined) {
      strength = TEAM_ONLY
      claim = team
    } else {
      return undefined
    }
    // The author's site: the registrable domain's label (`netprocesse` for mastodon.netprocesse.com).
    const site = host === '' ? '' : (registrableDomain(host).split('.')[0] ?? '').replace(/[^\p{L}]+/gu, '')
    // The author's own site named in the claim ("chaos.social Support"): its staff speaking.
    if (site.length >= 3 && names.includes(site)) return undefined
    if (brand !== undefined && staff !== undefined && site.includes(brand)) return undefined
    // A direct message, or a post addressed to the viewer (it lands in their notifications alike).
    const viewer = context.viewer.acct
    const direct = status.visibility === 'direct' || (viewer !== undefined && status.mentions.some((m) => m.acct === viewer))
    if (!direct) strength *= NOT_DIRECT
    const name = author.displayName.trim() === '' ? author.username : author.displayName.trim()
    return {
      strength,
      params: { name, claim: claim === 'nitro' ? 'Discord' : claim, host, direct },
      evidence: [name, claim, ...(host === '' ? [] : [host])],
    }
  },
}
