import { getDomainWithoutSuffix } from 'tldts'

import { BRAND_WORDS, LURE_WORDS, WELL_KNOWN_DOMAINS } from '../data/well-known-domains.js'
import { createWordSetMatcher, type WordSetMatcher } from '../text/multi-pattern.js'
import { hostSkeleton } from '../text/deobfuscate.js'
import { hasNonAscii } from '../text/ascii.js'

/** Why a host looks like another. */
export interface Lookalike {
  /** The well-known domain or brand imitated. */
  readonly imitates: string
  /** A phrase for the reason message, e.g. `is one letter away from discord.gg`. */
  readonly how: string
  /** How it imitates: look-alike letters, a mix of scripts, one letter off, a brand with a lure word. */
  readonly kind: 'homoglyph' | 'mixed-script' | 'one-letter' | 'brand-lure'
}

const TLDTS_OPTIONS = { allowPrivateDomains: true } as const
const WELL_KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(WELL_KNOWN_DOMAINS)
const LATIN = /[a-z]/u
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u
const ASCII_HOST = /^[a-z0-9.-]+$/u
// Well-known domains by their label before the public suffix: `discord` → discord.gg, discord.com.
// Built on the first ASCII link checked, not when the module loads: it reads the public suffix
// list once per well-known domain, which an app importing the library need not pay for.
function groupByLabel(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>()
  for (const domain of WELL_KNOWN_DOMAINS) {
    const label = getDomainWithoutSuffix(domain, TLDTS_OPTIONS) ?? domain
    map.set(label, [...(map.get(label) ?? []), domain])
  }
  return map
}
let byLabel: { readonly map: ReadonlyMap<string, readonly string[]>; readonly labels: readonly string[] } | undefined
function labels(): { readonly map: ReadonlyMap<string, readonly string[]>; readonly labels: readonly string[] } {
  if (byLabel === undefined) {
    const map = groupByLabel()
    byLabel = { map, labels: [...map.keys()].filter((label) => label.length >= 5) }
  }
  return byLabel
}

// Brand names and lure words in the one multi-pattern matcher, compiled on first use.
let brandWords: WordSetMatcher | undefined
/**
 * The brand names (`BRAND_WORDS`) and lure words (`LURE_WORDS`) a text contains, in one scan.
 *
 * @param text - a host, label or URL part, lowercased
 * @returns the words found
 */
export function brandAndLureWordsIn(text: string): ReadonlySet<string> {
  return (brandWords ??= createWordSetMatcher([...BRAND_WORDS, ...LURE_WORDS])).wordsIn(text)
}

/** Whether two strings are at most one insertion, deletion or substitution apart (equal strings are). */
export function oneEditApart(first: string, second: string): boolean {
  const a = first.length < second.length ? second : first
  const b = a === first ? second : first
  if (a.length - b.length > 1) return false
  let i = 0
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
  // Substitution skips one character in both; deletion skips one in the longer. Compared in
  // place: this runs for every well-known label against every link's label.
  const skipB = a.length === b.length ? 1 : 0
  for (let j = i + 1; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j - 1 + skipB)) return false
  return true
}

/** Whether two different strings are one insertion, deletion, substitution or swap of neighbours apart. */
export function oneTypoApart(first: string, second: string): boolean {
  if (first === second) return false
  if (oneEditApart(first, second)) return true
  if (first.length !== second.length) return false
  let i = 0
  while (first.charCodeAt(i) === second.charCodeAt(i)) i++
  return first[i] === second[i + 1] && first[i + 1] === second[i] && first.slice(i + 2) === second.slice(i + 2)
}

function scriptMix(host: string): boolean {
  for (const label of host.split('.')) if (LATIN.test(label) && OTHER_SCRIPT.test(label)) return true
  return false
}

/**
 * Whether a host imitates a well-known domain: letters from another script mixed into a Latin
 * label (`discоrd.gg` with a Cyrillic о), a host that folds to a well-known domain
 * (`раураl.com` in Cyrillic), one letter away from a well-known domain with the same suffix
 * (`dlscord.gg`), or a brand next to a lure word in an unrelated domain
 * (`mastodon-support-team.com`). Real servers named `mastodon.<something>` never fire: a brand
 * word alone is not enough.
 *
 * @param host - a host in Unicode form, lowercased
 * @param domain - its registrable domain
 * @returns what it imitates, or `undefined`
 */
export function lookalikeOf(host: string, domain: string): Lookalike | undefined {
  if (WELL_KNOWN.has(domain)) return undefined
  if (hasNonAscii(host)) {
    const folded = hostSkeleton(host)
    // A host on its own registrable domain (`荒らし.com`) is read once.
    const foldedDomain = domain === host ? folded : hostSkeleton(domain)
    if (WELL_KNOWN.has(foldedDomain)) return { imitates: foldedDomain, kind: 'homoglyph', how: `imitates ${foldedDomain} with look-alike letters` }
    if (scriptMix(host)) {
      const imitates = ASCII_HOST.test(folded) ? folded : host
      return { imitates, kind: 'mixed-script', how: `mixes Latin letters with letters of another script (reads as ${imitates})` }
    }
    return undefined
  }
  // The registrable domain is one label on its public suffix: split at the first dot.
  const dot = domain.indexOf('.')
  if (dot <= 0) return undefined
  const label = domain.slice(0, dot)
  const suffix = domain.slice(dot + 1)
  if (label.length >= 5) {
    const { map, labels: known5 } = labels()
    for (const known of known5) {
      if (known === label || !oneEditApart(known, label)) continue
      const target = (map.get(known) ?? []).find((d) => d.endsWith(`.${suffix}`))
      if (target !== undefined) return { imitates: target, kind: 'one-letter', how: `is one letter away from ${target}` }
    }
  }
  const words = host.slice(0, host.length - suffix.length)
  const inLabel = brandAndLureWordsIn(label)
  const brand = inLabel.size === 0 ? undefined : BRAND_WORDS.find((b) => inLabel.has(b))
  if (brand === undefined) return undefined
  const inWords = brandAndLureWordsIn(words)
  if (LURE_WORDS.some((w) => inWords.has(w))) return { imitates: brand, kind: 'brand-lure', how: `pairs the name ${brand} with a word phishing uses` }
  return undefined
}
