import { asId, asString, field } from '../status/fields.js'
import type { MisskeyNoteLike, MisskeyUserLike } from '../status/from-misskey.js'

/**
 * Mastodon's Web Push payload, once decrypted (`Web::NotificationSerializer`): what a service
 * worker or a notification extension holds when a push arrives. Every field may be missing or
 * of another type at run time: the reader treats it as no evidence.
 *
 * @see https://docs.joinmastodon.org/methods/push/
 */
export interface MastodonPushPayload {
  /** The token the push subscription was created with: it may read `GET /api/v1/notifications/:id`. */
  readonly access_token?: string | null
  /** The receiving user's locale (`en`, `ja`, …): the language of `title`. */
  readonly preferred_locale?: string | null
  /** The Notification's id (a string in current Mastodon, a number in older servers). */
  readonly notification_id?: string | number | null
  /** `mention`, `status`, `reblog`, `follow`, `follow_request`, `favourite`, `poll`, `update`, `admin.sign_up`, … */
  readonly notification_type?: string | null
  /** The notifying account's `avatar_static` URL (`…/avatars/original/missing.png` for the default). */
  readonly icon?: string | null
  /** A localized sentence naming the account: `Alice mentioned you` (display name, or username when empty). */
  readonly title?: string | null
  /** The status's content warning, else its text, with tags stripped, cut to 140 characters. */
  readonly body?: string | null
}

/**
 * A Misskey notification as `packages/backend`'s `PushNotificationService` sends it: the note's
 * text is replaced by its summary and `note.user` is dropped (the notifier is `body.user`).
 */
export interface MisskeyNotificationLike {
  readonly id?: string | null
  readonly createdAt?: string | null
  /** `mention`, `reply`, `quote`, `note`, `renote`, `reaction`, `follow`, … */
  readonly type?: string | null
  readonly userId?: string | null
  readonly user?: MisskeyUserLike | null
  readonly note?: MisskeyNoteLike | null
}

/**
 * Misskey's Web Push payload, once decrypted: `{ type, body, userId, dateTime }`. Only
 * `notification` and `unreadAntennaNote` pushes carry a note.
 */
export interface MisskeyPushPayload {
  readonly type?: 'notification' | 'unreadAntennaNote' | 'readAllNotifications' | 'newChatMessage' | (string & {}) | null
  readonly body?: MisskeyNotificationLike | { readonly antenna?: unknown; readonly note?: MisskeyNoteLike | null } | null
  /** The receiving user's id. */
  readonly userId?: string | null
  /** When the server sent the push, in ms since the epoch. */
  readonly dateTime?: number | null
}

/** What `classifyPush` accepts: a decrypted Mastodon or Misskey push payload (object or JSON text). */
export type PushPayload = MastodonPushPayload | MisskeyPushPayload

/** A Mastodon payload, read. Strings are `''` when absent. */
export interface ReadMastodonPush {
  readonly kind: 'mastodon'
  readonly accessToken: string
  readonly locale: string
  readonly notificationId: string | undefined
  readonly type: string
  readonly icon: string
  readonly title: string
  readonly body: string
}

/** A Misskey payload, read. */
export interface ReadMisskeyPush {
  readonly kind: 'misskey'
  readonly type: string
  /** The notification's type (`mention`, `reply`, …); `''` for pushes that are not notifications. */
  readonly notificationType: string
  readonly note: object | undefined
  readonly user: object | undefined
  readonly notificationId: string | undefined
}

/** Longest title and body read from a payload (Mastodon sends at most 140 characters of body). */
export const MAX_PUSH_TEXT = 5_000

function text(value: unknown): string {
  const s = asString(value)
  return s === undefined ? '' : s.slice(0, MAX_PUSH_TEXT)
}

function objectOrUndefined(value: unknown): object | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
}

/**
 * Reads a decrypted push payload: Mastodon's (it has `notification_id`, `title` or `body`) or
 * Misskey's (`type` and `body`). Never throws.
 *
 * @param payload - the payload as parsed JSON, or its JSON text
 * @returns the read payload, or `undefined` when it is neither
 */
export function readPushPayload(payload: unknown): ReadMastodonPush | ReadMisskeyPush | undefined {
  let value = payload
  if (typeof value === 'string') {
    if (value.length > 1_000_000) return undefined
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return undefined
    }
  }
  const object = objectOrUndefined(value)
  if (object === undefined) return undefined
  const notificationId = field(object, 'notification_id')
  const title = field(object, 'title')
  const body = field(object, 'body')
  if (notificationId !== undefined || typeof title === 'string' || typeof body === 'string' || field(object, 'notification_type') !== undefined) {
    return {
      kind: 'mastodon',
      accessToken: text(field(object, 'access_token')),
      locale: text(field(object, 'preferred_locale')),
      notificationId: asId(notificationId),
      type: text(field(object, 'notification_type')),
      icon: text(field(object, 'icon')),
      title: text(title),
      body: text(body),
    }
  }
  const type = asString(field(object, 'type'))
  const inner = objectOrUndefined(body)
  if (type === undefined || inner === undefined) return undefined
  const isNotification = type === 'notification'
  return {
    kind: 'misskey',
    type,
    notificationType: isNotification ? text(field(inner, 'type')) : '',
    note: objectOrUndefined(field(inner, 'note')),
    user: isNotification ? objectOrUndefined(field(inner, 'user')) : undefined,
    notificationId: isNotification ? asId(field(inner, 'id')) : undefined,
  }
}
