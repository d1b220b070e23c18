import type { Signal } from '../signal.js'

/**
 * The text matches a status the user marked as spam (`filter.markSpam`), so a copy is caught from
 * its first sighting, before any other account posts it. Blatant: not cleared by following the
 * author.
 *
 * **Catches:** the next copies of a spam text the user reported, through the same disguises as
 * `near-duplicate` (folding, shuffled words, inserted names; Jaccard ≥ 0.5 for texts of 24
 * characters or more, exact after folding for shorter ones).
 *
 * **Does not catch / false-positive risk:** only as good as the user's marks; marking a short
 * common phrase as spam flags every later use of it. `filter.markNotSpam` on a status removes its
 * text from the spam marks.
 */
export const knownSpamText: Signal<'known-spam-text'> = {
  id: 'known-spam-text',
  group: 'duplicates',
  evaluate(status, context) {
    if (context.memory?.isMarkedSpamText(status) !== true) return undefined
    return {
      strength: 1,
      params: {},
      evidence: ['marked as spam'],
      blatant: true,
    }
  },
}
