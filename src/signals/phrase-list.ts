import type { CompiledPhrase } from '../rules/phrase-pattern.js'
import { statusTexts } from '../status/status-texts.js'
import { rulesOf } from '../rules/default-rules.js'
import { SPAM_PHRASES } from '../data/spam-phrases.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { WARNING_STRENGTH, warningReading } from './warning-context.js'

/** The built-in wave phrases' campaigns: a phrase noted with one of these is a campaign's, not a list's. */
const CAMPAIGNS: ReadonlySet<string> = /* @__PURE__ */ new Set(SPAM_PHRASES.map((p) => p.campaign))

/**
 * The status contains a listed phrase: the built-in phrases of documented waves
 * (`画像が貼れなかったのでメンションだけします`, `荒らし共栄圏`, `한국괴물군`, the 2025
 * "Mastodon Support" phishing lines, "BTCTurboMiner Made Me $500 in 3 Hours", "you can call me
 * the Fediverse Chick", …) and the phrases of the app's rules. Matched on the text through the
 * de-obfuscation layer, letters and digits only (NFKC, case, width, look-alike letters, marks,
 * spacing and punctuation between words and letters ignored) in the text, content warning, poll options, alt text,
 * card texts and text read from images. Built-in wave phrases are blatant.
 *
 * **Catches:** the wave texts however they are spaced or widened.
 *
 * **Does not catch / false-positive risk:** people quoting a wave's text to warn others: from a
 * settled author with no mention blast, next to warning words or in quotes (see
 * `warningReading`), the hit is not blatant and counts a quarter; otherwise they are flagged; phrases of the rules should be specific (several words, quoted). Patterns cannot
 * be regular expressions, so a hostile text cannot make matching slow.
 */
export const phraseList: Signal<'phrase-list'> = {
  id: 'phrase-list',
  group: 'text',
  evaluate(status, context) {
    const { phrases, phraseMatcher } = rulesOf(context)
    if (phrases.length === 0) return undefined
    const texts = statusTexts(status)
    let matched: CompiledPhrase[] = phraseMatcher.matchSkeleton(texts.anchors.text === '' ? texts.joined.text : `${texts.joined.text}\n${texts.anchors.text}`)
    let inImage = false
    if (matched.length === 0 && status.imageTexts.length > 0) {
      matched = phraseMatcher.matchSkeleton(texts.images.text)
      inImage = matched.length > 0
    }
    const first = matched[0]
    if (first === undefined) return undefined
    const source = first.note !== undefined && CAMPAIGNS.has(first.note) ? { campaign: first.note } : { list: first.note ?? '' }
    const warning = inImage ? undefined : warningReading(status, context, false)
    if (warning !== undefined) {
      return {
        strength: WARNING_STRENGTH,
        params: { pattern: first.pattern, inImage: false, ...source, ...warning },
        evidence: listEvidence(matched.map((p) => p.pattern)),
      }
    }
    return {
      strength: 1,
      blatant: matched.some((p) => p.blatant),
      params: { pattern: first.pattern, inImage, ...source },
      evidence: listEvidence(matched.map((p) => p.pattern)),
    }
  },
}
