import type { SignalContext } from '../signal.js'
import { authorAgeAt } from '../signals/author-age.js'
import { bareProfile } from '../signals/bare-profile.js'
import type { NormalizedStatus } from '../status/normalized-status.js'

/** The author's profile is bare (the `bare-profile` signal fires). */
export const FLAG_BARE = 1
/** The author's account was under a week old when posting. */
export const FLAG_NEW = 2
/** The post is not a reply and mentions someone the viewer is not known to follow. */
export const FLAG_STRANGERS = 4

const WEEK = 7 * 24 * 3_600_000

/**
 * The facts about a status, kept in one byte per remembered status, that make copies of its text
 * or image more suspicious: who posted it and whom it mentions.
 *
 * @param status - a normalized status
 * @param context - the signal context it was classified in
 * @returns a bit set of `FLAG_*`
 */
export function suspectFlags(status: NormalizedStatus, context: SignalContext): number {
  let flags = 0
  if (bareProfile.evaluate(status, context) !== undefined) flags |= FLAG_BARE
  const age = authorAgeAt(status, context.postedAt)
  if (age !== undefined && age < WEEK) flags |= FLAG_NEW
  if (!status.isReply) {
    const author = status.author.acct
    const stranger = status.mentions.some((m) => m.acct !== author && m.acct !== context.viewer.acct && context.viewer.follows(m.acct) !== true)
    if (stranger) flags |= FLAG_STRANGERS
  }
  return flags
}

/**
 * How suspicious one copy is, 0–1: half for a new or bare author, half for mentioning strangers.
 *
 * @param flags - a bit set of `FLAG_*`
 * @returns the suspicion
 */
export function suspicion(flags: number): number {
  return ((flags & (FLAG_BARE | FLAG_NEW)) !== 0 ? 0.5 : 0) + ((flags & FLAG_STRANGERS) !== 0 ? 0.5 : 0)
}
