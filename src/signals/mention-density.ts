import type { BuiltinReasonParams } from '../messages/types.js'
import type { Signal, SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { listEvidence } from './format.js'
import { hasNonAscii } from '../text/ascii.js'
import { authorStrangeness } from './author-trust.js'
import { countWordsAndCjk } from './words.js'

/** Strangeness (see `authorStrangeness`) from which a reply is not softened. */
const STRANGER_REPLY = 0.7

/**
 * Many mentions in a post that says little else.
 *
 * **Catches:** the February 2024 wave (4 mentions of strangers, nothing but a link or an image),
 * the October 2024 wave (10 mentions), crowdfunding blasts that tag 40 accounts.
 *
 * **Does not catch / false-positive risk:** reply threads among friends carry every participant
 * (5–20 mentions are normal, misskey#13785): replies count at about a third; when the app says whom
 * the viewer follows, a post that mentions only people the viewer follows stays silent, and one
 * that mentions some of them counts half. A single mention never fires.
 *
 * Strength by mention count (2: 0.35, 3: 0.55, 4: 0.7, 5–9: 0.85, 10+: 1), then scaled by shape:
 * ×0.35 for a reply (not for a reply from a fresh, bare stranger, strangeness ≥ 0.7: such "replies"
 * are how waves slip in), ×0.6 when the author wrote several words per mention (×0.3 for 6 words or more per mention among at most 3 people); +0.15 when the post
 * says nothing but the mentions.
 */
export const mentionDensity: Signal<'mention-density'> = {
  id: 'mention-density',
  group: 'mentions',
  evaluate(status: NormalizedStatus, context: SignalContext) {
    const mentioned = status.mentions.filter((m) => m.acct !== status.author.acct)
    const count = mentioned.length
    if (count < 2) return undefined

    // What the app knows of the viewer's follows: the viewer's own mention is neither.
    let followed = 0
    let known = true
    const others = mentioned.filter((m) => m.acct !== context.viewer.acct)
    for (const mention of others) {
      const follows = context.viewer.follows(mention.acct)
      if (follows === undefined) known = false
      else if (follows) followed++
    }
    const strangers = others.length - followed
    if (known && strangers === 0) return undefined

    const words = countWords(status.prose)
    const mentionsOnly = words === 0 && status.links.length === 0
    let strength = count >= 10 ? 1 : count >= 5 ? 0.85 : count === 4 ? 0.7 : count === 3 ? 0.55 : 0.35
    // A reply counts about a third (threads carry every participant), unless the author is a
    // fresh, bare stranger: a "reply" is then the wave's way in, not a conversation.
    const strangerReply = status.isReply && authorStrangeness(status, context).score >= STRANGER_REPLY
    if (status.isReply && !strangerReply) strength *= 0.35
    // A sentence or more per mention is a conversation; several per mention among a few people, a letter.
    if (count <= 3 && words >= count * 6) strength *= 0.3
    else if (words >= count * 4) strength *= 0.6
    const someFollowed = known && followed > 0
    if (someFollowed) strength *= 0.5
    if (mentionsOnly) strength = Math.min(1, strength + 0.15)
    const params: BuiltinReasonParams['mention-density'] = {
      count,
      reply: status.isReply,
      ...(strangerReply ? { strangerReply: true } : {}),
      ...(someFollowed ? { strangers } : {}),
      mentionsOnly,
    }
    return {
      strength,
      params,
      evidence: listEvidence(mentioned.map((m) => `@${m.acct}`)),
    }
  },
}

/** `WORD` over ASCII text, without building the matches: the runs of letters, digits, `'` and `-` that hold a letter or digit. */
function countAsciiWords(text: string): number {
  let words = 0
  let inRun = false
  let runHasWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const lower = code | 0x20
    const alnum = (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)
    if (alnum || code === 39 || code === 45) {
      if (!inRun) {
        inRun = true
        runHasWord = false
      }
      if (alnum && !runHasWord) {
        runHasWord = true
        words++
      }
    } else {
      inRun = false
    }
  }
  return words
}

/** Words in a text; CJK scripts have no spaces, so two CJK characters count as one word. */
export function countWords(text: string): number {
  if (text === '') return 0
  if (!hasNonAscii(text)) return countAsciiWords(text)
  // Read by character code (`countWordsAndCjk`), the classes of `WORD` and `CJK` asked once per code unit.
  const { words, cjk } = countWordsAndCjk(text)
  return words + Math.ceil(cjk / 2)
}
