// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the extension APIs are declared globally in chrome.d.ts (no @types/chrome)
/// <reference path="./chrome.d.ts" />
/** The extension's settings, kept in chrome.storage.sync (so they follow the browser profile). */
export type Mode = 'fold' | 'blur' | 'log'
export type UiLocale = 'auto' | 'en' | 'ja'

export interface Settings {
  /** Mastodon servers whose web UI the content script runs on: `mastodon.social`, `127.0.0.1:3000`. */
  readonly hosts: readonly string[]
  /** fold: hide behind "Filtered: potential spam"; blur: blur the text and media; log: console only. */
  readonly mode: Mode
  /** Accounts (`user@host`) never flagged. */
  readonly allowAccounts: readonly string[]
  /** Author servers never flagged (subdomains included). */
  readonly allowDomains: readonly string[]
  /** Language of the fold and of the reasons; auto follows the page (Mastodon sets `<html lang>`). */
  readonly locale: UiLocale
}

export const DEFAULT_SETTINGS: Settings = { hosts: [], mode: 'fold', allowAccounts: [], allowDomains: [], locale: 'auto' }

const MODES: readonly Mode[] = ['fold', 'blur', 'log']
const LOCALES: readonly UiLocale[] = ['auto', 'en', 'ja']

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [])

/** Reads stored settings, dropping anything malformed back to its default. */
export function parseSettings(stored: Record<string, unknown>): Settings {
  return {
    hosts: strings(stored['hosts']).map((h) => h.toLowerCase()),
    mode: MODES.includes(stored['mode'] as Mode) ? (stored['mode'] as Mode) : DEFAULT_SETTINGS.mode,
    allowAccounts: strings(stored['allowAccounts']),
    allowDomains: strings(stored['allowDomains']),
    locale: LOCALES.includes(stored['locale'] as UiLocale) ? (stored['locale'] as UiLocale) : DEFAULT_SETTINGS.locale,
  }
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await chrome.storage.sync.get(null))
}

/**
 * The match pattern for a host the user typed. Loopback hosts are served over http (a local
 * development server); every other Mastodon server over https. Match patterns carry no port.
 */
export function originPattern(host: string): string {
  const name = host.replace(/:\d+$/u, '')
  const local = name === 'localhost' || name === '127.0.0.1' || name === '[::1]'
  return `${local ? 'http' : 'https'}://${name}/*`
}

export const CONTENT_SCRIPT_ID = 'mastodon-spam-filter'

/**
 * Registers the content script on the hosts the user granted, replacing any earlier registration.
 * Called by the options page after a change and by the background worker at start-up.
 */
export async function syncContentScripts(hosts: readonly string[]): Promise<string[]> {
  const granted: string[] = []
  for (const pattern of new Set(hosts.map(originPattern))) if (await chrome.permissions.contains({ origins: [pattern] })) granted.push(pattern)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] })
  if (granted.length > 0) {
    await chrome.scripting.registerContentScripts([{ id: CONTENT_SCRIPT_ID, matches: granted, js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true }])
  }
  return granted
}
