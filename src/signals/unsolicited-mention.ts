import { linksOf } from '../links/status-links.js'
import type { BuiltinReasonParams } from '../messages/types.js'
import type { Signal } from '../signal.js'
import { authorStrangeness } from './author-trust.js'

/** A reply to the viewer with nothing pushed at them counts this much of its strangeness. */
const QUIET_REPLY = 0.3

/**
 * The status mentions the viewer, the viewer does not follow the author, and the author is a
 * stranger: new, few followers, bare profile, machine-made username (see `authorStrangeness`).
 * Viewer-relative: without `viewer.acct` it stays silent (the verdict is today's).
 *
 * The shape Mastodon 4.3's notification policy ("from new accounts", "not following") and
 * Misskey's "reject a note that mentions you from an author with 0 followers" encode, graded by how
 * much of a stranger the author is (strength = strangeness², so a day-old person with a picture
 * and a few followers counts little and a minutes-old bare machine-named account counts fully).
 *
 * Replies are treated by what they are: a reply that mentions only the viewer and carries no
 * link or invite (a newcomer answering someone who greeted them) counts ×0.3; a reply that also
 * mentions other strangers, or pushes a link or an invite at the viewer, is not softened.
 *
 * **Catches:** the first copies of a mention wave before the memory has seen 3 of them (minutes-old
 * bare accounts with 2 mentions and a lure), phishing DMs from fresh accounts.
 *
 * **Does not catch / false-positive risk:** a new person writing to you first counts a little
 * (about 0.75 points for a day-old account with a picture and 3 followers): on its own it never
 * reaches suspicious, but it opens the author gate, so the author signals add. An account the
 * viewer follows, or an established one, never fires.
 */
export const unsolicitedMention: Signal<'unsolicited-mention'> = {
  id: 'unsolicited-mention',
  group: 'mentions',
  evaluate(status, context) {
    const viewer = context.viewer.acct
    if (viewer === undefined || status.author.acct === viewer) return undefined
    if (!status.mentions.some((m) => m.acct === viewer)) return undefined
    if (context.viewer.follows(status.author.acct) === true) return undefined
    const stranger = authorStrangeness(status, context)
    if (stranger.score < 0.2) return undefined
    let strength = stranger.score * stranger.score
    const others = status.mentions.filter((m) => m.acct !== viewer && m.acct !== status.author.acct).length
    let shape: BuiltinReasonParams['unsolicited-mention']['shape'] = others === 0 ? 'mentions' : 'mentions-others'
    if (status.isReply && others === 0) {
      const scan = linksOf(status, context)
      if (scan.links.length === 0 && scan.invites.length === 0 && status.links.length === 0) {
        strength *= QUIET_REPLY
        shape = 'quiet-reply'
      } else {
        shape = 'reply-with-link'
      }
    }
    return {
      strength,
      params: { acct: status.author.acct, shape, others, traits: stranger.traits, ...(stranger.followers === undefined ? {} : { followers: stranger.followers }) },
      evidence: [`@${status.author.acct}`, ...stranger.facts],
    }
  },
}
