import type { AccountInput, MentionInput, StatusInput } from '../status/status-input.js'
import type { ReadMastodonPush } from './push-payload.js'

/**
 * Notification types whose push `body` is the notifier's own status (its content warning or
 * text). For `favourite`, `reblog` and `poll` the body is the viewer's status; for `follow`,
 * `follow_request` and `admin.sign_up` it is the notifier's bio.
 */
const STATUS_TYPES: ReadonlySet<string> = new Set(['mention', 'status', 'update', 'quote', ''])
const BIO_TYPES: ReadonlySet<string> = new Set(['follow', 'follow_request', 'admin.sign_up'])

/** Whether a Mastodon notification type carries a status written by the notifier. */
export function isStatusType(type: string): boolean {
  return STATUS_TYPES.has(type)
}

// Mastodon's push titles are `notification_mailer.<type>.subject` (config/locales) with the name
// first. English: "%{name} mentioned you", "%{name} just posted", "… boosted your status" in older
// versions; Japanese: "%{name} さんに返信されました" (a mention), "%{name} さんからのフォローリクエスト".
const ENGLISH_TITLE = /^(.+?) (?:mentioned you|just posted|edited a (?:post|status)|(?:quoted|boosted|favou?rited) your (?:post|status)|is now following you|followed you|(?:has )?requested to follow you|signed up)$/su
const ENGLISH_PREFIX = /^(?:Pending follower|New follower|New sign-up): (.+)$/su
const JAPANESE_TITLE = /^(.+?)さん(?:が|に|から|の)/su

/**
 * The notifier's name in a push title: the display name, or the username when the display name is
 * empty (Mastodon writes `display_name.presence || username`). Titles in a locale this does not
 * know give the whole title, which still holds the name for the name-reading signals.
 *
 * @param title - the payload's title
 * @returns the name and whether a known title form was recognised
 */
export function readTitleName(title: string): { readonly name: string; readonly recognised: boolean } {
  // Titles longer than any name plus a sentence are not read with the patterns (bounded work).
  if (title.length <= 400) {
    const match = ENGLISH_TITLE.exec(title) ?? ENGLISH_PREFIX.exec(title) ?? JAPANESE_TITLE.exec(title)
    const name = match?.[1]?.trim()
    if (name !== undefined && name !== '') return { name, recognised: true }
  }
  return { name: title.trim(), recognised: false }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ESCAPES[c] ?? c)
}

// `@user` or `@user@host` as written in text (Mastodon strips the mention links, keeping the text).
const PLAIN_MENTION = /(?:^|[\s(（])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63})(?:@([\p{L}\p{N}][\p{L}\p{N}.-]{0,252}))?/gu

/**
 * The accounts a push body mentions, read from its text (`@user`, `@user@host`), each once.
 *
 * @param body - the push body
 * @param limit - the most mentions read
 * @returns mentions in the REST shape
 */
export function plainMentions(body: string, limit = 100): MentionInput[] {
  const seen = new Set<string>()
  const mentions: MentionInput[] = []
  for (const match of body.matchAll(PLAIN_MENTION)) {
    const username = (match[1] ?? '').replace(/[.-]+$/u, '')
    const host = match[2]?.replace(/[.-]+$/u, '')
    if (username === '') continue
    const acct = host === undefined || host === '' ? username : `${username}@${host}`
    if (seen.has(acct.toLowerCase())) continue
    seen.add(acct.toLowerCase())
    mentions.push({ acct, username })
    if (mentions.length >= limit) break
  }
  return mentions
}

/**
 * The status a Mastodon push payload describes, as far as the payload tells: the body as content
 * (with the mentions written in it), the name from the title as the display name, the icon as
 * the avatar. The account has no acct, username, age or counts: the signals that need them stay
 * silent rather than guess.
 *
 * @param push - the read payload
 * @returns a REST-shaped status
 */
export function payloadStatus(push: ReadMastodonPush): StatusInput {
  const { name } = readTitleName(push.title)
  const account: AccountInput = {
    display_name: name,
    ...(push.icon === '' ? {} : { avatar: push.icon, avatar_static: push.icon }),
    ...(BIO_TYPES.has(push.type) && push.body !== '' ? { note: `<p>${escapeHtml(push.body)}</p>` } : {}),
  }
  if (!isStatusType(push.type)) return { account }
  const paragraphs = push.body
    .split(/\n{2,}/u)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/gu, '<br>')}</p>`)
    .join('')
  return { content: paragraphs, account, mentions: plainMentions(push.body) }
}
