import { ACTIVITYPUB_ACTORS, ACTIVITYPUB_COLLECTIONS, ACTIVITYPUB_POSTS, ACTIVITYPUB_WRAPPERS } from './activitypub-fields.js'
import { asString, field, isArray } from './fields.js'
import { fromActivityPub } from './from-activitypub.js'
import { fromMasto } from './from-masto.js'
import { fromMisskey } from './from-misskey.js'
import { unwrapInput } from './unwrap.js'
import type { StatusInput } from './status-input.js'

/** The wire formats this package reads; every one is converted to the Mastodon REST shape. */
export type InputFormat = 'mastodon' | 'masto' | 'misskey' | 'activitypub'

/**
 * What `detectInput` recognised. The statuses it holds (if any) are in `statuses`, converted.
 *
 * - `status`: one Status (a boost or a quote post too); `edit`: a `StatusEdit` (edit history entry)
 * - `notification`: a Notification (`mention`, `status`, `update`, `quote`, …)
 * - `wrapper`: `{ "status": … }` or `{ "object": … }` around a status (JSON lines exports)
 * - `admin-webhook`: a Mastodon admin webhook (`{ event: 'status.created' | 'status.updated', object }`)
 * - `admin-report`: a Mastodon admin webhook `report.created` / `report.updated`: the reported statuses
 * - `streaming-event`: a Mastodon streaming API message (`{ event: 'update', payload: '…' }`)
 * - `notification-groups`: the API v2 grouped notifications response (`notification_groups`, side-loaded `statuses`, `accounts`)
 * - `edit-history`: `GET /api/v1/statuses/:id/history` (the latest version is the one classified)
 * - `activitypub-collection`: an ActivityPub (Ordered)Collection, e.g. an outbox
 * - `mastodon-archive`: the `outbox.json` of a Mastodon account archive
 * - `list`: a JSON array of any of the above
 * - `no-status`: something that holds no status (an account, a follow notification, `null`, …)
 */
export type InputShape =
  | 'status'
  | 'edit'
  | 'notification'
  | 'wrapper'
  | 'admin-webhook'
  | 'admin-report'
  | 'streaming-event'
  | 'notification-groups'
  | 'edit-history'
  | 'activitypub-collection'
  | 'mastodon-archive'
  | 'list'
  | 'no-status'

/** What `detectInput` found in a value. */
export interface DetectedInput {
  /** The shape recognised. */
  readonly shape: InputShape
  /** The wire format of the statuses found; `undefined` when there are none. */
  readonly format: InputFormat | undefined
  /**
   * The statuses found, in order, each in the Mastodon REST shape `classifyStatus` reads, with
   * wrappers removed (a boost stays a boost: classifying it classifies the boosted status).
   */
  readonly statuses: readonly StatusInput[]
  /** What was seen, in words, e.g. `a Mastodon admin webhook "account.created"`: for `skipped` entries, logs and UIs. */
  readonly seen: string
}

/** Options of `detectInput`. */
export interface DetectInputOptions {
  /** Force a format instead of telling it apart per object. @default 'auto' */
  readonly format?: InputFormat | 'auto'
  /** The server the input came from: qualifies Misskey's local accounts. */
  readonly host?: string
}

/** Entries read from a container (collection, list, grouped notifications); the rest is ignored. */
const MAX_ITEMS = 100_000
/** Nesting of wrappers read (`{status: {object: {…}}}`); deeper input is reported, not followed. */
const MAX_DEPTH = 4
/** Streaming payloads longer than this are not parsed (a status is a few kB). */
const MAX_PAYLOAD = 1_000_000

/** Notification types whose status is someone else's post addressed to or seen by the viewer. */
const STATUS_NOTIFICATIONS = new Set(['mention', 'status', 'update', 'quote', 'quoted_update'])
/** Shapes that hold any number of statuses: `classifyStatus` asks for each to be classified on its own. */
const CONTAINERS: ReadonlySet<InputShape> = new Set<InputShape>(['admin-report', 'list', 'notification-groups', 'activitypub-collection', 'mastodon-archive'])
const WEBHOOK_STATUS_EVENTS = new Set(['status.created', 'status.updated'])
const STREAM_STATUS_EVENTS = new Set(['update', 'status.update'])

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isArray(value)
}

