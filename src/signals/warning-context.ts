import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { isSettledAuthor } from './author-trust.js'
import { warningWords } from './credential-phishing.js'

/** A named spam item in a warning counts this much of its signal's weight. */
export const WARNING_STRENGTH = 0.25
/** Mentions from which a post is a blast, not a warning. */
const BLAST = 3
const QUOTES = /["“”„«»「」『』]/u

/** Why a named campaign item reads as a warning (reason params): next to warning words, or in quotation marks, from a settled account. */
export type WarningReading = {
  readonly warning: 'words' | 'quotes'
  readonly warningWords: readonly string[]
}

/**
 * Whether a status that names a campaign domain, invite code or wave sentence reads as a warning
 * rather than as the spam itself: the item is not a live link, the author is settled (followed
 * by the viewer, established, or a month old with followers and a profile), the post mentions
 * fewer than 3 accounts, and the item sits next to warning words ("block", "report", "don't
 * click", "PSA", "通報", "注意", "ブロック", … see `WARNING_CUES`) or inside quotation marks.
 *
 * The one place the blatant signals (`campaign-domain`, `phrase-list`) decide this, so they
 * agree; each builds its own reason message from the returned explanation.
 *
 * @param status - the status
 * @param context - the signal context
 * @param live - whether the item is a link a reader can click (an anchor or the preview card)
 * @returns why it reads as a warning, or `undefined` when it is blatant spam
 */
export function warningReading(status: NormalizedStatus, context: SignalContext, live: boolean): WarningReading | undefined {
  if (live) return undefined
  const others = status.mentions.filter((m) => m.acct !== status.author.acct).length
  if (others >= BLAST) return undefined
  if (!isSettledAuthor(status, context)) return undefined
  const words = warningWords(status)
  if (words.length > 0) return { warning: 'words', warningWords: words.slice(0, 2).map((w) => w.replace(/\*$/u, '')) }
  if (QUOTES.test(status.text) || QUOTES.test(status.spoilerText)) return { warning: 'quotes', warningWords: [] }
  return undefined
}
