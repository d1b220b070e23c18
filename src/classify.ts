import { scanLinks, type LinkScan } from './links/status-links.js'
import type { BuiltinReasonParams } from './messages/types.js'
import { isContextOnly, resolveOptions, withContext, type ClassifyOptions, type ResolvedOptions } from './options.js'
import { scoreHits, type WeightedHit } from './score.js'
import type { SignalContext } from './signal.js'
import type { NormalizedStatus } from './status/normalized-status.js'
import { findStatus } from './status/detect-input.js'
import { isArray } from './status/fields.js'
import { readStatus } from './status/read-status.js'
import type { RefuseCamelCase } from './status/status-input.js'
import { readQuote } from './status/quote.js'
import { withQuote } from './quote.js'
import type { Skipped, Verdict } from './verdict.js'

const EMPTY: readonly never[] = []

function cleanVerdict(reason: Verdict['reasons'][number] | undefined, skipped: readonly Skipped[]): Verdict {
  return { label: 'clean', score: 0, reasons: reason === undefined ? EMPTY : [reason], skipped }
}

/**
 * The clean verdict of an allowed status, with its `allow-list` reason.
 *
 * @param params - why it is allowed
 * @param evidence - the acct or domain that allowed it
 * @param resolved - resolved options (the renderer)
 * @returns the verdict
 */
export function allowVerdict(params: BuiltinReasonParams['allow-list'], evidence: string, resolved: ResolvedOptions): Verdict {
  return cleanVerdict({ signal: 'allow-list', score: 0, message: resolved.render('allow-list', params, undefined), params, evidence: [evidence] }, EMPTY)
}

function allowed(status: NormalizedStatus, resolved: ResolvedOptions): Verdict | undefined {
  const { acct, host } = status.author
  if (acct !== '' && acct === resolved.viewer.acct) return allowVerdict({ kind: 'own', acct }, `@${acct}`, resolved)
  if (resolved.allowAccounts.has(acct)) return allowVerdict({ kind: 'account', acct }, `@${acct}`, resolved)
  if (host !== undefined) {
    for (const domain of resolved.allowDomains) {
      if (host === domain || host.endsWith(`.${domain}`)) return allowVerdict({ kind: 'server', host }, domain, resolved)
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
  const links = (): LinkScan => (scan ??= scanLinks(status, resolved.rules.hostsInText))
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
 * The verdict for input that holds no status, or more than one: clean, with a `skipped` entry
 * naming what was seen (never a silent clean).
 *
 * @param seen - what was seen, in words
 * @param count - how many statuses it holds
 * @param refused - the reason a notification chain was refused (a cycle, too deep), said as is
 * @returns the verdict
 */
export function noStatusVerdict(seen: string, count: number, refused?: string): Verdict {
  const detail = refused ?? (count === 0 ? `no status to classify in ${seen}` : `${seen}: classify each status on its own (detectInput(value).statuses lists them)`)
  return cleanVerdict(undefined, [{ signal: 'input', because: 'invalid-input', detail }])
}

/**
 * A quote post's verdict with its quote (Mastodon 4.5): the quoted status classified on its own,
 * one level deep, without the memory (it is not remembered either).
 *
 * @param status - the quoting status object, as found in the input
 * @param verdict - the quoting status's own verdict
 * @param resolved - resolved options
 * @returns the verdict, with its quote when the status quotes one
 */
export function withQuotedVerdict(status: object, verdict: Verdict, resolved: ResolvedOptions): Verdict {
  const quote = readQuote(status)
  if (quote === undefined) return verdict
  const base = resolved.memory === undefined ? resolved : { ...resolved, memory: undefined }
  const quoted = quote.status === undefined ? undefined : classifyNormalized(readStatus(quote.status, resolved.viewer.host, resolved.limits), base as ResolvedOptions)
  return withQuote(verdict, quote, quoted, resolved)
}

/**
 * Classifies a status object already found in the input (see `findStatus`), and the status it
 * quotes (Mastodon 4.5), one level deep.
 *
 * @param status - the status object (boosts and notifications unwrapped)
 * @param resolved - resolved options
 * @returns the verdict
 */
export function classifyFound(status: object, resolved: ResolvedOptions): Verdict {
  return withQuotedVerdict(status, classifyNormalized(readStatus(status, resolved.viewer.host, resolved.limits), resolved), resolved)
}

/**
 * Classifies with options resolved beforehand (what `createSpamFilter` does for every call).
 *
 * @param input - a Status, a boost, a Notification, or a wrapper of one, as parsed JSON
 * @param resolved - resolved options
 * @returns the verdict
 */
export function classifyWith(input: unknown, resolved: ResolvedOptions): Verdict {
  const found = findStatus(input)
  if (found.status === undefined) return noStatusVerdict(found.seen, found.count, found.detail)
  return classifyFound(found.status, resolved)
}

const DEFAULT_OPTIONS: ResolvedOptions = /* @__PURE__ */ resolveOptions()

/**
 * Classifies one status: synchronous, stateless, never throws on any input (a value that holds no
 * status gets a clean verdict with a `skipped` entry naming what was seen). Bad options throw
 * `SpamFilterConfigError`.
 *
 * @param status - a Mastodon REST API Status (a boost classifies the boosted status, a quote post
 * its quoted status too), a Notification of type `mention`, `status`, `update` or `quote`, or any
 * shape `detectInput` recognises (wrappers, admin webhooks, streaming events, masto.js entities,
 * Misskey notes, ActivityPub objects). A masto.js entity is refused by the type: pass it through
 * `fromMasto` (at run time it is adapted anyway).
 * @param options - viewer, thresholds, weights, allow lists, signals. Options holding only `now`
 * and `viewer` apply over the default options without resolving them again; the same options
 * object passed again is not checked again (pass a new object to change options)
 * @returns the verdict: label, score and reasons, highest score first
 * @example
 * const verdict = classifyStatus(status)
 * if (verdict.label !== 'clean') hideBehind('Filtered: potential spam', verdict.reasons[0].message)
 */
export function classifyStatus<T, CustomId extends string = never>(status: T & RefuseCamelCase<T>, options?: ClassifyOptions<CustomId>): Verdict {
  return classifyWith(status, resolveForCall(options as ClassifyOptions<string> | undefined))
}

// Options resolved per options object: an app that passes the same object on every call has it
// checked once. Pass a new object to change options (one object is read once).
const RESOLVED = /* @__PURE__ */ new WeakMap<object, ResolvedOptions>()

/**
 * The resolved options of a `classifyStatus` call: the default; per-call context alone
 * (`{ now }`, `{ viewer }`) over the default, with nothing else checked again; options seen
 * before as the same object, as resolved then; anything else resolved in full.
 */
function resolveForCall(options: ClassifyOptions<string> | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS
  if (typeof options !== 'object' || options === null || isArray(options)) return resolveOptions(options)
  const known = RESOLVED.get(options)
  if (known !== undefined) return known
  const resolved = isContextOnly(options) ? withContext(DEFAULT_OPTIONS, options, '') : resolveOptions(options)
  RESOLVED.set(options, resolved)
  return resolved
}
