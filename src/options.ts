import { canonicalAcct } from './status/acct.js'
import { checkKeys, SpamFilterConfigError } from './errors.js'
import { createRenderer, type RenderMessage } from './messages/render.js'
import type { Locale, MessageCatalog } from './messages/types.js'
import { RECOMMENDED_PRESET, RECOMMENDED_SIGNALS } from './presets/recommended.js'
import { DEFAULT_RULES } from './rules/default-rules.js'
import { resolveRules, type ResolvedRules, type RulesOption } from './rules/resolve-rules.js'
import type { Signal, SignalGroup, StatusMemory, ViewerContext } from './signal.js'
import { DEFAULT_READ_LIMITS, DEFAULT_TEXT_BUDGET, type ReadLimits } from './status/read-status.js'
import type { BuiltinSignalId, Thresholds } from './verdict.js'

/**
 * Whom the viewer follows: a set or list of accts (`user@host`, `@user@host` or a local `user`, any
 * case: they are compared in canonical form), or a predicate.
 */
export type FollowsOption = ReadonlySet<string> | readonly string[] | ((acct: string) => boolean)

/** The signed-in account. */
export interface ViewerOption {
  /** The viewer's acct as `user@host`; its host qualifies local accts (`alice` → `alice@host`). */
  readonly acct?: string
  /** Whom the viewer follows. A predicate receives canonical accts (`user@host`, lowercase). */
  readonly follows?: FollowsOption
}

/** Accounts and servers whose statuses are always clean. */
export interface AllowOptions {
  /** Accts (`user@host`) whose statuses are always clean. */
  readonly accounts?: readonly string[]
  /** Author servers (`example.social`, subdomains included) whose statuses are always clean. */
  readonly domains?: readonly string[]
}

/** Per-call facts: the time and the viewer. */
export interface ClassifyContext {
  /** The current time, used for account age when the status has no `created_at`. @default Date.now() */
  readonly now?: number | Date
  readonly viewer?: ViewerOption
}

/**
 * Weights by signal id: the built-in ids, checked by the type (a typo does not compile), and the
 * ids of the custom signals passed in `signals` (any string when their ids are typed `string`).
 */
export type WeightsOption<CustomId extends string = never> = { readonly [K in BuiltinSignalId | CustomId]?: number }

/**
 * Options of `classifyStatus` and `createSpamFilter`. `CustomId` is inferred from the ids of the
 * custom signals in `signals`; without custom signals `weights` accepts the built-in ids only.
 */
export interface ClassifyOptions<CustomId extends string = never> extends ClassifyContext {
  /** Label thresholds. @default { suspicious: 3, spam: 6 } */
  readonly thresholds?: Partial<Thresholds>
  /** Weight per signal id, overriding the recommended preset; 0 turns a signal off. */
  readonly weights?: WeightsOption<NoInfer<CustomId>>
  readonly allow?: AllowOptions
  /** The signals to run. @default RECOMMENDED_SIGNALS */
  readonly signals?: readonly Signal<BuiltinSignalId | CustomId>[]
  /** Reading limits for hostile input. @default { maxContentLength: 100000, maxListLength: 500, maxTextLength: 200000 } */
  readonly limits?: Partial<ReadLimits>
  /**
   * Rules documents (block and allow lists of link domains, author server lists, phrase lists),
   * as objects or JSON text, merged with the built-in lists. Checked completely: an invalid
   * document throws `SpamFilterConfigError` naming the bad entry (`rules.phrases[3]`).
   */
  readonly rules?: RulesOption
  /** The language of reason messages. @default 'en' */
  readonly locale?: Locale
  /**
   * Your own messages, by signal id, over the locale's: `{ 'mention-density': (p) => … }` (see
   * `BuiltinReasonParams` for what each built-in reason's params hold), and for custom signals.
   */
  readonly messages?: MessageCatalog
}

/** Options checked and merged with the preset, ready for many calls. */
export interface ResolvedOptions {
  readonly thresholds: Thresholds
  readonly groupCaps: Readonly<Record<SignalGroup, number>>
  readonly authorGate: number
  readonly signals: readonly { readonly signal: Signal; readonly weight: number }[]
  readonly allowAccounts: ReadonlySet<string>
  readonly allowDomains: readonly string[]
  readonly viewer: ViewerContext
  readonly now: number | undefined
  readonly limits: ReadLimits
  /** The built-in lists merged with `options.rules`, compiled. */
  readonly rules: ResolvedRules
  /** Renders reason messages in the chosen locale and catalog. */
  readonly render: RenderMessage
  /** The memory of a filter (`createSpamFilter`); never set by `resolveOptions`, so `classifyStatus` stays stateless. */
  readonly memory?: StatusMemory
}

/** The keys of `ClassifyOptions`, checked so a misspelt option (`threshold`, `viwer`) throws. */
export const CLASSIFY_KEYS: readonly string[] = ['viewer', 'now', 'thresholds', 'weights', 'allow', 'signals', 'limits', 'rules', 'locale', 'messages']
/** The keys only `createSpamFilter` takes. */
export const FILTER_KEYS: readonly string[] = ['memory', 'ocr', 'ocrMode', 'ocrCacheSize']
const CONTEXT_KEYS: readonly string[] = ['now', 'viewer']

