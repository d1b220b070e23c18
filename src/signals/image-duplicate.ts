import type { Signal } from '../signal.js'
import { plural } from './format.js'

/**
 * The same picture (by blurhash and size) posted by several accounts within the memory's window
 * (`createSpamFilter` only).
 *
 * **Catches:** image spam waves, where every account attaches the same picture (the February 2024
 * wave's invite image), including re-encoded copies whose blurhash differs in a few characters:
 * the decoded colour components are compared with a tolerance, and the aspect ratio must agree
 * when both sizes are known.
 *
 * **Does not catch / false-positive risk:** a popular meme re-uploaded by many people looks the
 * same; flat pictures (white screenshots of text, plain colours) all look alike and are not
 * counted. A weak post signal: it alone never makes a status suspicious.
 *
 * Strength: 0.5 + 0.5 × the share of suspicious copies (new or bare author, strangers mentioned).
 */
export const imageDuplicate: Signal<'image-duplicate'> = {
  id: 'image-duplicate',
  group: 'media',
  evaluate(status, context) {
    const memory = context.memory
    if (memory === undefined || status.media.length === 0) return undefined
    const copies = memory.imageCopies(status, context)
    if (copies === undefined || copies.accounts < memory.minAccounts) return undefined
    const first = `first seen ${new Date(copies.firstSeenAt).toISOString()}${copies.firstSeenId === undefined ? '' : `: status ${copies.firstSeenId}`}`
    return {
      strength: 0.5 + 0.5 * copies.suspicion,
      params: { accounts: copies.accounts, windowMs: memory.windowMs },
      evidence: [plural(copies.accounts, 'account'), first],
    }
  },
}
