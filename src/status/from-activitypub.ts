import { escapeHtml } from './mfm-to-html.js'
import { ACTIVITYPUB_WRAPPERS, asList, asUrl, languageValue, readActor, urlHost } from './activitypub-fields.js'
import { asString, field, isArray } from './fields.js'
import type { MediaAttachmentInput, MentionInput, StatusInput, TagInput } from './status-input.js'

/**
 * The parts of an ActivityPub object (ActivityStreams 2.0 JSON, as servers federate it) this
 * package reads: a `Note`, `Question`, `Article` or `Page`, or a `Create` / `Update` activity
 * wrapping one. Every property may hold anything at run time.
 */
export interface ActivityPubObjectLike {
  readonly type?: unknown
  readonly id?: unknown
  /** The wrapped object of a `Create` or `Update` activity. */
  readonly object?: unknown
  readonly content?: unknown
  readonly contentMap?: unknown
  readonly summary?: unknown
  readonly attributedTo?: unknown
  readonly published?: unknown
  readonly inReplyTo?: unknown
  readonly tag?: unknown
  readonly attachment?: unknown
  readonly oneOf?: unknown
  readonly anyOf?: unknown
  readonly [key: string]: unknown
}

const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public'])
const TITLED = new Set(['Article', 'Page'])
const LIMIT = 500

function visibility(object: object): string | undefined {
  const to = asList(field(object, 'to'), LIMIT).map((v) => asUrl(v, 1))
  const cc = asList(field(object, 'cc'), LIMIT).map((v) => asUrl(v, 1))
  if (to.length === 0 && cc.length === 0) return undefined
  if (to.some((v) => v !== undefined && PUBLIC.has(v))) return 'public'
  if (cc.some((v) => v !== undefined && PUBLIC.has(v))) return 'unlisted'
  if ([...to, ...cc].some((v) => v?.endsWith('/followers') === true)) return 'private'
  return 'direct'
}

function readTags(object: object): { mentions: MentionInput[]; tags: TagInput[] } {
  const mentions: MentionInput[] = []
  const tags: TagInput[] = []
  for (const tag of asList(field(object, 'tag'), LIMIT)) {
    const type = asString(field(tag, 'type'))
    const name = asString(field(tag, 'name')) ?? ''
    const href = asString(field(tag, 'href'))
    if (type === 'Mention') {
      const written = name.replace(/^@/u, '')
      const host = urlHost(href)
      const username = written.split('@')[0] ?? ''
      const acct = written.includes('@') || host === undefined ? written : `${written}@${host}`
      if (acct !== '' || href !== undefined) mentions.push({ username, acct: acct || null, url: href ?? null })
    } else if (type === 'Hashtag') {
      const tagName = name.replace(/^#/u, '')
      if (tagName !== '') tags.push({ name: tagName, url: href ?? null })
    }
  }
  return { mentions, tags }
}

function readAttachment(item: unknown): MediaAttachmentInput {
  const mime = asString(field(item, 'mediaType')) ?? ''
  const type = asString(field(item, 'type'))
  const kind = mime.split('/')[0] ?? ''
  return {
    type: kind === 'image' || kind === 'video' || kind === 'audio' ? kind : type === 'Image' ? 'image' : type === 'Video' ? 'video' : type === 'Audio' ? 'audio' : 'unknown',
    url: asUrl(field(item, 'url')) ?? null,
    description: asString(field(item, 'name')) ?? asString(field(item, 'summary')) ?? null,
    blurhash: asString(field(item, 'blurhash')) ?? null,
    meta: { original: { width: field(item, 'width') as never, height: field(item, 'height') as never } },
  }
}

/**
 * Adapts an ActivityPub object (what a server plugin or relay receives in its inbox) to the
 * Mastodon REST JSON shape the classifier reads: `Note`, `Question` (its `oneOf`/`anyOf` become
 * poll options), `Article` / `Page` (the title leads the content), or a `Create` / `Update`
 * activity wrapping one. `content` or `contentMap` gives the HTML, `tag` the mentions and
 * hashtags, `attachment` the media, `summary` the content warning, `attributedTo` the author (an
 * embedded actor object gives more than a URL). Never throws.
 *
 * @param object - an ActivityPub object or activity, as parsed JSON
 * @returns the same post as a Mastodon Status (`{}` when the input holds no object)
 * @example
 * app.post('/inbox', (req) => {
 *   const verdict = filter.classify(fromActivityPub(req.body))
 *   if (verdict.label === 'spam') return reject(verdict.reasons)
 * })
 */
export function fromActivityPub(object: ActivityPubObjectLike | unknown): StatusInput {
  let target: unknown = object
  let activityActor: unknown
  for (let depth = 0; depth < 3 && ACTIVITYPUB_WRAPPERS.has(asString(field(target, 'type')) ?? ''); depth++) {
    activityActor = field(target, 'actor')
    target = field(target, 'object')
  }
  if (typeof target !== 'object' || target === null || isArray(target)) return {}
  const type = asString(field(target, 'type')) ?? ''
  let content = (languageValue(target, 'content') ?? '').slice(0, 200_000)
  const title = languageValue(target, 'name')
  if (TITLED.has(type) && title !== undefined && title !== '') content = `<p>${escapeHtml(title.slice(0, 1_000))}</p>${content}`
  const { mentions, tags } = readTags(target)
  const summary = languageValue(target, 'summary')
  const choices = [...asList(field(target, 'oneOf'), LIMIT), ...asList(field(target, 'anyOf'), LIMIT)]
  const id = asUrl(field(target, 'id'), 1)
  const inReplyTo = asUrl(field(target, 'inReplyTo'), 1)
  return {
    id: id ?? null,
    uri: id ?? null,
    url: asUrl(field(target, 'url')) ?? id ?? null,
    created_at: asString(field(target, 'published')) ?? null,
    account: readActor(field(target, 'attributedTo') ?? activityActor),
    content,
    visibility: visibility(target) ?? null,
    sensitive: field(target, 'sensitive') === true,
    // A Mastodon-style content warning; an Article's summary is its abstract, not a warning.
    spoiler_text: TITLED.has(type) ? '' : (summary ?? '').slice(0, 5_000),
    media_attachments: asList(field(target, 'attachment'), LIMIT).filter((a) => typeof a === 'object' && a !== null).map(readAttachment),
    mentions,
    tags,
    poll: { options: choices.map((choice) => ({ title: languageValue(choice, 'name') ?? null })) },
    in_reply_to_id: inReplyTo ?? null,
  }
}
