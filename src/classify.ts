import { scanLinks, type LinkScan } from './links/status-links.js'
import { isContextOnly, resolveOptions, withContext, type ClassifyOptions, type ResolvedOptions } from './options.js'
import { scoreHits, type WeightedHit } from './score.js'
import type { SignalContext } from './signal.js'
import type { NormalizedStatus } from './status/normalized-status.js'
import { readStatus } from './status/read-status.js'
import { unwrapInput } from './status/unwrap.js'
import type { ClassifiableInput } from './status/status-input.js'
import type { Skipped, Verdict } from './verdict.js'

const EMPTY: readonly never[] = []

function cleanVerdict(reason: Verdict['reasons'][number] | undefined, skipped: readonly Skipped[]): Verdict {
  return { label: 'clean', score: 0, reasons: reason === undefined ? EMPTY : [reason], skipped }
}

function allowed(status: NormalizedStatus, resolved: ResolvedOptions): Verdict | undefined {
  const { acct, host } = status.author
  if (acct !== '' && acct === resolved.viewer.acct) {
    return cleanVerdict({ signal: 'allow-list', score: 0, message: 'This is your own status.', evidence: [`@${acct}`] }, EMPTY)
  }
  if (resolved.allowAccounts.has(acct)) {
    return cleanVerdict({ signal: 'allow-list', score: 0, message: `@${acct} is on your allow list.`, evidence: [`@${acct}`] }, EMPTY)
  }
  if (host !== undefined) {
    for (const domain of resolved.allowDomains) {
      if (host === domain || host.endsWith(`.${domain}`)) {
        return cleanVerdict({ signal: 'allow-list', score: 0, message: `The author's server ${host} is on your allow list.`, evidence: [domain] }, EMPTY)
      }
    }
  }
  return undefined
}

/** What a `truncated` entry says: which fields were cut. */
function truncationDetail(cut: readonly string[] | undefined): string {
  if (cut === undefined || (cut.length === 1 && cut[0] === 'content')) return 'content longer than limits.maxContentLength was cut'
  return `text past the status's work budget (limits.maxTextLength, limits.maxContentLength) was not read: ${cut.join(', ')}`
}

/**
 * Runs the signals of resolved options over an already normalized status.
 *
 * @param status - the normalized status
 * @param resolved - resolved options
 * @returns the verdict
 */
export function classifyNormalized(status: NormalizedStatus, resolved: ResolvedOptions): Verdict {
  const allow = allowed(status, resolved)
  if (allow !== undefined) return allow
  let scan: LinkScan | undefined
  const postedAt = status.createdAt ?? resolved.now ?? Date.now()
  const links = (): LinkScan => (scan ??= scanLinks(status))
  // Two literals rather than a spread of the optional memory: a spread copies at run time.
  const { viewer, rules, memory } = resolved
  const context: SignalContext = memory === undefined ? { postedAt, viewer, rules, links } : { postedAt, viewer, rules, links, memory }
  const hits: WeightedHit[] = []
  const skipped: Skipped[] = []
  for (const { signal, weight } of resolved.signals) {
    try {
      const hit = signal.evaluate(status, context)
      if (hit !== undefined) hits.push({ id: signal.id, group: signal.group, weight, hit })
    } catch (error) {
      // Built-in signals do not throw; a custom one that does is reported, not propagated.
      skipped.push({ signal: signal.id, because: 'error', detail: error instanceof Error ? error.message : String(error) })
    }
  }
  if (status.truncated) skipped.push({ signal: 'input', because: 'truncated', detail: truncationDetail(status.cut) })
  return scoreHits(hits, resolved, skipped)
}

/**
 * Classifies with options resolved beforehand (what `createSpamFilter` does for every call).
 *
 * @param input - a Status, a boost, or a mention Notification, as parsed JSON
 * @param resolved - resolved options
 * @returns the verdict
 */
export function classifyWith(input: unknown, resolved: ResolvedOptions): Verdict {
  const found = unwrapInput(input)
  if (found.status === undefined) return cleanVerdict(undefined, [found.skipped])
  return classifyNormalized(readStatus(found.status, resolved.viewer.host, resolved.limits), resolved)
}

const DEFAULT_OPTIONS: ResolvedOptions = /* @__PURE__ */ resolveOptions()

/**
 * Classifies one status: synchronous, stateless, never throws on any input (a value that holds no
 * status gets a clean verdict with a `skipped` entry). Bad options throw `SpamFilterConfigError`.
 *
 * @param status - a Mastodon REST API Status (a boost classifies the boosted status), or a
 * Notification of type `mention`
 * @param options - viewer, thresholds, weights, allow lists, signals. Options holding only `now`
 * and `viewer` apply over the default options without resolving them again; the same options
 * object passed again is not checked again (pass a new object to change options)
 * @returns the verdict: label, score and reasons, highest score first
 * @example
 * const verdict = classifyStatus(status)
 * if (verdict.label !== 'clean') hideBehind('Filtered: potential spam', verdict.reasons[0].message)
 */
export function classifyStatus(status: ClassifiableInput | unknown, options?: ClassifyOptions): Verdict {
  return classifyWith(status, resolveForCall(options))
}

// Options resolved per options object: an app that passes the same object on every call has it
// checked once. Pass a new object to change options (one object is read once).
const RESOLVED = /* @__PURE__ */ new WeakMap<object, ResolvedOptions>()

/**
 * The resolved options of a `classifyStatus` call: the default; per-call context alone
 * (`{ now }`, `{ viewer }`) over the default, with nothing else checked again; options seen
 * before as the same object, as resolved then; anything else resolved in full.
 */
function resolveForCall(options: ClassifyOptions | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS
  if (typeof options !== 'object' || options === null) return resolveOptions(options)
  const known = RESOLVED.get(options)
  if (known !== undefined) return known
  const resolved = isContextOnly(options) ? withContext(DEFAULT_OPTIONS, options, '') : resolveOptions(options)
  RESOLVED.set(options, resolved)
  return resolved
}