const GROUPS: ReadonlySet<string> = new Set<SignalGroup>(['mentions', 'links', 'text', 'duplicates', 'media', 'author', 'trust'])
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u

function finite(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SpamFilterConfigError(option, `must be a finite number, got ${String(value)}`)
  return value
}

/** Checks that an optional option is a plain object, so `thresholds: 5` is not silently ignored. */
function optionalObject(value: unknown, option: string, shape: string): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new SpamFilterConfigError(option, `must be an object ${shape}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`)
  }
}

function readNow(now: unknown, option: string): number | undefined {
  if (now === undefined) return undefined
  const ms = now instanceof Date ? now.getTime() : now
  return finite(ms, option)
}

function stringList(value: unknown, option: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new SpamFilterConfigError(option, 'must be an array of strings')
  // Checked before the entries: a sparse `Array(2 ** 32 - 1)` is refused at once.
  if (value.length > 1_000_000) throw new SpamFilterConfigError(option, `has ${value.length} entries, more than 1000000`)
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') throw new SpamFilterConfigError(`${option}[${index}]`, `must be a non-empty string, got ${JSON.stringify(entry)}`)
    return entry
  })
}

/**
 * Builds the viewer context from the option. A set is consulted live (no copy), so an app can pass
 * its live follow set; a list is copied into a set once. Either way entries are compared in canonical
 * form (lowercase, no leading `@`, local names qualified with the viewer's host).
 */
export function resolveViewer(viewer: ViewerOption | undefined, option = 'viewer'): ViewerContext {
  if (viewer === undefined) return { acct: undefined, host: undefined, follows: () => undefined }
  if (typeof viewer !== 'object' || viewer === null) throw new SpamFilterConfigError(option, 'must be an object { acct?, follows? }')
  checkKeys(viewer, ['acct', 'follows'], option)
  if (viewer.acct !== undefined && typeof viewer.acct !== 'string') throw new SpamFilterConfigError(`${option}.acct`, 'must be a string like "user@example.social"')
  const acct = viewer.acct === undefined ? undefined : canonicalAcct(viewer.acct) || undefined
  const at = acct?.indexOf('@') ?? -1
  const host = acct !== undefined && at >= 0 ? acct.slice(at + 1) : undefined
  const follows = viewer.follows
  if (follows === undefined) return { acct, host, follows: () => undefined }
  if (typeof follows === 'function') {
    return {
      acct,
      host,
      follows: (a) => {
        try {
          return follows(a) === true
        } catch {
          return undefined
        }
      },
    }
  }
  if (Array.isArray(follows)) {
    const set = new Set(stringList(follows, `${option}.follows`).map((a) => canonicalAcct(a, host)))
    return { acct, host, follows: (a) => set.has(a) }
  }
  if (!(follows instanceof Set)) throw new SpamFilterConfigError(`${option}.follows`, 'must be a Set or array of accts, or a function (acct) => boolean')
  return { acct, host, follows: liveFollows(follows as ReadonlySet<unknown>, host) }
}

/**
 * Looks accts up in a Set the app keeps (and may change): an entry in canonical form is found at
 * once; any other spelling (`@Alice@Example.Social`, a local `alice`) through a canonical index of
 * the set, rebuilt whenever the set's size has changed since it was built. Apps fill follow sets
 * from `account.acct`, which keeps the case people chose, so comparing as given would miss them.
 */
function liveFollows(set: ReadonlySet<unknown>, host: string | undefined): (acct: string) => boolean {
  let index: Set<string> | undefined
  let indexedSize = -1
  return (a) => {
    if (set.has(a)) return true
    if (set.size !== indexedSize || index === undefined) {
      index = new Set()
      for (const entry of set) if (typeof entry === 'string') index.add(canonicalAcct(entry, host))
      indexedSize = set.size
    }
    return index.has(a)
  }
}

/**
 * Checks options and merges them with the recommended preset. Throws `SpamFilterConfigError`
 * naming the first bad option.
 *
 * @param options - the caller's options
 * @returns resolved options
 */
