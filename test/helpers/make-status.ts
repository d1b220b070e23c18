/**
 * Builders for Mastodon REST API Status JSON (snake_case, the wire format), so a test names only
 * what it is about. Every value here is made up for the tests; the spam-like account follows the
 * indicators documented in ../shared/corpus/spam/spam-facts.md (10 random characters, display
 * name equal to the username, `/avatars/original/missing.png`, 0 followers, 0 following).
 */
import type { AccountInput, MentionInput, StatusInput } from '../../src/status/status-input.js'

/** The time the test statuses are posted: during the February 2024 wave. */
export const POSTED_AT = '2024-02-16T12:00:00.000Z'
/** `POSTED_AT` in ms. */
export const NOW = Date.parse(POSTED_AT)
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** A Status whose `account` may be given in part (merged over `makeAccount()`). */
export type StatusOverrides = Omit<StatusInput, 'account'> & { readonly account?: Partial<AccountInput> | null }

/**
 * An ordinary person's account on example.social: two years old, a picture, a bio, 120
 * followers. Fires no author signal; `established-author` fires (a trust signal, which counts
 * only when something else fired).
 */
export function makeAccount(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    id: '109000000000000001',
    username: 'alice',
    acct: 'alice@example.social',
    url: 'https://example.social/@alice',
    display_name: 'Alice W.',
    note: '<p>Gardening, bread and bikes.</p>',
    avatar: 'https://files.example.social/accounts/avatars/000/000/001/original/cat.png',
    avatar_static: 'https://files.example.social/accounts/avatars/000/000/001/original/cat.png',
    locked: false,
    bot: false,
    created_at: '2022-01-10T00:00:00.000Z',
    followers_count: 120,
    following_count: 80,
    statuses_count: 300,
    fields: [],
    ...overrides,
  }
}

/** An account with every February 2024 indicator, created 10 minutes before `POSTED_AT`. */
export function makeSpamAccount(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    // A snowflake id minted at 11:50 on the day `created_at` names.
    id: snowflakeId(NOW - 10 * 60_000),
    username: '5wq130rvkg',
    acct: '5wq130rvkg@spam.example',
    url: 'https://spam.example/@5wq130rvkg',
    display_name: '5wq130rvkg',
    note: '',
    avatar: 'https://spam.example/avatars/original/missing.png',
    avatar_static: 'https://spam.example/avatars/original/missing.png',
    locked: false,
    bot: false,
    created_at: '2024-02-16T00:00:00.000Z',
    followers_count: 0,
    following_count: 0,
    statuses_count: 1,
    fields: [],
    ...overrides,
  }
}

/** A snowflake id (`ms << 16`) for a time in ms, as Mastodon mints them. */
export function snowflakeId(ms: number, sequence = 0): string {
  return String((BigInt(ms) << 16n) + BigInt(sequence))
}

/**
 * A public, non-reply status by `makeAccount()` saying "Hello there" unless overridden.
 * `account` overrides are merged over `makeAccount()`; `account: null` removes it.
 */
export function makeStatus(overrides: StatusOverrides = {}): StatusInput {
  const { account, ...rest } = overrides
  return {
    id: '111939000000000000',
    uri: 'https://example.social/users/alice/statuses/111939000000000000',
    url: 'https://example.social/@alice/111939000000000000',
    created_at: POSTED_AT,
    content: '<p>Hello there</p>',
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    media_attachments: [],
    mentions: [],
    tags: [],
    card: null,
    poll: null,
    language: 'en',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog: null,
    ...rest,
    account: account === null ? null : makeAccount(account ?? {}),
  }
}

/** Splits `user@host` into its parts; a bare `user` lives on example.social. */
function parts(acct: string): { username: string; host: string } {
  const [username = '', host = 'example.social'] = acct.replace(/^@/u, '').split('@')
  return { username, host }
}

/** The profile URL Mastodon gives a mention. */
export function profileUrl(acct: string): string {
  const { username, host } = parts(acct)
  return `https://${host}/@${username}`
}

/** Mastodon's h-card markup for one mention, as in a status's `content`. */
export function mentionHtml(acct: string, href = profileUrl(acct)): string {
  const { username } = parts(acct)
  return `<span class="h-card" translate="no"><a href="${href}" class="u-url mention">@<span>${username}</span></a></span>`
}

/** The `mentions` array entry for an acct (`user@host`, or a local `user`). */
export function mentionEntry(acct: string): MentionInput {
  const { username } = parts(acct)
  return { id: `9${username.length}${acct.length}`, username, acct, url: profileUrl(acct) }
}

/**
 * A status that mentions `accts`, with matching HTML and `mentions` array, followed by `text`.
 *
 * @param accts - the mentioned accts
 * @param text - text written after the mentions ('' for a mentions-only post)
 * @param overrides - other fields
 */
export function makeMentionStatus(accts: readonly string[], text = '', overrides: StatusOverrides = {}): StatusInput {
  const mentions = accts.map((a) => mentionHtml(a)).join(' ')
  return makeStatus({
    content: `<p>${mentions}${text === '' ? '' : ` ${text}`}</p>`,
    mentions: accts.map(mentionEntry),
    ...overrides,
  })
}

/** `n` distinct accts on a few servers: `user1@a.example`, `user2@b.example`, … */
export function someAccts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `user${i + 1}@${'abc'[i % 3] ?? 'a'}.example`)
}

/**
 * A status shaped like the February 2024 wave: 4 mentions of strangers, nothing else, from a
 * spam-indicator account.
 */
export function makeWaveStatus(overrides: StatusOverrides = {}): StatusInput {
  return makeMentionStatus(someAccts(4), '', { account: makeSpamAccount(), ...overrides })
}
