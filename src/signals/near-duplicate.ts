import type { Signal } from '../signal.js'
import { plural } from './format.js'

/**
 * The same or nearly the same text, posted by several accounts within the memory's window
 * (`createSpamFilter` only: `classifyStatus` has no memory and this stays silent).
 *
 * **Catches:** a spam wave's copies (the 2024 waves posted one text from hundreds of fresh
 * accounts) through the usual disguises: other mentions, links and hashtags (removed before
 * comparing), an inserted name or word, zero-width characters, look-alike letters and fullwidth
 * forms (folded), shuffled words (the shingles do not depend on word order), a truncated copy.
 * Texts of 24 characters or more are compared by MinHash (estimated Jaccard ≥ 0.5); shorter ones
 * must match exactly after folding.
 *
 * **Does not catch / false-positive risk:** people do post the same things ("Happy new year!",
 * a quoted headline, a chain post). One account repeating itself (a templated bot) counts as one
 * account; a short text fires only when most of its copies come from new or bare accounts that
 * mention strangers; a long one from ordinary accounts scores at half strength (suspicious at most
 * with other evidence). Needs `minAccounts` (default 3) distinct accounts, this one included.
 *
 * Strength: long text 0.5, +0.05 per account above the minimum (up to +0.2), +0.3 × the share of
 * suspicious copies (new or bare author: half; strangers mentioned: half); short text
 * 0.3 + 0.6 × that share, when the share is at least one half.
 */
export const nearDuplicate: Signal<'near-duplicate'> = {
  id: 'near-duplicate',
  group: 'duplicates',
  evaluate(status, context) {
    const memory = context.memory
    if (memory === undefined) return undefined
    const copies = memory.textCopies(status, context)
    if (copies === undefined || copies.accounts < memory.minAccounts) return undefined
    let strength: number
    if (copies.exact) {
      if (copies.suspicion < 0.5) return undefined
      strength = 0.3 + 0.6 * copies.suspicion
    } else {
      strength = 0.5 + Math.min(0.2, 0.05 * (copies.accounts - memory.minAccounts)) + 0.3 * copies.suspicion
    }
    const first = `first seen ${new Date(copies.firstSeenAt).toISOString()}${copies.firstSeenId === undefined ? '' : `: status ${copies.firstSeenId}`}`
    return {
      strength,
      params: { accounts: copies.accounts, exact: copies.exact, windowMs: memory.windowMs },
      evidence: [plural(copies.accounts, 'account'), first],
    }
  },
}
