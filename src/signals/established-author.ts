import type { Signal } from '../signal.js'
import { authorAgeAt } from './author-age.js'
import { formatDuration, plural, toMinute } from './format.js'

const DAY = 86_400_000

/**
 * The author has an established account: at least 2 of: 90 days old, 50 followers, 50 posts
 * (strength 0.67), or all 3 (strength 1).
 *
 * **Catches (lowers the score of):** a #FollowFriday post or a long thread from a known account.
 *
 * **Does not catch / false-positive risk:** bought or hijacked old accounts still look established;
 * the cap on the `trust` group and blatant content (campaign domains, known spam images) keep such
 * spam flagged.
 */
export const establishedAuthor: Signal<'established-author'> = {
  id: 'established-author',
  group: 'trust',
  evaluate(status, context) {
    const author = status.author
    const age = authorAgeAt(status, context.postedAt)
    const found: string[] = []
    const params: { ageMs?: number; followers?: number; posts?: number } = {}
    if (age !== undefined && age >= 90 * DAY) {
      found.push(`account ${formatDuration(age)} old`)
      params.ageMs = toMinute(age)
    }
    if ((author.followersCount ?? 0) >= 50) {
      found.push(plural(author.followersCount ?? 0, 'follower'))
      params.followers = author.followersCount ?? 0
    }
    if ((author.statusesCount ?? 0) >= 50) {
      found.push(plural(author.statusesCount ?? 0, 'post'))
      params.posts = author.statusesCount ?? 0
    }
    if (found.length < 2) return undefined
    return {
      strength: found.length / 3,
      params,
      evidence: found,
    }
  },
}
