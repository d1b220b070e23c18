import { htmlToText } from '../text/html-to-text.js'
import { acctHost, canonicalAcct } from './acct.js'
import { asArray, asCount, asId, asString, asTime, field } from './fields.js'
import type { NormalizedStatus, StatusAuthor, StatusLink, StatusMedia, StatusMention } from './normalized-status.js'
import { accountCreatedAt } from './snowflake.js'

/** Limits that keep reading linear and bounded on hostile input. */
export interface ReadLimits {
  /** Characters of content HTML read; the rest is ignored and the verdict says so. */
  readonly maxContentLength: number
  /** Entries read from each array (mentions, media, tags, poll options). */
  readonly maxListLength: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxContentLength: 100_000, maxListLength: 500 }

const DEFAULT_AVATAR = /\/(?:avatars\/original\/)?missing\.png(?:\?|$)/u
const PLAIN_MENTION = /(?:^|[\s(])@[\p{L}\p{N}_.-]{1,64}(?:@[\p{L}\p{N}.-]{1,253})?/gu

/**
 * Finds the status to classify in what the caller passed: a boost classifies the boosted status,
 * and a Notification of type `mention` (or `status`, `update`) its status.
 *
 * @param input - a Status, a boost, or a Notification, as parsed JSON
 * @returns the status object, or `undefined` when the input holds none
 */
export function unwrapStatus(input: unknown): object | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  const type = asString(field(input, 'type'))
  const inner = field(input, 'status')
  if (type !== undefined && typeof inner === 'object' && inner !== null && field(input, 'content') === undefined) {
    return unwrapStatus(inner)
  }
  const reblog = field(input, 'reblog')
  if (typeof reblog === 'object' && reblog !== null && !Array.isArray(reblog)) return reblog
  return input
}

/**
 * Whether a bio (HTML) shows any text: the first visible character outside a tag ends the scan,
 * so the cost is a few characters for a real bio and the bio's length only for an empty one.
 */
function bioHasText(note: string): boolean {
  const limit = Math.min(note.length, 10_000)
  let inTag = false
  for (let i = 0; i < limit; i++) {
    const code = note.charCodeAt(i)
    if (inTag) {
      if (code === 62) inTag = false
    } else if (code === 60) {
      inTag = true
    } else if (code > 32 && code !== 0xa0 && code !== 0x3000 && code !== 0x200b && code !== 0xfeff) {
      // `&nbsp;` alone is no bio either.
      if (code === 38 && note.startsWith('&nbsp;', i)) {
        i += 5
        continue
      }
      return true
    }
  }
  return false
}

function readAuthor(account: unknown, localHost: string | undefined): StatusAuthor {
  const username = asString(field(account, 'username')) ?? ''
  const rawAcct = asString(field(account, 'acct')) ?? username
  const url = asString(field(account, 'url'))
  const acct = canonicalAcct(rawAcct, localHost)
  const id = asId(field(account, 'id'))
  // An absent avatar field is no evidence; an empty one or the server's picture is a default avatar.
  const avatar = asString(field(account, 'avatar')) ?? asString(field(account, 'avatar_static'))
  const note = asString(field(account, 'note')) ?? ''
  return {
    id,
    acct,
    username: username || acct.split('@')[0] || '',
    host: acctHost(acct, url),
    displayName: (asString(field(account, 'display_name')) ?? '').slice(0, 1_000),
    hasBio: bioHasText(note),
    hasDefaultAvatar: avatar !== undefined && (avatar === '' || DEFAULT_AVATAR.test(avatar)),
    createdAt: accountCreatedAt(asTime(field(account, 'created_at')), id),
    followersCount: asCount(field(account, 'followers_count')),
    followingCount: asCount(field(account, 'following_count')),
    statusesCount: asCount(field(account, 'statuses_count')),
    bot: field(account, 'bot') === true,
    fieldsCount: asArray(field(account, 'fields'), 64).length,
  }
}

function readMedia(value: unknown): StatusMedia {
  const original = field(field(value, 'meta'), 'original')
  return {
    id: asId(field(value, 'id')),
    type: asString(field(value, 'type')) ?? 'unknown',
    url: asString(field(value, 'url')) ?? asString(field(value, 'remote_url')),
    previewUrl: asString(field(value, 'preview_url')),
    description: (asString(field(value, 'description')) ?? '').slice(0, 5_000),
    blurhash: asString(field(value, 'blurhash'))?.slice(0, 128),
    width: asCount(field(original, 'width')),
    height: asCount(field(original, 'height')),
  }
}

