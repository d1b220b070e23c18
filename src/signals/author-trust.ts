import type { StrangerTrait } from '../messages/types.js'
import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { authorAgeAt } from './author-age.js'
import { isMachineUsername } from './machine-username.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** How much of a stranger the author is to the viewer, from the account alone. */
export interface Strangeness {
  /** 0 (known or established) to 1 (minutes old, bare, machine-named, no followers). */
  readonly score: number
  /** What made it: `minutes old`, `no followers`, `default avatar`, … */
  readonly facts: readonly string[]
  /** The same facts as data, for reason params (`StrangerTrait`). */
  readonly traits: readonly StrangerTrait[]
  /** The follower count behind a `few-followers` trait. */
  readonly followers?: number
}

/**
 * Grades the author as a stranger: account age (under an hour 1, a day 0.85, a week 0.6, 30 days
 * 0.35), followers (none 1, under 5 0.7, under 20 0.4), follows (none 1, under 5 0.5), a bare
 * profile (default avatar, no bio, display name = username: a third each) and a machine-made
 * username, weighted 0.35 / 0.2 / 0.1 / 0.25 / 0.1. An author the viewer follows, or an established one (2 of: 90 days, 50 followers, 50
 * posts), is no stranger (0).
 *
 * @param status - the status
 * @param context - the signal context (viewer, time)
 * @returns the score and the facts behind it
 */
export function authorStrangeness(status: NormalizedStatus, context: SignalContext): Strangeness {
  const author = status.author
  if (author.acct === '' && author.username === '') return { score: 0, facts: [], traits: [] }
  if (context.viewer.follows(author.acct) === true || isEstablished(status, context)) return { score: 0, facts: [], traits: [] }
  const facts: string[] = []
  const traits: StrangerTrait[] = []
  const age = authorAgeAt(status, context.postedAt)
  let ageScore = 0
  if (age !== undefined) {
    ageScore = age < HOUR ? 1 : age < DAY ? 0.85 : age < 7 * DAY ? 0.6 : age < 30 * DAY ? 0.35 : 0
    if (ageScore > 0) {
      facts.push(age < HOUR ? 'under an hour old' : age < DAY ? 'under a day old' : age < 7 * DAY ? 'under a week old' : 'under 30 days old')
      traits.push(age < HOUR ? 'age-hour' : age < DAY ? 'age-day' : age < 7 * DAY ? 'age-week' : 'age-month')
    }
  }
  const followers = author.followersCount
  const followerScore = followers === undefined ? 0.3 : followers === 0 ? 1 : followers < 5 ? 0.7 : followers < 20 ? 0.4 : 0
  if (followers !== undefined && followerScore > 0) {
    facts.push(followers === 0 ? 'no followers' : `${followers} followers`)
    traits.push(followers === 0 ? 'no-followers' : 'few-followers')
  }
  let bare = 0
  if (author.hasDefaultAvatar) bare++
  if (!author.hasBio && author.fieldsCount === 0) bare++
  const name = author.displayName.trim().toLowerCase()
  if (name === '' || name === author.username.toLowerCase()) bare++
  if (bare > 0) {
    facts.push(bare === 3 ? 'bare profile' : 'sparse profile')
    traits.push(bare === 3 ? 'bare-profile' : 'sparse-profile')
  }
  const following = author.followingCount
  const followingScore = following === undefined ? 0.3 : following === 0 ? 1 : following < 5 ? 0.5 : 0
  if (following === 0) {
    facts.push('follows nobody')
    traits.push('follows-nobody')
  }
  const machine = isMachineUsername(author.username)
  if (machine) {
    facts.push('machine-made username')
    traits.push('machine-username')
  }
  const score = 0.35 * ageScore + 0.2 * followerScore + 0.1 * followingScore + 0.25 * (bare / 3) + (machine ? 0.1 : 0)
  return { score: Math.round(score * 100) / 100, facts, traits, ...(followers !== undefined && followers > 0 && followerScore > 0 ? { followers } : {}) }
}

/**
 * Whether the author is established the way `established-author` counts it: at least 2 of 90
 * days old, 50 followers, 50 posts.
 *
 * @param status - the status
 * @param context - the signal context
 * @returns whether the author is established
 */
export function isEstablished(status: NormalizedStatus, context: SignalContext): boolean {
  const author = status.author
  const age = authorAgeAt(status, context.postedAt)
  let found = 0
  if (age !== undefined && age >= 90 * DAY) found++
  if ((author.followersCount ?? 0) >= 50) found++
  if ((author.statusesCount ?? 0) >= 50) found++
  return found >= 2
}

/**
 * Whether the author is settled enough that naming spam is more likely a warning than spam: the
 * viewer follows them, or they are established, or their account is 30 days old with 10
 * followers and a profile that is not bare.
 *
 * @param status - the status
 * @param context - the signal context
 * @returns whether the author is settled
 */
export function isSettledAuthor(status: NormalizedStatus, context: SignalContext): boolean {
  if (context.viewer.follows(status.author.acct) === true || isEstablished(status, context)) return true
  const author = status.author
  const age = authorAgeAt(status, context.postedAt)
  return age !== undefined && age >= 30 * DAY && (author.followersCount ?? 0) >= 10 && !author.hasDefaultAvatar && (author.hasBio || author.fieldsCount > 0)
}
