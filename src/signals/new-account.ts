import type { Signal } from '../signal.js'
import { authorAgeAt } from './author-age.js'
import { isoTime, toMinute } from './format.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The author's account was created shortly before the post.
 *
 * **Catches:** the scripted accounts of the 2024 waves, which posted within minutes of sign-up.
 * Age comes from the snowflake id when it agrees with the day-rounded `created_at`.
 *
 * **Does not catch / false-positive risk:** every real user is new once. This is an author signal:
 * it counts only when the post itself carries spam evidence (Mastodon's notification policy and
 * Pleroma's RejectNewlyCreatedAccountNotes use the same idea with 30 days and 1 day).
 *
 * Strength: under 1 hour 1, under 1 day 0.9, under 3 days 0.7, under 7 days 0.5, under 30 days 0.25;
 * half of that when the profile is filled in (a picture, a bio, a display name of its own).
 */
export const newAccount: Signal<'new-account'> = {
  id: 'new-account',
  group: 'author',
  evaluate(status, context) {
    const age = authorAgeAt(status, context.postedAt)
    if (age === undefined || age >= 30 * DAY) return undefined
    let strength = age < HOUR ? 1 : age < DAY ? 0.9 : age < 3 * DAY ? 0.7 : age < 7 * DAY ? 0.5 : 0.25
    // A newcomer who chose a picture, wrote a bio and a name counts half: the scripts never do.
    const author = status.author
    const complete = !author.hasDefaultAvatar && (author.hasBio || author.fieldsCount > 0) && author.displayName.trim() !== '' && author.displayName.trim().toLowerCase() !== author.username.toLowerCase()
    if (complete) strength *= 0.5
    return {
      strength,
      params: complete ? { ageMs: toMinute(age), profileFilled: true } : { ageMs: toMinute(age) },
      evidence: [isoTime(status.author.createdAt ?? 0)],
    }
  },
}
