import type { Locale } from './messages/types.js'
import type { Verdict } from './verdict.js'

/** Mastodon's filter actions: show a warning, hide the status, or blur its media (Mastodon 4.4). */
export type FilterAction = 'warn' | 'hide' | 'blur'

/** Where a Mastodon filter applies. */
export type FilterContext = 'home' | 'notifications' | 'public' | 'thread' | 'account'

/**
 * Mastodon's `FilterResult`, as the REST API puts it in `status.filtered` (snake_case).
 *
 * @see https://docs.joinmastodon.org/entities/FilterResult/
 */
export interface FilterResult {
  readonly filter: {
    readonly id: string
    readonly title: string
    readonly context: FilterContext[]
    readonly filter_action: FilterAction
    readonly expires_at: null
    readonly keywords: []
    readonly statuses: []
  }
  readonly keyword_matches: string[] | null
  readonly status_matches: string[] | null
}

/** The same in masto.js's camelCase (`mastodon.v1.FilterResult`), for a masto.js client's `status.filtered`. */
export interface MastoFilterResult {
  readonly filter: {
    readonly id: string
    readonly title: string
    readonly context: FilterContext[]
    readonly filterAction: FilterAction
    readonly expiresAt: null
    readonly keywords: []
    readonly statuses: []
  }
  readonly keywordMatches: string[] | null
  readonly statusMatches: string[] | null
}

/** Options of `toFilterResult`. */
export interface FilterResultOptions {
  /** The action for a spam verdict: `warn` (fold behind "Filtered: …") or `hide`. @default 'warn' */
  readonly spam?: 'warn' | 'hide'
  /** When every piece of post evidence is in the media (a known spam image, text read from an image), blur the media instead of warning. @default true */
  readonly blurImageOnly?: boolean
  /** The filter's id, so a client can tell this filter apart from the user's own. @default 'mastodon-spam-filter' */
  readonly id?: string
  /** The title clients show ("Filtered: Potential spam"). @default by locale: 'Potential spam', 'スパムの可能性' */
  readonly title?: string
  /** The locale of the default title. @default 'en' */
  readonly locale?: Locale
  /** The contexts the filter applies in. @default all five */
  readonly context?: readonly FilterContext[]
  /** `rest` for Mastodon's snake_case JSON (default), `masto` for masto.js's camelCase entities. */
  readonly shape?: 'rest' | 'masto'
}

const TITLES: Readonly<Record<Locale, string>> = { en: 'Potential spam', ja: 'スパムの可能性' }
const CONTEXTS: readonly FilterContext[] = ['home', 'notifications', 'public', 'thread', 'account']
/** Signals about the account or its trust: not evidence in the post. */
const NOT_POST: ReadonlySet<string> = new Set(['new-account', 'bare-profile', 'machine-username', 'bot-account', 'author-server', 'established-author', 'followed-author', 'allow-list'])
/** Signals whose evidence is always in a picture. */
const IMAGE_SIGNALS: ReadonlySet<string> = new Set(['known-spam-image', 'image-duplicate'])
const MAX_KEYWORDS = 5

/** Whether every reason with post evidence found it in the media. */
function imageOnly(verdict: Verdict): boolean {
  let any = false
  for (const reason of verdict.reasons) {
    if (reason.score <= 0 || NOT_POST.has(reason.signal)) continue
    if (!IMAGE_SIGNALS.has(reason.signal) && reason.params.inImage !== true) return false
    any = true
  }
  return any
}

/**
 * Turns a verdict into the `FilterResult` Mastodon puts in `status.filtered`, so a client that
 * already honours server-side filters (the Mastodon client guidelines require it) shows
 * "Filtered: Potential spam" with no new UI: append it to `status.filtered`.
 *
 * Actions: `suspicious` → `warn`; `spam` → `warn` or `hide` (`options.spam`); when all the post's
 * evidence is in its pictures → `blur` (Mastodon 4.4), so only the media is hidden. A clean
 * verdict gives `undefined`. `keyword_matches` lists the evidence of the strongest reasons (up to
 * five: a domain, an invite, the accounts mentioned), which clients may show.
 *
 * @param verdict - a verdict of `classifyStatus` or a filter
 * @param options - actions, the filter's id and title, the shape
 * @returns the FilterResult, or `undefined` for a clean verdict
 * @example
 * const result = toFilterResult(classifyStatus(status), { spam: 'hide' })
 * if (result !== undefined) status.filtered = [...(status.filtered ?? []), result]
 */
export function toFilterResult(verdict: Verdict, options?: FilterResultOptions & { readonly shape?: 'rest' }): FilterResult | undefined
export function toFilterResult(verdict: Verdict, options: FilterResultOptions & { readonly shape: 'masto' }): MastoFilterResult | undefined
export function toFilterResult(verdict: Verdict, options: FilterResultOptions = {}): FilterResult | MastoFilterResult | undefined {
  if (verdict.label === 'clean') return undefined
  const action: FilterAction = (options.blurImageOnly ?? true) && imageOnly(verdict) ? 'blur' : verdict.label === 'spam' ? (options.spam ?? 'warn') : 'warn'
  const keywords: string[] = []
  for (const reason of verdict.reasons) {
    if (reason.score <= 0) continue
    for (const item of reason.evidence) {
      if (keywords.length >= MAX_KEYWORDS) break
      if (!keywords.includes(item)) keywords.push(item)
    }
  }
  const id = options.id ?? 'mastodon-spam-filter'
  const title = options.title ?? TITLES[options.locale ?? 'en']
  const context = [...(options.context ?? CONTEXTS)]
  const matches = keywords.length === 0 ? null : keywords
  if (options.shape === 'masto') {
    return { filter: { id, title, context, filterAction: action, expiresAt: null, keywords: [], statuses: [] }, keywordMatches: matches, statusMatches: null }
  }
  return { filter: { id, title, context, filter_action: action, expires_at: null, keywords: [], statuses: [] }, keyword_matches: matches, status_matches: null }
}
