import { asArray, asString, field, isArray } from './fields.js'
import type { AccountInput } from './status-input.js'

/**
 * Readers for ActivityStreams values, which JSON-LD lets take many shapes: a property may hold a
 * value or an array of them, and a reference may be a URL string or an object with `id`/`href`.
 */

/** ActivityPub object types read as a post. */
export const ACTIVITYPUB_POSTS: ReadonlySet<string> = new Set(['Note', 'Question', 'Article', 'Page'])
/** ActivityPub activities that wrap a post (`object`). */
export const ACTIVITYPUB_WRAPPERS: ReadonlySet<string> = new Set(['Create', 'Update'])
/** ActivityPub collections of posts or activities. */
export const ACTIVITYPUB_COLLECTIONS: ReadonlySet<string> = new Set(['OrderedCollection', 'Collection', 'OrderedCollectionPage', 'CollectionPage'])
/** ActivityPub actor types (accounts, not posts). */
export const ACTIVITYPUB_ACTORS: ReadonlySet<string> = new Set(['Person', 'Service', 'Application', 'Group', 'Organization'])

/**
 * The values of a property that may hold one value or an array.
 *
 * @param value - the property's value
 * @param limit - most entries kept
 * @returns the values (`[]` for none)
 */
export function asList(value: unknown, limit: number): readonly unknown[] {
  if (value === undefined || value === null) return []
  return isArray(value) ? asArray(value, limit) : [value]
}

/**
 * A URL from a reference: a string, a `Link` (`href`) or an object (`url`, then `id`).
 *
 * @param value - the reference
 * @param depth - how deep nested `url` values and arrays are followed
 * @returns the URL, or `undefined`
 */
export function asUrl(value: unknown, depth = 2): string | undefined {
  const text = asString(value)
  if (text !== undefined) return text === '' ? undefined : text
  if (depth <= 0) return undefined
  if (isArray(value)) {
    for (const item of asArray(value, 10)) {
      const url = asUrl(item, depth - 1)
      if (url !== undefined) return url
    }
    return undefined
  }
  return asString(field(value, 'href')) ?? asUrl(field(value, 'url'), depth - 1) ?? asString(field(value, 'id'))
}

/**
 * The host of an absolute http(s) URL, lowercased (no `URL` parser: embedded engines lack it).
 *
 * @param url - a URL
 * @returns the host, or `undefined`
 */
export function urlHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  return /^https?:\/\/([^/?#@:]{1,253})/iu.exec(url)?.[1]?.toLowerCase()
}

/**
 * A natural-language property: the plain value, else the first entry of its `…Map` form.
 *
 * @param object - the object
 * @param key - `content`, `name` or `summary`
 * @returns the text, or `undefined`
 */
export function languageValue(object: unknown, key: string): string | undefined {
  const plain = asString(field(object, key))
  if (plain !== undefined) return plain
  const map = field(object, `${key}Map`)
  if (typeof map !== 'object' || map === null) return undefined
  try {
    // At most 50 keys looked at: a map with a million keys costs no more than one with 50.
    let seen = 0
    for (const language in map) {
      if (++seen > 50) break
      if (!Object.prototype.hasOwnProperty.call(map, language)) continue
      const value = (map as Record<string, unknown>)[language]
      if (typeof value === 'string') return value
    }
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Reads the author from `attributedTo` (a URL, an actor object, or an array of either; the first
 * actor wins). A URL alone gives only the id and the server; an embedded actor gives the name,
 * avatar, bio, creation time and followers count when it carries them.
 *
 * @param attributedTo - the object's `attributedTo` (or the activity's `actor`)
 * @returns the author as a Mastodon Account, or `null`
 */
export function readActor(attributedTo: unknown): AccountInput | null {
  const candidates = asList(attributedTo, 20)
  const actor = candidates.find((c) => ACTIVITYPUB_ACTORS.has(asString(field(c, 'type')) ?? '')) ?? candidates[0]
  const id = asUrl(actor, 1)
  if (id === undefined && typeof actor !== 'object') return null
  if (typeof actor !== 'object' || actor === null) return { id: id ?? null, url: id ?? null }
  const username = asString(field(actor, 'preferredUsername')) ?? ''
  const host = urlHost(asString(field(actor, 'id')) ?? id)
  const type = asString(field(actor, 'type'))
  const followers = field(actor, 'followers')
  const followersCount = field(followers, 'totalItems')
  const fields = asList(field(actor, 'attachment'), 50)
    .filter((a) => asString(field(a, 'type')) === 'PropertyValue')
    .map((a) => ({ name: asString(field(a, 'name')) ?? null, value: asString(field(a, 'value')) ?? null }))
  return {
    id: asString(field(actor, 'id')) ?? id ?? null,
    username,
    acct: username !== '' && host !== undefined ? `${username}@${host}` : username,
    url: asUrl(field(actor, 'url'), 1) ?? id ?? null,
    display_name: languageValue(actor, 'name') ?? '',
    note: languageValue(actor, 'summary') ?? '',
    avatar: asUrl(field(actor, 'icon')) ?? '',
    bot: type === 'Service' || type === 'Application',
    created_at: asString(field(actor, 'published')) ?? null,
    followers_count: typeof followersCount === 'number' ? followersCount : null,
    fields,
  }
}