function readMentions(status: object, anchors: readonly { href: string; text: string }[], localHost: string | undefined, limit: number): StatusMention[] {
  const byKey = new Map<string, StatusMention>()
  for (const entry of asArray(field(status, 'mentions'), limit)) {
    const raw = asString(field(entry, 'acct')) ?? asString(field(entry, 'username'))
    if (raw === undefined || raw === '') continue
    const acct = canonicalAcct(raw, localHost)
    const url = asString(field(entry, 'url'))
    byKey.set(url ?? acct, { acct, id: asId(field(entry, 'id')), url })
  }
  // Mentions written in the HTML but missing from the array (other servers, edited JSON). An
  // anchor is the same account as an array entry when its href, its acct, or (when one side has
  // no host) its username matches; `bob@a.example` and `bob@b.example` stay two accounts.
  if (anchors.length === 0) return [...byKey.values()]
  // Fast path: every anchor's href is an array entry's URL (what Mastodon always sends).
  let allKnown = true
  for (const anchor of anchors) {
    if (anchor.href === '' || !byKey.has(anchor.href)) {
      allKnown = false
      break
    }
  }
  if (allKnown) return [...byKey.values()]
  const known = new Set<string>()
  const usernames = new Set<string>()
  const bareUsernames = new Set<string>()
  const remember = (mention: StatusMention): void => {
    const at = mention.acct.indexOf('@')
    const username = at < 0 ? mention.acct : mention.acct.slice(0, at)
    known.add(mention.acct)
    if (mention.url !== undefined) known.add(mention.url)
    usernames.add(username)
    if (!mention.acct.includes('@')) bareUsernames.add(username)
  }
  for (const mention of byKey.values()) remember(mention)
  for (const anchor of anchors) {
    if (byKey.size >= limit) break
    const name = anchor.text.replace(/^@/u, '').toLowerCase()
    const username = name.split('@')[0] ?? ''
    const acct = name.includes('@') ? name : canonicalAcct(name, acctHost('', anchor.href))
    if (known.has(anchor.href) || known.has(acct) || bareUsernames.has(username) || (!acct.includes('@') && usernames.has(username))) continue
    const mention: StatusMention = { acct, id: undefined, url: anchor.href || undefined }
    byKey.set(anchor.href || acct, mention)
    remember(mention)
  }
  return [...byKey.values()]
}

/** The hashtags of the HTML and of the `tags` array, lowercased, each once, in that order. */
function readHashtags(status: object, fromHtml: readonly string[], limit: number): string[] {
  const tags = asArray(field(status, 'tags'), limit)
  // Most statuses have no hashtag, or one: nothing to merge.
  if (tags.length === 0 && fromHtml.length < 2) return [...fromHtml]
  const hashtags = new Set(fromHtml)
  for (const tag of tags) {
    const name = asString(field(tag, 'name'))
    if (name !== undefined && name !== '') hashtags.add(name.toLowerCase())
  }
  return [...hashtags]
}

/**
 * Reads a status (already unwrapped) into the internal form. Never throws: missing or wrongly
 * typed fields become `undefined`, `''` or `[]`.
 *
 * @param status - the status object
 * @param localHost - host of the server the JSON came from, to qualify local accts
 * @param limits - reading limits
 * @returns the normalized status
 */
export function readStatus(status: object, localHost: string | undefined, limits: ReadLimits = DEFAULT_READ_LIMITS): NormalizedStatus {
  const limit = limits.maxListLength
  const rawContent = asString(field(status, 'content')) ?? ''
  const truncated = rawContent.length > limits.maxContentLength
  const html = htmlToText(truncated ? rawContent.slice(0, limits.maxContentLength) : rawContent)
  const author = readAuthor(field(status, 'account'), localHost)
  const mentions = readMentions(status, html.mentions, localHost, limit)

  const hashtags = readHashtags(status, html.hashtags, limit)

  const links: StatusLink[] = html.links.map((a) => ({ href: a.href, text: a.text, source: 'content' as const }))
  const cardValue = field(status, 'card')
  const cardUrl = asString(field(cardValue, 'url'))
  const card =
    cardUrl === undefined
      ? undefined
      : {
          url: cardUrl,
          title: (asString(field(cardValue, 'title')) ?? '').slice(0, 1_000),
          description: (asString(field(cardValue, 'description')) ?? '').slice(0, 5_000),
        }
  if (card !== undefined) links.push({ href: card.url, text: card.title, source: 'card' })

  const media = asArray(field(status, 'media_attachments'), limit).map(readMedia)
  const extraTexts: string[] = []
  for (const option of asArray(field(field(status, 'poll'), 'options'), limit)) {
    const title = asString(field(option, 'title'))
    if (title !== undefined && title !== '') extraTexts.push(title.slice(0, 1_000))
  }
  for (const item of media) if (item.description !== '') extraTexts.push(item.description)
  if (card !== undefined) {
    if (card.title !== '') extraTexts.push(card.title)
    if (card.description !== '') extraTexts.push(card.description)
  }

  const inReplyToId = asId(field(status, 'in_reply_to_id'))
  return {
    id: asId(field(status, 'id')),
    url: asString(field(status, 'url')) ?? asString(field(status, 'uri')),
    createdAt: asTime(field(status, 'created_at')),
    visibility: asString(field(status, 'visibility')),
    language: asString(field(status, 'language')),
    isReply: inReplyToId !== undefined,
    inReplyToAccountId: asId(field(status, 'in_reply_to_account_id')),
    text: html.text,
    // PLAIN_MENTION needs an `@`: prose without one is kept as it is.
    prose: html.prose.includes('@') ? html.prose.replace(PLAIN_MENTION, ' ').trim() : html.prose,
    spoilerText: (asString(field(status, 'spoiler_text')) ?? '').slice(0, 5_000),
    extraTexts,
    imageTexts: [],
    links,
    mentions,
    hashtags,
    media,
    card,
    author,
    truncated,
  }
}
