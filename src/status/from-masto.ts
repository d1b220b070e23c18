import { asArray, field, isArray } from './fields.js'
import type { AccountInput, NotificationInput, QuoteInput, StatusInput } from './status-input.js'

/**
 * The parts of a masto.js entity (camelCase, `mastodon.v1.Status`) this package reads. Structural,
 * so the package does not depend on masto.js; a type test checks that masto's own `Status` and
 * `Notification` types are accepted.
 */
export interface MastoAccountLike {
  readonly id?: string | null
  readonly username?: string | null
  readonly acct?: string | null
  readonly url?: string | null
  readonly displayName?: string | null
  readonly note?: string | null
  readonly avatar?: string | null
  readonly avatarStatic?: string | null
  readonly locked?: boolean | null
  readonly bot?: boolean | null
  readonly createdAt?: string | null
  readonly followersCount?: number | null
  readonly followingCount?: number | null
  readonly statusesCount?: number | null
  readonly fields?: readonly { readonly name?: string | null; readonly value?: string | null }[] | null
}

export interface MastoStatusLike {
  readonly id?: string | null
  readonly uri?: string | null
  readonly url?: string | null
  readonly createdAt?: string | null
  readonly account?: MastoAccountLike | null
  readonly content?: string | null
  readonly visibility?: string | null
  readonly sensitive?: boolean | null
  readonly spoilerText?: string | null
  readonly mediaAttachments?: readonly {
    readonly id?: string | null
    readonly type?: string | null
    readonly url?: string | null
    readonly previewUrl?: string | null
    readonly remoteUrl?: string | null
    readonly description?: string | null
    readonly blurhash?: string | null
    readonly meta?: unknown
  }[] | null
  readonly mentions?: readonly { readonly id?: string | null; readonly username?: string | null; readonly acct?: string | null; readonly url?: string | null }[] | null
  readonly tags?: readonly { readonly name?: string | null; readonly url?: string | null }[] | null
  readonly card?: { readonly url?: string | null; readonly title?: string | null; readonly description?: string | null; readonly providerName?: string | null; readonly image?: string | null; readonly blurhash?: string | null } | null
  readonly poll?: { readonly options?: readonly { readonly title?: string | null }[] | null } | null
  readonly language?: string | null
  readonly inReplyToId?: string | null
  readonly inReplyToAccountId?: string | null
  readonly reblog?: MastoStatusLike | null
  readonly quote?: { readonly state?: string | null; readonly quotedStatus?: MastoStatusLike | null; readonly quotedStatusId?: string | null } | null
  readonly editedAt?: string | null
}

export interface MastoNotificationLike {
  readonly id?: string | null
  readonly type?: string | null
  readonly createdAt?: string | null
  readonly account?: MastoAccountLike | null
  readonly status?: MastoStatusLike | null
}

function account(value: unknown): AccountInput | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const get = (key: string): never => field(value, key) as never
  return {
    id: get('id'),
    username: get('username'),
    acct: get('acct'),
    url: get('url'),
    display_name: get('displayName'),
    note: get('note'),
    avatar: get('avatar'),
    avatar_static: get('avatarStatic'),
    locked: get('locked'),
    bot: get('bot'),
    created_at: get('createdAt'),
    followers_count: get('followersCount'),
    following_count: get('followingCount'),
    statuses_count: get('statusesCount'),
    fields: get('fields'),
  }
}

function list<T>(value: unknown, map: (item: unknown) => T): T[] | undefined {
  return isArray(value) ? asArray(value, 10_000).map(map) : undefined
}

function status(value: unknown, depth: number): StatusInput | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const get = (key: string): never => field(value, key) as never
  const card: unknown = field(value, 'card')
  return {
    id: get('id'),
    uri: get('uri'),
    url: get('url'),
    created_at: get('createdAt'),
    account: account(field(value, 'account')) ?? null,
    content: get('content'),
    visibility: get('visibility'),
    sensitive: get('sensitive'),
    spoiler_text: get('spoilerText'),
    media_attachments: list(field(value, 'mediaAttachments'), (m) => ({
      id: field(m, 'id') as never,
      type: field(m, 'type') as never,
      url: field(m, 'url') as never,
      preview_url: field(m, 'previewUrl') as never,
      remote_url: field(m, 'remoteUrl') as never,
      description: field(m, 'description') as never,
      blurhash: field(m, 'blurhash') as never,
      meta: field(m, 'meta') as never,
    })) ?? null,
    mentions: get('mentions'),
    tags: get('tags'),
    card:
      typeof card === 'object' && card !== null
        ? {
            url: field(card, 'url') as never,
            title: field(card, 'title') as never,
            description: field(card, 'description') as never,
            provider_name: field(card, 'providerName') as never,
            image: field(card, 'image') as never,
            blurhash: field(card, 'blurhash') as never,
          }
        : null,
    poll: get('poll'),
    language: get('language'),
    in_reply_to_id: get('inReplyToId'),
    in_reply_to_account_id: get('inReplyToAccountId'),
    reblog: depth > 0 ? (status(field(value, 'reblog'), depth - 1) ?? null) : null,
    quote: quote(field(value, 'quote'), depth),
    edited_at: get('editedAt'),
  }
}

/** Mastodon 4.5's `Quote` / `ShallowQuote` in camelCase; the quoted status is read one level deep. */
function quote(value: unknown, depth: number): QuoteInput | null {
  if (typeof value !== 'object' || value === null) return null
  const quoted = depth > 0 ? status(field(value, 'quotedStatus'), depth - 1) : undefined
  return { state: field(value, 'state') as never, quoted_status: quoted ?? null, quoted_status_id: field(value, 'quotedStatusId') as never }
}

/**
 * Adapts a masto.js entity (camelCase) to the REST JSON shape (snake_case) the classifier reads.
 * A `mastodon.v1.Notification` becomes a Notification, anything else a Status; never throws.
 *
 * @param entity - a masto.js `Status` or `Notification`
 * @returns the same data in REST JSON shape
 * @example
 * classifyStatus(fromMasto(await masto.v1.statuses.$select(id).fetch()))
 */
export function fromMasto(entity: MastoStatusLike | MastoNotificationLike): StatusInput | NotificationInput {
  const type: unknown = field(entity, 'type')
  if (typeof type === 'string' && field(entity, 'content') === undefined) {
    return {
      id: field(entity, 'id') as never,
      type,
      created_at: field(entity, 'createdAt') as never,
      account: account(field(entity, 'account')) ?? null,
      status: status(field(entity, 'status'), 1) ?? null,
    }
  }
  return status(entity, 1) ?? {}
}
