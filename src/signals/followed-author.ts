import type { Signal } from '../signal.js'

/**
 * The viewer follows the author. Unless the post carries blatant spam (a campaign domain, a known
 * spam image), its verdict is clean whatever the other signals say.
 *
 * **Catches (clears):** friends' many-mention threads, a friend's link to a Discord server.
 *
 * **Does not catch / false-positive risk:** a followed account that was hijacked to post campaign
 * links is still flagged, by the blatant rule.
 */
export const followedAuthor: Signal<'followed-author'> = {
  id: 'followed-author',
  group: 'trust',
  evaluate(status, context) {
    if (status.author.acct === '' || context.viewer.follows(status.author.acct) !== true) return undefined
    return { strength: 1, clears: true, params: { acct: status.author.acct }, evidence: [`@${status.author.acct}`] }
  },
}
