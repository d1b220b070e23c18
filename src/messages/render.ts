import { SpamFilterConfigError } from '../errors.js'
import { en } from './en.js'
import { ja } from './ja.js'
import type { BuiltinMessages, Locale, MessageCatalog, MessageFunction, ReasonParams } from './types.js'

/** The built-in catalogs, by locale. */
export const MESSAGES: Readonly<Record<Locale, BuiltinMessages>> = { en, ja }

/** Renders the message of one reason from its signal id and params; `fallback` is the hit's own sentence. */
export type RenderMessage = (signal: string, params: ReasonParams, fallback: string | undefined) => string

function renderWith(catalog: Readonly<Record<string, MessageFunction<never> | undefined>>, signal: string, params: ReasonParams, fallback: string | undefined): string {
  const message = catalog[signal] as MessageFunction | undefined
  if (message !== undefined) {
    try {
      const text = message(params)
      if (typeof text === 'string') return text
    } catch {
      // A caller's message function that throws falls back, like a signal that throws.
    }
  }
  return fallback ?? signal
}

const RENDERERS: Partial<Record<Locale, RenderMessage>> = {}

/**
 * Checks the locale and messages options and builds the renderer: the caller's catalog first,
 * then the locale's built-in catalog, then the hit's own `message` (custom signals), then the id.
 *
 * @param locale - `'en'` or `'ja'`
 * @param messages - the caller's catalog, by signal id
 * @returns the renderer
 * @throws SpamFilterConfigError for an unknown locale or a catalog entry that is not a function
 */
export function createRenderer(locale: unknown = 'en', messages?: unknown): RenderMessage {
  if (locale !== 'en' && locale !== 'ja') throw new SpamFilterConfigError('locale', `must be 'en' or 'ja' (pass your own catalog in messages), got ${JSON.stringify(locale)}`)
  const builtin = MESSAGES[locale] as unknown as Readonly<Record<string, MessageFunction<never>>>
  if (messages === undefined) return (RENDERERS[locale] ??= (signal, params, fallback) => renderWith(builtin, signal, params, fallback))
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) throw new SpamFilterConfigError('messages', 'must be an object { [signal id]: (params) => string }')
  const own: Record<string, MessageFunction<never>> = {}
  for (const [signal, message] of Object.entries(messages)) {
    if (message === undefined) continue
    if (typeof message !== 'function') throw new SpamFilterConfigError(`messages["${signal}"]`, `must be a function (params) => string, got ${typeof message}`)
    own[signal] = message as MessageFunction<never>
  }
  const merged = { ...builtin, ...own }
  return (signal, params, fallback) => renderWith(merged, signal, params, fallback)
}

/**
 * Renders a reason's message again, in another locale or with another catalog: reasons keep their
 * `params`, so a client can store verdicts and show them in the reader's language later.
 *
 * @param reason - a reason (its `signal` and `params`; its `message` is the fallback)
 * @param options - the locale and a caller's catalog
 * @returns the message
 * @example
 * renderMessage(verdict.reasons[0], { locale: 'ja' }) //=> 'アカウントはこの投稿の6分前に作成されました。'
 */
export function renderMessage(reason: { readonly signal: string; readonly params?: ReasonParams; readonly message?: string }, options: { readonly locale?: Locale; readonly messages?: MessageCatalog } = {}): string {
  return createRenderer(options.locale ?? 'en', options.messages)(reason.signal, reason.params ?? {}, reason.message)
}
