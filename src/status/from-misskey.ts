import { mfmToHtml } from './mfm-to-html.js'
import { asArray, asString, field, isArray } from './fields.js'
import { misskeyIdTime } from './misskey-id.js'
import type { AccountInput, MediaAttachmentInput, StatusInput } from './status-input.js'

/**
 * The parts of a Misskey note (misskey-js `entities.Note`, as the API and streaming give it) this
 * package reads. Structural, so the package does not depend on misskey-js; a type test checks that
 * misskey-js's own `Note` is accepted.
 */
export interface MisskeyNoteLike {
  readonly id?: string | null
  readonly createdAt?: string | null
  /** The body, as MFM (Misskey Flavored Markdown), not HTML. */
  readonly text?: string | null
  /** Content warning. */
  readonly cw?: string | null
  readonly userId?: string | null
  readonly user?: MisskeyUserLike | null
  readonly replyId?: string | null
  readonly reply?: MisskeyNoteLike | null
  readonly renote?: MisskeyNoteLike | null
  readonly visibility?: string | null
  readonly files?: readonly MisskeyFileLike[] | null
  readonly poll?: { readonly choices?: readonly { readonly text?: string | null }[] | null } | null
  readonly uri?: string | null
  readonly url?: string | null
}

/** A Misskey `UserLite` (or `UserDetailed`): `createdAt` and the counts only in the detailed form. */
export interface MisskeyUserLike {
  readonly id?: string | null
  readonly name?: string | null
  readonly username?: string | null
  /** `null` for accounts of the server that served the note. */
  readonly host?: string | null
  readonly avatarUrl?: string | null
  readonly isBot?: boolean | null
  readonly createdAt?: string | null
  readonly description?: string | null
  readonly followersCount?: number | null
  readonly followingCount?: number | null
  readonly notesCount?: number | null
  readonly fields?: readonly { readonly name?: string | null; readonly value?: string | null }[] | null
}

/** A Misskey `DriveFile`. */
export interface MisskeyFileLike {
  readonly id?: string | null
  readonly type?: string | null
  readonly url?: string | null
  readonly thumbnailUrl?: string | null
  readonly comment?: string | null
  readonly blurhash?: string | null
  readonly properties?: { readonly width?: number | null; readonly height?: number | null } | null
}

/** Options of `fromMisskey`. */
export interface FromMisskeyOptions {
  /**
   * Host of the Misskey server that served the note: its own accounts have `host: null`, and with
   * this they become `user@host` and get profile URLs.
   */
  readonly host?: string
}

const VISIBILITY: Readonly<Record<string, string>> = { public: 'public', home: 'unlisted', followers: 'private', specified: 'direct' }

function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString()
}

function mediaType(mime: string | undefined): string {
  const kind = mime?.split('/')[0]
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : 'unknown'
}

function readFile(file: unknown): MediaAttachmentInput {
  const properties = field(file, 'properties')
  return {
    id: asString(field(file, 'id')) ?? null,
    type: mediaType(asString(field(file, 'type'))),
    url: asString(field(file, 'url')) ?? null,
    preview_url: asString(field(file, 'thumbnailUrl')) ?? null,
    description: asString(field(file, 'comment')) ?? null,
    blurhash: asString(field(file, 'blurhash')) ?? null,
    meta: { original: { width: field(properties, 'width') as never, height: field(properties, 'height') as never } },
  }
}

function readUser(user: unknown, localHost: string | undefined): AccountInput | null {
  if (typeof user !== 'object' || user === null) return null
  const username = asString(field(user, 'username')) ?? ''
  const host = asString(field(user, 'host'))?.toLowerCase()
  const server = host ?? localHost
  const avatar = asString(field(user, 'avatarUrl')) ?? ''
  const id = asString(field(user, 'id'))
  // A remote user's id (and the `createdAt` Misskey derives from it) is when this server first
  // saw the account, not when it was made: only a local account's id dates the account.
  const createdAt = host === undefined ? (asString(field(user, 'createdAt')) ?? isoTime(misskeyIdTime(id))) : undefined
  const description = asString(field(user, 'description'))
  return {
    id: id ?? null,
    username,
    acct: server === undefined || username === '' ? username : `${username}@${server}`,
    url: server === undefined || username === '' ? null : `https://${server}/@${username}`,
    display_name: asString(field(user, 'name')) ?? '',
    note: description === undefined ? null : mfmToHtml(description.slice(0, 10_000), { host: server }).html,
    // Misskey draws a generated identicon for accounts without an avatar.
    avatar: avatar.includes('/identicon/') ? '' : avatar,
    bot: field(user, 'isBot') === true,
    created_at: createdAt ?? null,
    followers_count: field(user, 'followersCount') as never,
    following_count: field(user, 'followingCount') as never,
    statuses_count: field(user, 'notesCount') as never,
    fields: isArray(field(user, 'fields')) ? (field(user, 'fields') as never) : null,
  }
}

