import { HOST_PATTERNS_JSON } from '../data/compiled-lists.js'
import { compactSkeleton, hostSkeleton } from './deobfuscate.js'
import { createMultiPatternMatcher, type MultiPatternMatcher } from './multi-pattern.js'

/** A listed host found written in a text. */
export interface HostInText<T> {
  /** The host as listed. */
  readonly host: string
  readonly value: T
  /** Where it is written in the text scanned (a skeleton), `end` exclusive. */
  readonly start: number
  readonly end: number
}

/** Host names (invite hosts, campaign domains) compiled into the one multi-pattern matcher. */
export interface HostPatterns<T> {
  /** The matcher (for the linearity test). */
  readonly matcher: MultiPatternMatcher
  /** How many hosts were compiled. */
  readonly size: number
  /**
   * The listed hosts written in a text the de-obfuscation layer has read, however cut: with
   * spaces, punctuation, symbols, emoji or a line break between their letters or around their
   * dots (`ctkpaarr .org`, `荒らし . com`, `ctk paarr.org`), and, for a distinctive host (at
   * least 6 letters before its top-level domain, a letter of another script counting 2), with
   * the dot left out (`ctkpaarr org`). A host must start, and unless `openEnd` end, at a word
   * boundary of the text (`notctkpaarr.org` and `ctkpaarr.orgs` are other words); scripts written
   * without spaces (Han, kana, Thai, …) have no word boundaries to check.
   *
   * @param text - a text through the layer (`deobfuscate(text).text`)
   * @param options - `all`: every occurrence (default: the first of each host); `openEnd`: the host may run on into a word (an invite path follows)
   * @returns the hosts found, in the order their occurrences end
   */
  find(text: string, options?: { readonly all?: boolean; readonly openEnd?: boolean }): HostInText<T>[]
}

/** The longest run of skipped characters (spaces, punctuation, symbols, emoji) allowed inside a host. */
export const MAX_HOST_GAP = 6
/** Letters before the top-level domain from which a host also matches with its dots left out. */
const DISTINCTIVE = 6

/**
 * The forms a host is matched in: as the layer reads it, letters, digits and dots only; and,
 * when distinctive, without its dots.
 *
 * @param host - a host, lowercased
 * @returns its patterns (none for a host with no letter or digit)
 */
export function hostPatterns(host: string): string[] {
  // Each label as the phrase matcher's compact form reads it (letters, digits, `#`), empty labels dropped.
  const dotted = hostSkeleton(host)
    .split('.')
    .map(compactSkeleton)
    .filter((label) => label !== '')
    .join('.')
  if (dotted === '') return []
  const lastDot = dotted.lastIndexOf('.')
  if (lastDot < 0) return [dotted]
  let weight = 0
  for (const char of dotted.slice(0, lastDot)) if (char !== '.') weight += char.charCodeAt(0) < 0x80 ? 1 : 2
  return weight >= DISTINCTIVE ? [dotted, dotted.replace(/\./gu, '')] : [dotted]
}

// The patterns of the built-in hosts (invite hosts, campaign domains), as `hostPatterns` gives
// them, compiled by scripts/generate-compiled-lists.ts (test/rules/compiled-lists.test.ts checks
// them); parsed on first use.
let builtIn: ReadonlyMap<string, readonly string[]> | undefined

/**
 * `hostPatterns(host)`, from the compiled table for a built-in host.
 *
 * @param host - a host, lowercased
 * @returns its patterns
 */
function compiledPatterns(host: string): readonly string[] {
  builtIn ??= new Map(JSON.parse(HOST_PATTERNS_JSON) as [string, string[]][])
  return builtIn.get(host) ?? hostPatterns(host)
}

/**
 * Compiles hosts into one multi-pattern matcher (see `HostPatterns`). The first value given for
 * a host wins.
 *
 * @param entries - `[host, value]` pairs, hosts lowercased
 * @param options - as for `createMultiPatternMatcher` (`gateAfter`)
 * @returns the compiled hosts
 */
export function createHostPatterns<T>(entries: Iterable<readonly [string, T]>, options?: { readonly gateAfter?: number }): HostPatterns<T> {
  const patterns: string[] = []
  // The entries of each pattern (two entries may read the same: an invite host and a blocked domain).
  const owners: { host: string; value: T }[][] = []
  const ids = new Map<string, number>()
  let size = 0
  for (const [host, value] of entries) {
    size++
    for (const pattern of compiledPatterns(host)) {
      const id = ids.get(pattern)
      if (id === undefined) {
        ids.set(pattern, patterns.length)
        patterns.push(pattern)
        owners.push([{ host, value }])
      } else if (!owners[id]!.some((o) => o.host === host)) {
        owners[id]!.push({ host, value })
      }
    }
  }
  const matcher = createMultiPatternMatcher(patterns, options)
  return {
    matcher,
    size,
    find(text, options) {
      if (patterns.length === 0 || text === '') return []
      const all = options?.all === true
      const openEnd = options?.openEnd === true
      const found: HostInText<T>[] = []
      let taken: Set<string> | undefined
      let lastEnd = -1
      matcher.scanSpans(text, MAX_HOST_GAP, (id, start, end) => {
        // The longest host ending here was reported first (`ptb.discord.com` before `discord.com`).
        if (end === lastEnd) return false
        if (joins(text, start - 1, start, -1) || (!openEnd && joins(text, end, end - 1, 1))) return false
        lastEnd = end
        for (const owner of owners[id]!) {
          if (!all) {
            // One occurrence per host (its dotted and dotless forms are two patterns).
            taken ??= new Set()
            if (taken.has(owner.host)) continue
            taken.add(owner.host)
          }
          found.push({ host: owner.host, value: owner.value, start, end })
        }
        return !all
      })
      return found
    },
  }
}

/**
 * Whether a host found with `openEnd` also ends at a word boundary of the text (what `find`
 * without `openEnd` checks).
 *
 * @param text - the text scanned
 * @param end - where the host ends
 * @returns whether the next character does not continue the host's last word
 */
export function endsAtBoundary(text: string, end: number): boolean {
  return end <= 0 || !joins(text, end, end - 1, 1)
}

const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const WORD = /[\p{L}\p{N}]/u

const isAsciiWord = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)

function codePointNear(text: string, at: number): string {
  const code = text.charCodeAt(at)
  // A low surrogate after a high one: the code point starts one before.
  if (code >= 0xdc00 && code < 0xe000 && at > 0) {
    const high = text.charCodeAt(at - 1)
    if (high >= 0xd800 && high < 0xdc00) return text.slice(at - 1, at + 1)
  }
  return String.fromCodePoint(text.codePointAt(at) ?? code)
}

/**
 * Whether the character at `outside` continues the word that the occurrence's edge character
 * at `inside` belongs to (so the occurrence is part of a longer word). A hyphen or underscore
 * continues it when a Latin letter or digit is beyond it (`my-discord.gg`).
 */
function joins(text: string, outside: number, inside: number, step: number): boolean {
  if (outside < 0 || outside >= text.length) return false
  const x = text.charCodeAt(outside)
  if (x === 45 || x === 95) {
    const beyond = outside + step
    return beyond >= 0 && beyond < text.length && isAsciiWord(text.charCodeAt(beyond))
  }
  const y = text.charCodeAt(inside)
  if (x < 0x80 || y < 0x80) return x < 0x80 && y < 0x80 && isAsciiWord(x) && isAsciiWord(y)
  const outer = codePointNear(text, outside)
  const inner = codePointNear(text, inside)
  return WORD.test(outer) && WORD.test(inner) && !NO_SPACES.test(outer) && !NO_SPACES.test(inner)
}