export function resolveOptions(options: ClassifyOptions<string> = {}, filter = false): ResolvedOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SpamFilterConfigError('options', `must be an object or undefined, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`)
  }
  if (filter) checkKeys(options, [...CLASSIFY_KEYS, ...FILTER_KEYS], '')
  else checkKeys(options, CLASSIFY_KEYS, '', { keys: FILTER_KEYS, where: 'createSpamFilter' })
  const preset = RECOMMENDED_PRESET
  optionalObject(options.thresholds, 'thresholds', '{ suspicious?, spam? }')
  optionalObject(options.weights, 'weights', '{ [signal id]: number }')
  optionalObject(options.allow, 'allow', '{ accounts?, domains? }')
  optionalObject(options.limits, 'limits', '{ maxContentLength?, maxListLength?, maxTextLength? }')
  if (options.thresholds !== undefined) checkKeys(options.thresholds, ['suspicious', 'spam'], 'thresholds')
  if (options.allow !== undefined) checkKeys(options.allow, ['accounts', 'domains'], 'allow')
  if (options.limits !== undefined) checkKeys(options.limits, ['maxContentLength', 'maxListLength', 'maxTextLength'], 'limits')
  const thresholds = {
    suspicious: finite(options.thresholds?.suspicious ?? preset.thresholds.suspicious, 'thresholds.suspicious'),
    spam: finite(options.thresholds?.spam ?? preset.thresholds.spam, 'thresholds.spam'),
  }
  if (thresholds.suspicious <= 0) throw new SpamFilterConfigError('thresholds.suspicious', `must be greater than 0, got ${thresholds.suspicious}`)
  if (thresholds.spam < thresholds.suspicious) throw new SpamFilterConfigError('thresholds.spam', `must be at least thresholds.suspicious (${thresholds.suspicious}), got ${thresholds.spam}`)

  const signalList = options.signals ?? RECOMMENDED_SIGNALS
  if (!Array.isArray(signalList)) throw new SpamFilterConfigError('signals', 'must be an array of signals')
  if (signalList.length > 1_000) throw new SpamFilterConfigError('signals', `has ${signalList.length} signals, more than 1000`)
  const seen = new Set<string>()
  const weights = options.weights ?? {}
  const signals = signalList.map((signal: Signal, index) => {
    const option = `signals[${index}]`
    if (typeof signal !== 'object' || signal === null || typeof signal.evaluate !== 'function') throw new SpamFilterConfigError(option, 'must be a signal { id, group, evaluate }')
    if (typeof signal.id !== 'string' || !KEBAB.test(signal.id)) throw new SpamFilterConfigError(`${option}.id`, `must be a kebab-case id, got ${JSON.stringify(signal.id)}`)
    if (seen.has(signal.id)) throw new SpamFilterConfigError(`${option}.id`, `repeats the id "${signal.id}"`)
    seen.add(signal.id)
    if (!GROUPS.has(signal.group)) throw new SpamFilterConfigError(`${option}.group`, `must be one of ${[...GROUPS].join(', ')}, got ${JSON.stringify(signal.group)}`)
    const weight = weights[signal.id] ?? preset.weights[signal.id]
    if (weight === undefined) throw new SpamFilterConfigError(`weights["${signal.id}"]`, `is required for the custom signal "${signal.id}"`)
    return { signal, weight: finite(weight, `weights["${signal.id}"]`) }
  })
  for (const id of Object.keys(weights)) {
    if (!seen.has(id)) throw new SpamFilterConfigError(`weights["${id}"]`, `names no signal in use (known: ${[...seen].join(', ')})`)
  }

  const limits = {
    maxContentLength: options.limits?.maxContentLength ?? DEFAULT_READ_LIMITS.maxContentLength,
    maxListLength: options.limits?.maxListLength ?? DEFAULT_READ_LIMITS.maxListLength,
    maxTextLength: options.limits?.maxTextLength ?? DEFAULT_TEXT_BUDGET,
  }
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new SpamFilterConfigError(`limits.${key}`, `must be a positive integer, got ${String(value)}`)
  }

  const viewer = resolveViewer(options.viewer)
  return {
    thresholds,
    groupCaps: preset.groupCaps,
    authorGate: preset.authorGate,
    signals: signals.filter((s) => s.weight !== 0),
    allowAccounts: new Set(stringList(options.allow?.accounts, 'allow.accounts').map((a) => canonicalAcct(a, viewer.host))),
    allowDomains: stringList(options.allow?.domains, 'allow.domains').map((d) => d.trim().toLowerCase().replace(/^\.+/u, '')),
    viewer,
    now: readNow(options.now, 'now'),
    limits,
    rules: options.rules === undefined ? DEFAULT_RULES : resolveRules(options.rules),
    render: createRenderer(options.locale ?? 'en', options.messages),
  }
}

/**
 * Applies per-call context (time, viewer) over resolved options.
 *
 * @param resolved - options resolved once
 * @param context - the call's context
 * @returns options for this call
 */
export function withContext(resolved: ResolvedOptions, context: ClassifyContext | undefined, prefix = 'context.'): ResolvedOptions {
  if (context === undefined) return resolved
  if (typeof context !== 'object' || context === null) throw new SpamFilterConfigError(prefix === '' ? 'options' : 'context', 'must be an object { now?, viewer? }')
  checkKeys(context, [...CONTEXT_KEYS, 'signal'], prefix === '' ? '' : 'context')
  return {
    ...resolved,
    viewer: context.viewer === undefined ? resolved.viewer : resolveViewer(context.viewer, `${prefix}viewer`),
    now: context.now === undefined ? resolved.now : readNow(context.now, `${prefix}now`),
  }
}

/**
 * Whether options hold only per-call context (`now`, `viewer`): then they apply over options
 * resolved once (`withContext`), and nothing else is checked again.
 *
 * @param options - the options of a call
 * @returns `true` for `{ now }`, `{ viewer }`, `{ now, viewer }` and `{}`
 */
export function isContextOnly(options: object): boolean {
  for (const key in options) if (key !== 'now' && key !== 'viewer') return false
  return true
}
