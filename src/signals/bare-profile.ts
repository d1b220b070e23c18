import type { BareProfileTrait } from '../messages/types.js'
import type { Signal } from '../signal.js'

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
    if (found.length < 2) return undefined
    return {
      strength: found.length / 4,
      params: { traits },
      evidence: found,
    }
  },
}
