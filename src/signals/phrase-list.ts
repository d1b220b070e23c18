import type { CompiledPhrase, PhraseMatcher, PhraseScan } from '../rules/phrase-pattern.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { statusTexts } from '../status/status-texts.js'
import { rulesOf } from '../rules/default-rules.js'
import { SPAM_PHRASES } from '../data/spam-phrases.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { WARNING_STRENGTH, warningReading } from './warning-context.js'

/** The built-in wave phrases' campaigns: a phrase noted with one of these is a campaign's, not a list's. */
const CAMPAIGNS: ReadonlySet<string> = /* @__PURE__ */ new Set(SPAM_PHRASES.map((p) => p.campaign))

/**
 * Where a phrase comes from, as reason params: a built-in wave's campaign, or a rules document.
 *
 * @param phrase - the compiled phrase
 * @returns `{ campaign }` or `{ list }` (`''` for an unnamed document)
 */
export function sourceOf(phrase: CompiledPhrase): { campaign: string } | { list: string } {
  return phrase.note !== undefined && CAMPAIGNS.has(phrase.note) ? { campaign: phrase.note } : { list: phrase.note ?? '' }
}

/** A status's texts scanned for phrases: its own texts, and the text read from its images (scanned on demand). */
export interface StatusPhrases {
  readonly text: PhraseScan
  images(): PhraseScan | undefined
}

// A memo by status object and matcher: `phrase-list` and `phrase-near` read one scan (entries go
// with their status; a status classified with other rules is scanned again).
const MEMO = /* @__PURE__ */ new WeakMap<NormalizedStatus, { readonly matcher: PhraseMatcher; readonly scans: StatusPhrases }>()

/**
 * The phrase scans of a status (see `StatusPhrases`), once per status and matcher.
 *
 * @param status - the status
 * @param matcher - the rules' phrase matcher
 * @returns its scans
 */
export function statusPhrases(status: NormalizedStatus, matcher: PhraseMatcher): StatusPhrases {
  const known = MEMO.get(status)
  if (known !== undefined && known.matcher === matcher) return known.scans
  const scans = readStatusPhrases(status, matcher)
  MEMO.set(status, { matcher, scans })
  return scans
}

/**
 * `statusPhrases` without the memo (the reference the memo is tested against).
 *
 * @param status - the status
 * @param matcher - the rules' phrase matcher
 * @returns its scans
 */
export function readStatusPhrases(status: NormalizedStatus, matcher: PhraseMatcher): StatusPhrases {
  const texts = statusTexts(status)
  // The scans are the memo's value, keyed by the status: nothing in them may hold the status (a
  // value that reaches its own WeakMap key kept statuses alive longer: the CLI's peak memory on
  // 100 MB of input rose by 12–20 MB on Node 24, test/cli/big-input.test.ts).
  const imageText = status.imageTexts.length === 0 ? undefined : texts.images.text
  let images: PhraseScan | undefined
  return {
    text: matcher.scanSkeleton(texts.anchors.text === '' ? texts.joined.text : `${texts.joined.text}\n${texts.anchors.text}`),
    images: () => (imageText === undefined ? undefined : (images ??= matcher.scanSkeleton(imageText))),
  }
}

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
 * be regular expressions, so a hostile text cannot make matching slow. A listed phrase with one
 * word changed is `phrase-near`'s (weaker evidence), from the same scan.
 */
export const phraseList: Signal<'phrase-list'> = {
  id: 'phrase-list',
  group: 'text',
  evaluate(status, context) {
    const { phrases, phraseMatcher } = rulesOf(context)
    if (phrases.length === 0) return undefined
    const scans = statusPhrases(status, phraseMatcher)
    let matched: CompiledPhrase[] = scans.text.matched
    let inImage = false
    if (matched.length === 0) {
      matched = scans.images()?.matched ?? []
      inImage = matched.length > 0
    }
    const first = matched[0]
    if (first === undefined) return undefined
    const source = sourceOf(first)
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