function convert(note: unknown, localHost: string | undefined, depth: number): StatusInput {
  const text = asString(field(note, 'text'))
  const renote = field(note, 'renote')
  // A renote without text of its own is a boost: the renoted note is what is classified.
  if ((text === undefined || text === '') && depth > 0 && typeof renote === 'object' && renote !== null) {
    return { ...convert(note, localHost, 0), content: '', reblog: convert(renote, localHost, 0) }
  }
  const user = field(note, 'user')
  const userHost = asString(field(user, 'host'))?.toLowerCase() ?? localHost
  const mfm = mfmToHtml((text ?? '').slice(0, 100_000), { host: userHost })
  const id = asString(field(note, 'id'))
  const cw = asString(field(note, 'cw'))
  const replyId = asString(field(note, 'replyId'))
  const reply = field(note, 'reply')
  return {
    id: id ?? null,
    uri: asString(field(note, 'uri')) ?? null,
    url: asString(field(note, 'url')) ?? asString(field(note, 'uri')) ?? (id !== undefined && localHost !== undefined ? `https://${localHost}/notes/${id}` : null),
    created_at: asString(field(note, 'createdAt')) ?? isoTime(misskeyIdTime(id)) ?? null,
    account: readUser(user, localHost),
    content: mfm.html,
    visibility: VISIBILITY[asString(field(note, 'visibility')) ?? ''] ?? null,
    sensitive: cw !== undefined,
    spoiler_text: cw === undefined ? '' : cw.slice(0, 5_000),
    media_attachments: asArray(field(note, 'files'), 500).map(readFile),
    mentions: mfm.mentions.map((m) => {
      const host = m.host ?? userHost
      return { username: m.username, acct: host === undefined ? m.username : `${m.username}@${host}`, url: m.url ?? null }
    }),
    tags: mfm.hashtags.map((name) => ({ name })),
    poll: {
      options: asArray(field(field(note, 'poll'), 'choices'), 500).map((choice) => ({ title: asString(field(choice, 'text')) ?? null })),
    },
    in_reply_to_id: replyId ?? null,
    in_reply_to_account_id: asString(field(reply, 'userId')) ?? null,
  }
}

/**
 * Adapts a Misskey note (the API's `Note`, also Sharkey, Firefish and other forks) to the Mastodon
 * REST JSON shape the classifier reads. The MFM text becomes content HTML with mention and hashtag
 * anchors; `cw` becomes the content warning, `files` the media, a renote without text a boost, an
 * identicon avatar the default avatar; a local account's age comes from its time-based id. A
 * Misskey notification (`{ type, note }`) gives its note. Never throws.
 *
 * @param note - a misskey-js `entities.Note` (or a notification holding one), as parsed JSON
 * @param options - the host of the server that served the note
 * @returns the same note as a Mastodon Status
 * @example
 * const verdict = classifyStatus(fromMisskey(note, { host: 'misskey.io' }))
 */
export function fromMisskey(note: MisskeyNoteLike | { readonly note?: MisskeyNoteLike | null }, options: FromMisskeyOptions = {}): StatusInput {
  const localHost = typeof options.host === 'string' && options.host !== '' ? options.host.toLowerCase() : undefined
  const inner = field(note, 'note')
  const target = typeof inner === 'object' && inner !== null && typeof field(note, 'type') === 'string' ? inner : note
  if (typeof target !== 'object' || target === null) return {}
  return convert(target, localHost, 1)
}
