/**
 * A shareable rules document: block lists, allow lists, server lists and phrase lists, as JSON.
 * The schema is versioned (`version: 1`) and documented in `schema/rules.v1.json`.
 *
 * @example
 * {
 *   "$schema": "https://unpkg.com/mastodon-spam-filter/schema/rules.v1.json",
 *   "version": 1,
 *   "name": "Example community list",
 *   "blockDomains": ["spam.example"],
 *   "allowDomains": ["bit.ly"],
 *   "servers": { "domains": ["open-registration.example"], "blocked": false },
 *   "phrases": ["\"join my server\" discord", { "pattern": "free nitro", "blatant": true }]
 * }
 */
export interface RulesDocument {
  /** A JSON Schema URL for editors; ignored. */
  readonly $schema?: string
  /** The schema version: 1. */
  readonly version: 1
  /** A name for the list, shown in reason messages (`on the block list "…"`). */
  readonly name?: string
  /** Free text for people; ignored. */
  readonly description?: string
  /**
   * Link domains that are spam: a link to one or a subdomain is blatant (the campaign-domain
   * signal). Written as `example.com`, `荒らし.com` or `xn--68j5e377y.com`, `name.github.io`,
   * or an IP address.
   */
  readonly blockDomains?: readonly string[]
  /** Link domains that link signals never flag (an allow list beats every block list). */
  readonly allowDomains?: readonly string[]
  /** More URL shortener domains for the url-shortener signal. */
  readonly shorteners?: readonly string[]
  /** Servers whose accounts sent spam: a list, or several lists. */
  readonly servers?: ServerList | readonly ServerList[]
  /** Phrase rules (see `compilePhrase` for the syntax). */
  readonly phrases?: readonly (string | PhraseRule)[]
  /**
   * Account names to flag (the `username-block` signal), as Mastodon 4.4's username blocks: a
   * string is a blocked name matched anywhere in the username (`contains`); compared in lower
   * case with digits read as letters (`sp4m` matches `spam`) and look-alike letters folded.
   */
  readonly usernames?: readonly (string | UsernameRule)[]
}

/** An account name rule (Mastodon 4.4's username block). */
export interface UsernameRule {
  readonly username: string
  /** `equals`: the whole username; `contains`: anywhere in it. @default 'contains' */
  readonly comparison?: 'equals' | 'contains'
  /** Blocked names give a strong signal; `false` (Mastodon's "allow with approval") a weak one. @default true */
  readonly blocked?: boolean
}

/** Author servers (the host of the author's acct), subdomains included. */
export interface ServerList {
  readonly domains: readonly string[]
  /** Whether these servers are blocked: a strong signal instead of a weak one. @default false */
  readonly blocked?: boolean
}

/** A phrase rule with options. */
export interface PhraseRule {
  readonly pattern: string
  /** Whether a match is blatant spam, not cleared by following the author. @default false */
  readonly blatant?: boolean
  /** Free text for people; ignored. */
  readonly note?: string
}

/** One problem found in a rules document. */
export interface RulesProblem {
  /** The path of the bad entry, e.g. `rules.phrases[3]`. */
  readonly path: string
  /** What is wrong, e.g. `must be a domain name like example.com, got "http://x"`. */
  readonly problem: string
}
