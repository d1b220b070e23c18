import type { NearPhrase } from '../rules/phrase-pattern.js'
import { rulesOf } from '../rules/default-rules.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { sourceOf, statusPhrases } from './phrase-list.js'
import { WARNING_STRENGTH, warningReading } from './warning-context.js'

/** The changed word as evidence: `profile (for account)`, `+ really`, `− your`. */
const changeOf = (near: NearPhrase): string => (near.change === 'substituted' ? `${near.by} (for ${near.word})` : near.change === 'inserted' ? `+ ${near.word}` : `− ${near.word}`)

/**
 * The status contains a listed phrase with one word changed: a quoted term of at least
 * `NEAR_MIN_WORDS` (5) words of a built-in wave phrase or of the rules' phrases, with exactly one
 * word substituted, inserted or deleted inside it ("Your profile has been suspended due to
 * content violating new EU legislation"), the phrase's other terms whole. Read as `phrase-list`
 * reads (the same texts, the same de-obfuscation layer, one scan for both); fires only when no
 * listed phrase matches whole (that one is stronger evidence). Never blatant.
 *
 * **Catches:** a wave's sentence reworded by one word, which a whole-phrase list misses.
 *
 * **Does not catch / false-positive risk:** two words changed, a phrase with its first or last
 * word cut (a quote's fragment), phrases of fewer than 5 words, and text in a script written
 * without spaces (a Japanese sentence is one word). People quoting a wave's text to warn others
 * are read as for `phrase-list` (`warningReading`): the hit counts a quarter.
 */
export const phraseNear: Signal<'phrase-near'> = {
  id: 'phrase-near',
  group: 'text',
  evaluate(status, context) {
    const { phrases, phraseMatcher } = rulesOf(context)
    if (phrases.length === 0) return undefined
    const scans = statusPhrases(status, phraseMatcher)
    if (scans.text.matched.length > 0) return undefined
    let near = scans.text.near()
    let inImage = false
    if (near.length === 0) {
      const images = scans.images()
      if (images === undefined || images.matched.length > 0) return undefined
      near = images.near()
      inImage = near.length > 0
    } else if ((scans.images()?.matched.length ?? 0) > 0) {
      return undefined
    }
    const first = near[0]
    if (first === undefined) return undefined
    const params = { pattern: first.phrase.pattern, inImage, ...sourceOf(first.phrase), change: first.change, word: first.word, ...(first.change === 'substituted' ? { by: first.by } : {}) }
    const evidence = listEvidence(near.flatMap((n) => [n.phrase.pattern, changeOf(n)]))
    const warning = inImage ? undefined : warningReading(status, context, false)
    if (warning !== undefined) return { strength: WARNING_STRENGTH, params: { ...params, ...warning }, evidence }
    return { strength: 1, params, evidence }
  },
}
