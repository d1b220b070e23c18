import { linksOf } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { countWords } from './mention-density.js'

/**
 * The status carries a Discord server invite, however disguised (see `findDiscordInvites`): in a
 * link, in the text, in alt text, poll options, or text read from an image.
 *
 * **Catches:** the February 2024 wave (`discord.gg/ctkpaarr`, in the text or an image), the
 * November 2024 QR codes once decoded, "Fediverse Chick" follow-bait (`discord.gg/TfcWHMV4`),
 * disguised invites (`ｄｉｓｃｏｒｄ (.) gg / x`, Cyrillic letters, zero-width spaces).
 *
 * **Does not catch / false-positive risk:** people share their community's Discord every day.
 * Alone this signal only makes a status suspicious, never spam: from an account the viewer
 * follows the verdict is cleared, and an established author's trust outweighs it. Strength 1
 * when the status mentions someone with little text of its own (invites pushed at strangers),
 * 0.4 when it writes 6 words or more per mention to at most 3 people (a friend inviting friends),
 * 0.8 with no mention. Invite hosts on
 * an allow list of the rules are ignored.
 */
export const discordInvite: Signal<'discord-invite'> = {
  id: 'discord-invite',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const invites = linksOf(status, context).invites.filter((i) => rules.allowed.match(i.host) === undefined)
    const first = invites[0]
    if (first === undefined) return undefined
    const inImage = invites.every((i) => i.origin === 'image')
    const codes = invites.map((i) => `${i.host}/${i.code}`)
    // Pushed at the mentioned (little text of one's own), or shown to one's followers, or shared in
    // a message to a few people (several sentences per mention: a friend's invitation).
    const mentions = status.mentions.length
    const conversational = mentions > 0 && mentions <= 3 && countWords(status.prose) >= mentions * 6
    return {
      strength: mentions === 0 ? 0.8 : conversational ? 0.4 : 1,
      params: { count: invites.length, invite: codes[0] ?? '', inImage },
      evidence: listEvidence(codes),
    }
  },
}
