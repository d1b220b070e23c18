import type { AccountInput, MediaAttachmentInput, MentionInput, StatusInput } from '../src/index.js'

/** The server the wrapped JSON is "fetched from" (the viewer's server). */
export const HOME_HOST = 'home.example'
const MINUTE = 60_000

/**
 * A Mastodon snowflake id for a time: the top 48 bits are ms since the epoch, the low 16 bits a
 * sequence.
 *
 * @param ms - ms since the epoch
 * @param sequence - the low 16 bits
 * @returns the id, as the API writes it
 */
export function snowflakeId(ms: number, sequence = 0): string {
  return ((BigInt(Math.floor(ms)) << 16n) | BigInt(sequence & 0xffff)).toString()
}

/** The account facts of a spam wave, as documented. */
export interface SpamAccountFacts {
  readonly username: string
  readonly host: string
  /** When the status was posted. */
  readonly postedAt: number
  /** Minutes between sign-up and the post. */
  readonly minutesBefore: number
  readonly displayName?: string
}

/**
 * The account of the 2024 waves: `display_name == username`, Mastodon's default avatar, 0
 * followers and 0 following, `created_at` at midnight UTC of the posting day, and an id whose
 * snowflake time is a few minutes before the post.
 *
 * @param facts - username, host and times
 * @returns the Account JSON
 */
export function scriptedAccount(facts: SpamAccountFacts): AccountInput & Record<string, unknown> {
  const created = facts.postedAt - facts.minutesBefore * MINUTE
  const day = new Date(facts.postedAt).toISOString().slice(0, 10)
  return {
    id: snowflakeId(created, 1),
    username: facts.username,
    acct: `${facts.username}@${facts.host}`,
    display_name: facts.displayName ?? facts.username,
    locked: false,
    bot: false,
    created_at: `${day}T00:00:00.000Z`,
    note: '',
    url: `https://${facts.host}/@${facts.username}`,
    avatar: `https://${HOME_HOST}/avatars/original/missing.png`,
    avatar_static: `https://${HOME_HOST}/avatars/original/missing.png`,
    header: `https://${HOME_HOST}/headers/original/missing.png`,
    followers_count: 0,
    following_count: 0,
    statuses_count: 1,
    fields: [],
  }
}

/**
 * An account with no documented indicators: two months old, a picture, a handful of followers.
 * Used for waves whose accounts nobody described, so only the content can flag them.
 *
 * @param username - the username
 * @param host - its server
 * @param postedAt - when the status was posted
 * @param displayName - the display name
 * @returns the Account JSON
 */
export function plainAccount(username: string, host: string, postedAt: number, displayName: string): AccountInput & Record<string, unknown> {
  const created = postedAt - 60 * 24 * 60 * MINUTE
  return {
    id: snowflakeId(created, 2),
    username,
    acct: `${username}@${host}`,
    display_name: displayName,
    locked: false,
    bot: false,
    created_at: `${new Date(created).toISOString().slice(0, 10)}T00:00:00.000Z`,
    note: '',
    url: `https://${host}/@${username}`,
    avatar: `https://files.${HOME_HOST}/accounts/avatars/${username}/original/avatar.png`,
    avatar_static: `https://files.${HOME_HOST}/accounts/avatars/${username}/original/avatar.png`,
    followers_count: 5,
    following_count: 20,
    statuses_count: 15,
    fields: [],
  }
}

/**
 * Example victims, `userNN@example.social` style, spread over three servers.
 *
 * @param count - how many
 * @param from - number of the first one
 * @returns accts (`user@host`)
 */
export function exampleVictims(count: number, from = 1): string[] {
  const hosts = ['example.social', 'example.net', 'example.org']
  return Array.from({ length: count }, (_, i) => `user${String(from + i).padStart(2, '0')}@${hosts[i % hosts.length] ?? 'example.social'}`)
}

/**
 * Mastodon's mention markup (`h-card` span around a `u-url mention` anchor).
 *
 * @param acct - `user@host`
 * @returns the HTML
 */
export function mentionHtml(acct: string): string {
  const [user = '', host = ''] = acct.split('@')
  return `<span class="h-card" translate="no"><a href="https://${host}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`
}

/**
 * The `mentions` array of a Status for accts.
 *
 * @param accts - `user@host` each
 * @returns the Mention entries (id, username, acct, url)
 */
export function mentionEntries(accts: readonly string[]): MentionInput[] {
  return accts.map((acct, i) => {
    const [user = '', host = ''] = acct.split('@')
    return { id: String(110_000_000_000_000_000n + BigInt(i * 7_919 + 11)), username: user, acct, url: `https://${host}/@${user}` }
  })
}

const MENTION_ANCHOR = /<a href="[^"]{0,300}" class="u-url mention">@<span>[^<]{0,100}<\/span><\/a>/gu

/**
 * Gives a real spam content the documented number of mentions, of example victims: the source's
 * redacted mention anchors (`@someuser`, `REDACTED`, `abc`) are rewritten in order, and missing
 * ones are put in front, where Mastodon puts them.
 *
 * @param html - the content HTML
 * @param count - the documented number of mentions (at least the number in the HTML)
 * @param from - number of the first victim
 * @returns the content and the `mentions` array
 */
export function withVictims(html: string, count: number, from = 1): { content: string; mentions: MentionInput[] } {
  const present = html.match(MENTION_ANCHOR)?.length ?? 0
  const victims = exampleVictims(Math.max(count, present), from)
  let next = Math.max(0, count - present)
  const rewritten = html.replace(MENTION_ANCHOR, () => {
    const acct = victims[next++] ?? 'user00@example.social'
    return mentionHtml(acct).replace(/^<span class="h-card" translate="no">|<\/span>$/gu, '')
  })
  const missing = victims.slice(0, Math.max(0, count - present)).map(mentionHtml).join(' ')
  return { content: missing === '' ? rewritten : `<p>${missing}</p>${rewritten}`, mentions: mentionEntries(victims) }
}

/** What `wrapStatus` needs besides the account. */
export interface WrapParts {
  readonly postedAt: number
  readonly content: string
  readonly mentions?: readonly MentionInput[]
  readonly media?: readonly MediaAttachmentInput[]
  readonly language?: string | null
  readonly tags?: readonly { name: string; url: string }[]
}

/**
 * A Mastodon REST Status around a content and an account, as the viewer's server would serve it.
 *
 * @param account - the author
 * @param parts - time, content, mentions, media
 * @returns the Status JSON
 */
export function wrapStatus(account: AccountInput, parts: WrapParts): StatusInput & Record<string, unknown> {
  const id = snowflakeId(parts.postedAt, 3)
  const host = (account.url ?? '').split('/')[2] ?? HOME_HOST
  return {
    id,
    created_at: new Date(parts.postedAt).toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: parts.language ?? null,
    uri: `https://${host}/users/${account.username ?? ''}/statuses/${id}`,
    url: `https://${host}/@${account.username ?? ''}/${id}`,
    content: parts.content,
    reblog: null,
    account,
    media_attachments: parts.media ?? [],
    mentions: parts.mentions ?? [],
    tags: parts.tags ?? [],
    emojis: [],
    card: null,
    poll: null,
  }
}
