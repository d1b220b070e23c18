import { PHISHING_CUES, PHISHING_PARTS, type PhishingPart, WARNING_CUES } from '../data/phishing-lexicon.js'
import { linksOf } from '../links/status-links.js'
import type { Signal } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { compileCues, type CueList, findCues } from './lexicon.js'
import { listEvidence } from './format.js'
import { matchableText, wordText } from './matchable-text.js'

const PARTS = Object.keys(PHISHING_PARTS) as PhishingPart[]
let compiled: Readonly<Record<PhishingPart, CueList>> | undefined
let warnings: CueList | undefined
const cues = (): Readonly<Record<PhishingPart, CueList>> =>
  (compiled ??= { action: compileCues(PHISHING_CUES.action), threat: compileCues(PHISHING_CUES.threat), urgency: compileCues(PHISHING_CUES.urgency), account: compileCues(PHISHING_CUES.account) })

/**
 * An action under pressure, or a threat to the account ("log in to your account" alone is not).
 *
 * @param parts - the parts found together
 * @returns whether they make the shape of phishing
 */
function isPhishingShape(parts: readonly PhishingPart[]): boolean {
  const has = (part: PhishingPart): boolean => parts.includes(part)
  return (has('action') && (has('threat') || has('urgency'))) || (has('threat') && (has('account') || has('urgency')))
}

const WINDOW = 60

/** The text in windows of `WINDOW` words overlapping by half (the text itself when short). */
function windows(words: string): string[] {
  const list = words.trim().split(' ')
  if (list.length <= WINDOW) return [words]
  const out: string[] = []
  for (let at = 0; at < list.length; at += WINDOW / 2) {
    out.push(` ${list.slice(at, at + WINDOW).join(' ')} `)
    if (at + WINDOW >= list.length) break
  }
  return out
}

/** Without any link or invite, a phishing text counts this much (the lure may be in the profile). */
const NO_LINK = 0.8
/** Next to words of a warning ("scam", "don't click", "詐欺", …), this much. */
const WARNED = 0.3

/**
 * The words of a text in the two forms cue matching reads.
 *
 * @param status - the status
 * @returns the spaced words and the compact text
 */
export function cueTexts(status: NormalizedStatus): { words: string; compact: string } {
  const folded = matchableText(status)
  return { words: wordText(folded), compact: folded.replace(/\s+/gu, '') }
}

/**
 * The warning words of a status (see `WARNING_CUES`).
 *
 * @param status - the status
 * @returns the warning cues found
 */
export function warningWords(status: NormalizedStatus): string[] {
  const { words, compact } = cueTexts(status)
  return findCues((warnings ??= compileCues(WARNING_CUES)), words, compact)
}

/**
 * The text asks the reader to act on their account under a threat: a scored lexicon of four
 * parts (`src/data/phishing-lexicon.ts`), in English, Japanese, German, French and Spanish, over
 * every text of the status folded once (`matchableText`), in windows of 60 words (the parts must
 * come together; a long article does not add up). Strength is the sum of the parts found
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
export const credentialPhishing: Signal = {
  id: 'credential-phishing',
  group: 'text',
  evaluate(status, context) {
    const { words, compact } = cueTexts(status)
    if (words.length < 8) return undefined
    const lists = cues()
    // The parts must come together: a phishing text is short, an article that says "login" in
    // one paragraph and "minutes" in another is not one. Windows of 60 words, overlapping by 30.
    let strength = 0
    let found: string[] = []
    let parts: PhishingPart[] = []
    for (const window of windows(words)) {
      let windowStrength = 0
      const windowFound: string[] = []
      const windowParts: PhishingPart[] = []
      for (const part of PARTS) {
        const hits = findCues(lists[part], window, window === words ? compact : window.replace(/\s+/gu, ''))
        if (hits.length === 0) continue
        windowStrength += PHISHING_PARTS[part]
        windowParts.push(part)
        windowFound.push(...hits.slice(0, 2))
      }
      if (windowStrength > strength && isPhishingShape(windowParts)) {
        strength = windowStrength
        found = windowFound
        parts = windowParts
      }
    }
    if (strength === 0) return undefined
    const notes: string[] = []
    const warned = findCues((warnings ??= compileCues(WARNING_CUES)), words, compact)
    if (warned.length > 0) {
      strength *= WARNED
      notes.push(`next to warning words (${warned.slice(0, 2).join(', ')})`)
    }
    const scan = linksOf(status, context)
    // An anchor whose host the scan could not read (percent escapes) is a link all the same.
    if (scan.links.length === 0 && scan.invites.length === 0 && status.links.length === 0) {
      strength *= NO_LINK
      notes.push('with no link')
    }
    return {
      strength: Math.min(1, strength),
      message: `Reads like account phishing (${parts.join(', ')})${notes.length === 0 ? '' : `, ${notes.join(', ')}`}.`,
      evidence: listEvidence(found),
    }
  },
}
