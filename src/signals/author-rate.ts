import type { Signal } from '../signal.js'
import { plural } from './format.js'

/** Distinct accounts mentioned within the window from which the signal fires (strength 0.5)… */
export const MIN_MENTIONED = 15
/** …and reaches full strength. */
export const FULL_MENTIONED = 30
/** Earlier copies of the same text by the same author from which the signal fires (strength 0.5). */
export const MIN_REPEATS = 2

/**
 * The author's rate across statuses (`createSpamFilter` only, in process and in a shared store
 * alike), in the manner of Bluesky's automod, which counts the distinct accounts an account
 * mentions per hour: within the memory's window, this author mentioned many distinct strangers in
 * posts that were not replies, or posted this same text several times, each time at strangers.
 *
 * **Catches:** a mention blast spread over many statuses, each with one or two mentions (where
 * `mention-density`, which reads one status, stays silent), and one account repeating a text at
 * new victims (where `near-duplicate`, which counts distinct accounts, stays silent).
 *
 * **Does not catch / false-positive risk:** only what this filter (or the processes sharing its
 * store) saw. Only non-reply posts that mention someone the viewer is not known to follow count:
 * conversations and a templated bot that mentions no one never fire. A person thanking 15 people in
 * separate posts within a day would; the weight keeps it at suspicious alone. Shares the `mentions`
 * group cap with `mention-density`, so a blast inside one status is not counted twice.
 *
 * Silent for a status whose author has no acct (a push payload names none: those all look alike).
 *
 * Strength: from `MIN_MENTIONED` (15) distinct strangers, 0.5 rising to 1 at 30; from
 * `MIN_REPEATS` (2) earlier copies, 0.5 + 0.25 per further copy, up to 1; the larger of the two.
 */
export const authorRate: Signal<'author-rate'> = {
  id: 'author-rate',
  group: 'mentions',
  evaluate(status, context) {
    const memory = context.memory
    const author = status.author.acct
    // An author without an acct (a push payload names none) is no one in particular: all of them share one key.
    if (memory === undefined || author === '' || status.isReply || status.mentions.length === 0) return undefined
    const viewer = context.viewer
    if (!status.mentions.some((m) => m.acct !== author && m.acct !== viewer.acct && viewer.follows(m.acct) !== true)) return undefined
    const { mentioned, repeats } = memory.authorActivity(status, context)
    const byMentions = mentioned >= MIN_MENTIONED ? Math.min(1, 0.5 + (0.5 * (mentioned - MIN_MENTIONED)) / (FULL_MENTIONED - MIN_MENTIONED)) : 0
    const byRepeats = repeats >= MIN_REPEATS ? Math.min(1, 0.5 + 0.25 * (repeats - MIN_REPEATS)) : 0
    if (byMentions === 0 && byRepeats === 0) return undefined
    const evidence: string[] = []
    if (byMentions > 0) evidence.push(`${plural(mentioned, 'account')} mentioned`)
    if (byRepeats > 0) evidence.push(`${plural(repeats + 1, 'copy', 'copies')} of this text`)
    return {
      strength: Math.max(byMentions, byRepeats),
      params: byMentions >= byRepeats ? { acct: author, by: 'mentions', mentioned, copies: repeats + 1, windowMs: memory.windowMs } : { acct: author, by: 'repeats', mentioned, copies: repeats + 1, windowMs: memory.windowMs },
      evidence,
    }
  },
}
