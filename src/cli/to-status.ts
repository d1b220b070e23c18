import { ACTIVITYPUB_POSTS, ACTIVITYPUB_WRAPPERS } from '../status/activitypub-fields.js'
import { fromActivityPub } from '../status/from-activitypub.js'
import { fromMasto } from '../status/from-masto.js'
import { fromMisskey } from '../status/from-misskey.js'

/** The input formats the CLI reads; `auto` tells them apart per object. */
export type InputFormat = 'auto' | 'mastodon' | 'masto' | 'misskey' | 'activitypub'

export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'mastodon', 'masto', 'misskey', 'activitypub']

function has(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key)
}

/**
 * Tells which format one object is in: ActivityPub (`type` Note/Create/…), Misskey (`text` and
 * `user`), masto.js (camelCase `spoilerText`/`mediaAttachments`), else Mastodon REST JSON.
 *
 * @param value - one parsed object
 * @returns its format
 */
export function detectFormat(value: unknown): Exclude<InputFormat, 'auto'> {
  if (typeof value !== 'object' || value === null) return 'mastodon'
  const type = (value as { type?: unknown }).type
  if (typeof type === 'string' && (ACTIVITYPUB_POSTS.has(type) || ACTIVITYPUB_WRAPPERS.has(type))) return 'activitypub'
  if (has(value, 'text') && (has(value, 'user') || has(value, 'userId'))) return 'misskey'
  const note = (value as { note?: unknown }).note
  if (typeof note === 'object' && note !== null && has(note, 'text') && has(note, 'user')) return 'misskey'
  if (has(value, 'spoilerText') || has(value, 'mediaAttachments') || has(value, 'createdAt')) return 'masto'
  return 'mastodon'
}

/**
 * Converts one input object to what `filter.classify` reads.
 *
 * @param value - one parsed object
 * @param format - its format, or `auto`
 * @param host - the server the input came from (qualifies Misskey local accounts)
 * @returns a Mastodon REST Status (or the value itself for Mastodon input)
 */
export function toStatus(value: unknown, format: InputFormat, host: string | undefined): unknown {
  const actual = format === 'auto' ? detectFormat(value) : format
  if (actual === 'activitypub') return fromActivityPub(value)
  if (actual === 'misskey') return fromMisskey(value as never, host === undefined ? {} : { host })
  if (actual === 'masto') return fromMasto(value as never)
  return value
}