function has(value: object, key: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(value, key)
  } catch {
    return false
  }
}

/** A bounded, never-throwing copy of an array's entries. */
function items(value: unknown): unknown[] {
  if (!isArray(value)) return []
  try {
    return value.slice(0, MAX_ITEMS)
  } catch {
    return []
  }
}

function keysOf(value: object): string[] {
  try {
    return Object.keys(value).slice(0, 6)
  } catch {
    return []
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing (undefined)'
  if (isArray(value)) return 'an empty array'
  if (typeof value === 'object') {
    const keys = keysOf(value)
    return keys.length === 0 ? 'an empty object' : `an object with no status fields (keys: ${keys.map((k) => k.slice(0, 40)).join(', ')})`
  }
  return `a ${typeof value}`
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`
}

/**
 * Tells the wire format of one object apart: ActivityPub (`type` Note/Create/…), Misskey (`text`
 * with `user` or `userId`), masto.js (camelCase `createdAt`/`spoilerText`/`mediaAttachments`),
 * else Mastodon REST JSON.
 *
 * @param value - one parsed object
 * @returns its format
 */
export function detectFormat(value: unknown): InputFormat {
  if (!isObject(value)) return 'mastodon'
  const type = field(value, 'type')
  if (typeof type === 'string' && (ACTIVITYPUB_POSTS.has(type) || ACTIVITYPUB_WRAPPERS.has(type))) return 'activitypub'
  if (has(value, 'text') && (has(value, 'user') || has(value, 'userId'))) return 'misskey'
  const note = field(value, 'note')
  if (isObject(note) && has(note, 'text') && (has(note, 'user') || has(note, 'userId'))) return 'misskey'
  if (has(value, 'createdAt') || has(value, 'spoilerText') || has(value, 'mediaAttachments')) return 'masto'
  const status = field(value, 'status')
  if (typeof type === 'string' && isObject(status) && (has(status, 'createdAt') || has(status, 'spoilerText'))) return 'masto'
  return 'mastodon'
}

/** Whether an object looks like a post (REST or masto.js): it has a body, an author or media. */
function looksLikeStatus(value: object): boolean {
  return (
    has(value, 'content') ||
    has(value, 'account') ||
    has(value, 'media_attachments') ||
    has(value, 'mediaAttachments') ||
    has(value, 'spoiler_text') ||
    has(value, 'spoilerText') ||
    isObject(field(value, 'reblog'))
  )
}

interface Found {
  shape: InputShape
  format: InputFormat | undefined
  statuses: StatusInput[]
  seen: string
}

const none = (seen: string): Found => ({ shape: 'no-status', format: undefined, statuses: [], seen })

function convert(value: object, format: InputFormat, host: string | undefined): StatusInput {
  if (format === 'activitypub') return fromActivityPub(value)
  if (format === 'misskey') return fromMisskey(value as never, host === undefined ? {} : { host })
  if (format === 'masto') return fromMasto(value as never) as StatusInput
  return value as StatusInput
}

function detectActivityPub(value: object, type: string, forced: InputFormat | undefined): Found | undefined {
  if (ACTIVITYPUB_POSTS.has(type)) return { shape: 'status', format: 'activitypub', statuses: [fromActivityPub(value)], seen: `an ActivityPub ${type}` }
  if (ACTIVITYPUB_WRAPPERS.has(type)) {
    const object = field(value, 'object')
    const inner = isObject(object) ? asString(field(object, 'type')) : undefined
    if (inner !== undefined && ACTIVITYPUB_POSTS.has(inner)) return { shape: 'status', format: 'activitypub', statuses: [fromActivityPub(value)], seen: `an ActivityPub ${type} of a ${inner}` }
    return none(`an ActivityPub ${type} activity ${typeof object === 'string' ? 'that only links its object' : 'of no post'}`)
  }
  if (ACTIVITYPUB_COLLECTIONS.has(type)) {
    const list = items(field(value, 'orderedItems') ?? field(value, 'items'))
    const statuses: StatusInput[] = []
    let boosts = 0
    let other = 0
    for (const item of list) {
      const itemType = isObject(item) ? asString(field(item, 'type')) : undefined
      const object = isObject(item) ? field(item, 'object') : undefined
      const objectType = isObject(object) ? asString(field(object, 'type')) : undefined
      if (itemType !== undefined && (ACTIVITYPUB_POSTS.has(itemType) || (ACTIVITYPUB_WRAPPERS.has(itemType) && objectType !== undefined && ACTIVITYPUB_POSTS.has(objectType)))) {
        statuses.push(fromActivityPub(item))
      } else if (itemType === 'Announce') {
        boosts++
      } else {
        other++
      }
    }
    const archive = asString(field(value, 'id')) === 'outbox.json'
    const what = archive ? 'a Mastodon account archive (outbox.json)' : `an ActivityPub ${type}${/\/outbox(?:\?|$)/u.test(asString(field(value, 'id')) ?? '') ? ' (an outbox)' : ''}`
    const parts = [plural(statuses.length, 'post')]
    if (boosts > 0) parts.push(`${plural(boosts, 'boost')} that only link${boosts === 1 ? 's' : ''} the boosted post`)
    if (other > 0) parts.push(`${plural(other, 'other item')}`)
    const inline = list.length === 0 && field(value, 'first') !== undefined ? ' with no items inline (only a link to its first page)' : ` with ${parts.join(', ')}`
    return { shape: archive ? 'mastodon-archive' : 'activitypub-collection', format: statuses.length > 0 ? 'activitypub' : undefined, statuses, seen: `${what}${inline}` }
  }
  if (ACTIVITYPUB_ACTORS.has(type) && forced === undefined && has(value, 'inbox')) return none(`an ActivityPub actor (${type}), which is an account, not a post`)
  if (forced === undefined && (has(value, '@context') || has(value, 'actor'))) return none(`an ActivityPub ${type.slice(0, 40)}, which holds no post`)
  return undefined
}

function detectGroups(value: object, host: string | undefined): Found {
  const groups = items(field(value, 'notification_groups') ?? field(value, 'notificationGroups'))
  const camel = has(value, 'notificationGroups')
  const byId = new Map<string, object>()
  for (const status of items(field(value, 'statuses'))) {
    const id = isObject(status) ? field(status, 'id') : undefined
    if (isObject(status) && (typeof id === 'string' || typeof id === 'number')) byId.set(String(id), status)
  }
  const statuses: StatusInput[] = []
  let others = 0
  let missing = 0
  for (const group of groups) {
    const type = asString(field(group, 'type'))
    const statusId = field(group, camel ? 'statusId' : 'status_id')
    if (type === undefined || !STATUS_NOTIFICATIONS.has(type)) {
      others++
      continue
    }
    const status = typeof statusId === 'string' || typeof statusId === 'number' ? byId.get(String(statusId)) : undefined
    if (status === undefined) missing++
    else statuses.push(convert(status, camel ? 'masto' : 'mastodon', host))
  }
  const parts = [`${plural(statuses.length, 'post')} to classify (mentions, posts, edits, quotes)`]
  if (others > 0) parts.push(`${plural(others, 'other group')} (favourites, boosts, follows, …)`)
  if (missing > 0) parts.push(`${missing} whose status is not in the side-loaded statuses`)
  return { shape: 'notification-groups', format: statuses.length > 0 ? (camel ? 'masto' : 'mastodon') : undefined, statuses, seen: `grouped notifications (API v2) with ${plural(groups.length, 'group')}: ${parts.join(', ')}` }
}

function isEdit(value: unknown): boolean {
  return isObject(value) && has(value, 'content') && has(value, 'account') && !has(value, 'id') && (has(value, 'created_at') || has(value, 'createdAt'))
}

function detect(value: unknown, options: DetectInputOptions, depth: number): Found {
  const forced = options.format === undefined || options.format === 'auto' ? undefined : options.format
  if (isArray(value)) {
    const list = items(value)
    if (list.length === 0) return none('an empty array')
    if (list.every(isEdit)) {
      const latest = list[list.length - 1] as object
      const format = forced ?? detectFormat(latest)
      return { shape: 'edit-history', format, statuses: [convert(latest, format, options.host)], seen: `an edit history with ${plural(list.length, 'version')} (the latest is classified)` }
    }
    if (depth >= MAX_DEPTH) return none(`an array nested deeper than ${MAX_DEPTH} levels`)
    const statuses: StatusInput[] = []
    const formats = new Set<InputFormat>()
    let empty = 0
    for (const item of list) {
      const found = detect(item, options, depth + 1)
      if (found.statuses.length === 0) empty++
      for (const status of found.statuses) statuses.push(status)
      if (found.format !== undefined) formats.add(found.format)
    }
    return { shape: 'list', format: formats.size === 1 ? [...formats][0] : statuses.length > 0 ? 'mastodon' : undefined, statuses, seen: `a list of ${plural(list.length, 'item')} holding ${plural(statuses.length, 'post')}${empty > 0 ? ` (${empty} with none)` : ''}` }
  }
  if (!isObject(value)) return none(describeValue(value))
  if (depth >= MAX_DEPTH) return none(`wrappers nested deeper than ${MAX_DEPTH} levels`)

  const type = asString(field(value, 'type'))
  if (forced === 'activitypub' || (forced === undefined && type !== undefined)) {
    const found = detectActivityPub(value, type ?? '', forced)
    if (found !== undefined) return found
  }
  const event = asString(field(value, 'event'))
  if (event !== undefined && forced === undefined) {
    const object = field(value, 'object')
    const payload = field(value, 'payload')
    if (has(value, 'object') || has(value, 'created_at')) {
      // A Mastodon admin webhook: { event, created_at, object }.
      if (WEBHOOK_STATUS_EVENTS.has(event) && isObject(object)) {
        const inner = detect(object, options, depth + 1)
        return { ...inner, shape: 'admin-webhook', seen: `a Mastodon admin webhook "${event}" of ${inner.seen}` }
      }
      const reported = isObject(object) && event.startsWith('report.') ? field(object, 'statuses') : undefined
      if (isArray(reported)) {
        // An Admin::Report: the reported statuses, each classified on its own.
        const statuses = items(reported).filter(isObject).map((status) => convert(status, 'mastodon', options.host))
        return { shape: 'admin-report', format: statuses.length > 0 ? 'mastodon' : undefined, statuses, seen: `a Mastodon admin webhook "${event.slice(0, 60)}" reporting ${plural(statuses.length, 'status', 'statuses')}` }
      }
      return none(`a Mastodon admin webhook "${event.slice(0, 60)}", which holds no status (only status.created and status.updated do)`)
    }
    if (has(value, 'payload') || has(value, 'stream')) {
      // A streaming API message: the payload is a JSON string (or an object, once parsed).
      if (STREAM_STATUS_EVENTS.has(event) || event === 'notification') {
        let parsed: unknown = payload
        if (typeof payload === 'string') {
          if (payload.length > MAX_PAYLOAD) return none(`a streaming "${event}" event whose payload is longer than ${MAX_PAYLOAD} characters`)
          try {
            parsed = JSON.parse(payload)
          } catch {
            return none(`a streaming "${event}" event whose payload is not JSON`)
          }
        }
        const inner = detect(parsed, options, depth + 1)
        return { ...inner, shape: inner.statuses.length > 0 ? 'streaming-event' : 'no-status', seen: `a streaming "${event}" event of ${inner.seen}` }
      }
      return none(`a streaming "${event.slice(0, 60)}" event, which holds no status`)
    }
  }
  if (forced === undefined && (has(value, 'notification_groups') || has(value, 'notificationGroups'))) return detectGroups(value, options.host)

  // Misskey first: a note has `text` and `user`, and a Misskey notification `type` and `note`.
  const format = forced ?? detectFormat(value)
  if (format === 'misskey') return { shape: 'status', format, statuses: [convert(value, format, options.host)], seen: 'a Misskey note' }

  const inner = field(value, 'status')
  const content = field(value, 'content')
  if (type !== undefined && content === undefined && (isObject(inner) || has(value, 'account') || has(value, 'status'))) {
    // A Notification: of a status type it is classified by its status, else it holds none.
    if (!isObject(inner)) return none(`a notification of type "${type.slice(0, 40)}", which holds no status`)
    if (!STATUS_NOTIFICATIONS.has(type)) {
      return none(`a "${type.slice(0, 40)}" notification, whose status is your own (only ${[...STATUS_NOTIFICATIONS].join(', ')} notifications are classified)`)
    }
    const found = detect(inner, options, depth + 1)
    return { ...found, shape: found.statuses.length > 0 ? 'notification' : 'no-status', seen: `a "${type}" notification of ${found.seen}` }
  }
  const acct = content === undefined ? asString(field(value, 'acct')) : undefined
  if (acct !== undefined && has(value, 'username') && !looksLikeStatus(value)) return none(`an account (@${acct.slice(0, 100)}), which is not a status`)
  if (content === undefined && type === undefined && !looksLikeStatus(value)) {
    // `{ "status": … }` / `{ "object": … }`: the wrapper of many exports and queues.
    for (const key of ['status', 'object', 'data', 'item']) {
      const wrapped = field(value, key)
      if (isObject(wrapped) || isArray(wrapped)) {
        const found = detect(wrapped, options, depth + 1)
        return { ...found, shape: found.statuses.length > 0 && found.shape === 'status' ? 'wrapper' : found.shape, seen: `{ "${key}": … } around ${found.seen}` }
      }
    }
    return none(describeValue(value))
  }
  if (!looksLikeStatus(value)) return none(describeValue(value))
  const edit = isEdit(value)
  const status = convert(value, format, options.host)
  const what = format === 'masto' ? 'a masto.js' : 'a Mastodon'
  return { shape: edit ? 'edit' : 'status', format, statuses: [status], seen: edit ? `${what} status edit` : `${what} status` }
}

/**
 * Tells apart what was passed (a status in any of the formats this package reads, or a wrapper,
 * webhook, notification, collection or export holding statuses), finds the statuses in it and
 * converts them to the Mastodon REST shape. Never throws; linear in the input's size.
 *
 * @param value - parsed JSON (one object, an array, or a JSON line)
 * @param options - force a format; the host Misskey input came from
 * @returns the shape seen, the statuses found (possibly none) and what was seen, in words
 * @example
 * const { statuses, seen } = detectInput(JSON.parse(line))
 * if (statuses.length === 0) console.warn(`no status in ${seen}`)
 * for (const status of statuses) filter.classify(status)
 */
export function detectInput(value: unknown, options: DetectInputOptions = {}): DetectedInput {
  return detect(value, options, 0)
}

/**
 * The one status to classify in an input, or what was seen instead. Used by `classifyStatus`:
 * input with no status, or with several, gets a `skipped` entry naming what was seen; a chain of
 * notifications and boosts that `unwrapInput` refuses (a cycle, deeper than 8, a status that is
 * not an object) keeps its own reason.
 *
 * @param value - what the caller passed
 * @returns the status object (boosts and notifications unwrapped), or a description
 */
export function findStatus(value: unknown): { readonly status: object; readonly shape: InputShape } | { readonly status?: undefined; readonly seen: string; readonly count: number; readonly detail?: string } {
  // The common case first: a Mastodon REST Status (or a boost, or a StatusEdit).
  if (isObject(value)) {
    let content: unknown
    let createdAt: unknown
    let type: unknown
    let event: unknown
    try {
      const v = value as Record<string, unknown>
      content = v.content
      createdAt = v.created_at
      type = v.type
      event = v.event
    } catch {
      content = undefined
    }
    if (typeof content === 'string' && createdAt !== undefined && type === undefined && event === undefined && !has(value, 'text')) {
      const status = unwrapInput(value).status
      if (status !== undefined) return { status, shape: isEdit(value) ? 'edit' : 'status' }
    }
  }
  const found = detect(value, {}, 0)
  // A list, collection or notification page is several inputs, even of one: the caller classifies each.
  if (found.statuses.length === 1 && !CONTAINERS.has(found.shape)) {
    const status = unwrapInput(found.statuses[0]).status
    if (status !== undefined) return { status, shape: found.shape }
  }
  if (found.statuses.length === 0 && isObject(value)) {
    const refused = unwrapInput(value).skipped
    if (refused?.detail !== undefined && !refused.detail.startsWith('expected ')) return { seen: found.seen, count: 0, detail: refused.detail }
  }
  return { seen: found.seen, count: found.statuses.length }
}
