import type { BareProfileTrait } from '../messages/types.js'
import type { Signal } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'

/** Conditions of a bare profile that must hold for the signal to fire. */
const MIN_CONDITIONS = 2

function nameIsBare(author: NormalizedStatus['author']): boolean {
  const name = author.displayName.trim().toLowerCase()
  return name === '' || name === author.username.toLowerCase()
}

/**
 * Whether the `bare-profile` signal fires for a status's author: the same conditions as
 * `bareProfile.evaluate`, counted without building its evidence (for the memory's suspect flags,
 * which run on every remembered status).
 *
 * @param status - a normalized status
 * @returns whether the profile is bare
 */
export function isBareProfile(status: NormalizedStatus): boolean {
  const author = status.author
  if (author.acct === '' && author.username === '') return false
  let count = author.hasDefaultAvatar ? 1 : 0
  if (!author.hasBio && author.fieldsCount === 0) count++
  if (author.followersCount === 0 && (author.followingCount ?? 0) === 0) count++
  // The name last: trimming and lower-casing cost the most, and decide only on the edge.
  if (count >= MIN_CONDITIONS) return true
  return count === MIN_CONDITIONS - 1 && nameIsBare(author)
}

/**
 * The author's profile is bare: default avatar, no display name (or the username again), no bio,
 * nobody followed and no followers.
 *
 * **Catches:** the 2024 wave accounts (`display_name == username`, `/avatars/original/missing.png`,
 * 0 followers, 0 following), the gate of the fedi_findandkillspam admin bot.
 *
 * **Does not catch / false-positive risk:** many real people never fill in their profile; an author
 * signal, it counts only next to spam evidence in the post. Fires with 2 of the 4 conditions or
 * more; strength is the share of conditions met.
 */
export const bareProfile: Signal<'bare-profile'> = {
  id: 'bare-profile',
  group: 'author',
  evaluate(status) {
    const author = status.author
    // No account in the input: nothing is known of the profile.
    if (author.acct === '' && author.username === '') return undefined
    const found: string[] = []
    const traits: BareProfileTrait[] = []
    if (author.hasDefaultAvatar) {
      found.push('default avatar')
      traits.push('default-avatar')
    }
    const name = author.displayName.trim().toLowerCase()
    if (name === '' || name === author.username.toLowerCase()) {
      found.push(name === '' ? 'no display name' : 'display name is the username')
      traits.push(name === '' ? 'no-display-name' : 'name-is-username')
    }
    if (!author.hasBio && author.fieldsCount === 0) {
      found.push('empty bio')
      traits.push('empty-bio')
    }
    if (author.followersCount === 0 && (author.followingCount ?? 0) === 0) {
      found.push('no followers, follows nobody')
      traits.push('no-follows')
    }
    if (found.length < MIN_CONDITIONS) return undefined
    return {
      strength: found.length / 4,
      params: { traits },
      evidence: found,
    }
  },
}
