/**
 * Recorded Mastodon API responses for the push tests, and the push payloads Mastodon would send
 * for them. The Notifications are the repo's own fixtures (fixtures/statuses, shaped like
 * docs.joinmastodon.org/entities/Notification) and a copy wave built with test/helpers; the
 * payload follows `Web::NotificationSerializer` (title = `notification_mailer.<type>.subject` with
 * the display name or else the username, body = the status text with tags stripped, entities
 * decoded, cut to 140 characters by Rails' `truncate`, icon = `avatar_static`).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MastodonPushPayload } from '../../src/push/push-payload.js'
import { makeSpamAccount, NOW, snowflakeId } from '../helpers/make-status.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

type Json = Record<string, unknown>

/** A fixture Notification (fixtures/statuses/…), as the server would answer `GET /api/v1/notifications/:id`. */
export function fixtureNotification(file: string): Json {
  return JSON.parse(readFileSync(join(ROOT, 'fixtures/statuses', file), 'utf8')) as Json
}

/** The February 2024 wave reaching a victim: 荒らし.com, four mentions, a minutes-old bare account. */
export const SPAM_MENTION = 'spam/2024-02-mention-notification-01.json'
/** A friend's reply with one mention. */
export const HAM_MENTION = 'ham/2025-03-mention-notification-01.json'

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' }

/** Rails' `strip_tags` then `HTMLEntities#decode` on the few entities Mastodon writes. */
function stripTags(html: string): string {
  return html
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/p><p>/giu, '\n\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/gu, (e) => ENTITIES[e] ?? e)
}

/** Rails' `truncate(text, length: 140)`: at most 140 characters, the last three `...` when cut. */
function truncate(text: string, length = 140): string {
  return text.length <= length ? text : `${text.slice(0, length - 3)}...`
}

const SUBJECTS: Record<string, string> = {
  mention: '%{name} mentioned you',
  status: '%{name} just posted',
  favourite: '%{name} favorited your post',
  reblog: '%{name} boosted your post',
  follow: '%{name} is now following you',
}

/** The decrypted push payload Mastodon sends for a Notification (English locale). */
export function pushPayloadFor(notification: Json, token = 'push-token-0001'): MastodonPushPayload {
  const account = notification['account'] as Json
  const status = notification['status'] as Json | null | undefined
  const type = String(notification['type'])
  const name = String(account['display_name'] ?? '') || String(account['username'])
  const source = status === null || status === undefined ? String(account['note'] ?? '') : String(status['spoiler_text'] ?? '') || String(status['content'] ?? '')
  return {
    access_token: token,
    preferred_locale: 'en',
    notification_id: String(notification['id']),
    notification_type: type,
    icon: String(account['avatar_static']),
    title: (SUBJECTS[type] ?? '%{name}').replace('%{name}', name),
    body: truncate(stripTags(source)),
  }
}

/** The text of the copy wave: no link, no listed phrase; only its repetition gives it away. */
export const WAVE_TEXT = 'I have something special waiting for you on my profile page, take a look before it is gone tonight and tell your friends'

/**
 * The `index`-th copy of a wave: each from a different fresh account, each mentioning the viewer
 * (`me@home.example`) and one stranger, minutes apart from `base`, by accounts created 30 minutes
 * before.
 */
export function waveNotification(index: number, base = NOW): Json {
  const username = `w${String(index).padStart(2, '0')}x7q9k2m`
  const at = base + index * 60_000
  const account = makeSpamAccount({
    id: snowflakeId(at - 30 * 60_000),
    username,
    acct: `${username}@open-reg.example`,
    url: `https://open-reg.example/@${username}`,
    display_name: username,
    created_at: `${new Date(at).toISOString().slice(0, 10)}T00:00:00.000Z`,
  })
  const other = `friend${index}`
  return {
    id: String(70_000_000 + index),
    type: 'mention',
    created_at: new Date(at).toISOString(),
    group_key: `ungrouped-${70_000_000 + index}`,
    account,
    status: {
      id: snowflakeId(at, index),
      created_at: new Date(at).toISOString(),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: 'en',
      uri: `https://open-reg.example/users/${username}/statuses/${index}`,
      url: `https://open-reg.example/@${username}/${index}`,
      content: `<p><span class="h-card" translate="no"><a href="https://home.example/@me" class="u-url mention">@<span>me</span></a></span> <span class="h-card" translate="no"><a href="https://example.social/@${other}" class="u-url mention">@<span>${other}</span></a></span> ${WAVE_TEXT}</p>`,
      account,
      media_attachments: [],
      mentions: [
        { id: '109000000000000900', username: 'me', url: 'https://home.example/@me', acct: 'me@home.example' },
        { id: `10900000000000${1000 + index}`, username: other, url: `https://example.social/@${other}`, acct: `${other}@example.social` },
      ],
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    },
  }
}
