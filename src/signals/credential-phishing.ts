import { PHISHING_CUES, PHISHING_PARTS, type PhishingPart, WARNING_CUES } from '../data/phishing-lexicon.js'
import { linksOf } from '../links/status-links.js'
import type { Signal } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { compileLexicon, type CueHit, findCuesInText, type Lexicon } from './lexicon.js'
import { listEvidence } from './format.js'
import { matchableText } from './matchable-text.js'

const PARTS = Object.keys(PHISHING_PARTS) as PhishingPart[]
let phishing: Lexicon<PhishingPart> | undefined
let warnings: Lexicon<true> | undefined
const phishingLexicon = (): Lexicon<PhishingPart> => (phishing ??= compileLexicon(PARTS.flatMap((part) => PHISHING_CUES[part].map((cue) => [cue, part] as const))))
const warningLexicon = (): Lexicon<true> => (warnings ??= compileLexicon(WARNING_CUES.map((cue) => [cue, true] as const)))

/** Without any link or invite, a phishing text counts this much (the lure may be in the profile). */
const NO_LINK = 0.8
/** Next to words of a warning ("scam", "don't click", "詐欺", …), this much. */
const WARNED = 0.3
/** The parts must come this close together (characters of word text, about 60 words). */
const WINDOW = 400

/**
 * Every text of a status, as cue matching reads it (cached by `matchableText`); `findCuesInText`
 * reads its words where they lie.
 *
 * @param status - the status
 * @returns the folded text
 */
function textOf(status: NormalizedStatus): string {
  return matchableText(status)
}

/**
 * The warning words of a status (see `WARNING_CUES`).
 *
 * @param status - the status
 * @returns the warning cues found
 */
export function warningWords(status: NormalizedStatus): string[] {
  return findCuesInText(warningLexicon(), textOf(status)).map((hit) => hit.cue)
}

/**
 * An action under pressure, or a threat to the account ("log in to your account" alone is not).
 *
 * @param parts - the parts found together
 * @returns whether they make the shape of phishing
 */
function isPhishingShape(parts: ReadonlySet<PhishingPart>): boolean {
  return (parts.has('action') && (parts.has('threat') || parts.has('urgency'))) || (parts.has('threat') && (parts.has('account') || parts.has('urgency')))
}

/** The strongest set of parts found within `WINDOW` characters of each other that has the shape of phishing. */
function strongestWindow(hits: readonly CueHit<PhishingPart>[]): { strength: number; parts: PhishingPart[]; cues: string[] } {
  const sorted = [...hits].sort((a, b) => a.at - b.at)
  let best = { strength: 0, parts: [] as PhishingPart[], cues: [] as string[] }
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i]!.at
    const parts = new Set<PhishingPart>()
    const cues: string[] = []
    for (let j = i; j < sorted.length && sorted[j]!.at - from <= WINDOW; j++) {
      const hit = sorted[j]!
      cues.push(hit.cue)
      parts.add(hit.tag)
    }
    if (!isPhishingShape(parts)) continue
    let strength = 0
    for (const part of parts) strength += PHISHING_PARTS[part]
    if (strength > best.strength) best = { strength, parts: PARTS.filter((p) => parts.has(p)), cues }
  }
  return best
}

/**
 * The text asks the reader to act on their account under a threat: a scored lexicon of four
 * parts (`src/data/phishing-lexicon.ts`), in English, Japanese, German, French and Spanish, over
 * every text of the status folded once (`matchableText`), in one pass over its words; the parts
 * must come within about 60 words (400 characters) of each other: a long article does not add up. Strength is the sum of the parts found
 * (action 0.35, threat to the account 0.3, urgency 0.2, the account named 0.15); it fires when
 * an action comes with a threat or urgency, or a threat comes with the account or urgency
 * ("log in to your account" alone is ordinary). Not exact sentences: "verify your
 * account within 24 hours", "Ihr Konto wurde gesperrt, bestätigen Sie …", "アカウントが停止されます。
 * 24時間以内に本人確認を" all fire however they are worded.
 *
 * **Catches:** the 2025 "Mastodon Support" phishing in any wording; with `lookalike-domain` on its
 * link, a phishing DM is spam.
 *
 * **Does not catch / false-positive risk:** a real service notice quoted by a user, a moderator's
 * PSA describing the phishing ("they say your account will be suspended: it is a scam, don't
 * click"): next to warning words the strength is ×0.3; without any link or invite ×0.8. Phishing
 * with no account words at all (a prize, a parcel) is left to other signals.
 */
export const credentialPhishing: Signal<'credential-phishing'> = {
  id: 'credential-phishing',
  group: 'text',
  evaluate(status, context) {
    const text = textOf(status)
    const hits = findCuesInText(phishingLexicon(), text)
    // Neither an action nor a threat anywhere: no window can have the shape.
    if (!hits.some((hit) => hit.tag === 'action' || hit.tag === 'threat')) return undefined
    const best = strongestWindow(hits)
    let strength = best.strength
    if (strength === 0) return undefined
    const { parts } = best
    const found = [...new Set(best.cues)].slice(0, 6)
    const warned = findCuesInText(warningLexicon(), text)
    const warningWords = warned.slice(0, 2).map((hit) => hit.cue)
    if (warned.length > 0) strength *= WARNED
    const scan = linksOf(status, context)
    // An anchor whose host the scan could not read (percent escapes) is a link all the same.
    const noLink = scan.links.length === 0 && scan.invites.length === 0 && status.links.length === 0
    if (noLink) strength *= NO_LINK
    return {
      strength: Math.min(1, strength),
      params: { parts, warningWords, noLink },
      evidence: listEvidence(found),
    }
  },
}
