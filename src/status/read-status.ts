import { htmlToText } from './read-content.js'
import { acctHost, canonicalAcct } from './acct.js'
import { asArray, asCount, asId, asString, asTime, field } from './fields.js'
import type { NormalizedStatus, StatusAuthor, StatusLink, StatusMedia, StatusMention } from './normalized-status.js'
import { readQuote } from './quote.js'
import { accountCreatedAt } from './snowflake.js'

/** Limits that keep reading linear and bounded on hostile input. */
export interface ReadLimits {
  /** Characters of content HTML read; the rest is ignored and the verdict says so. */
  readonly maxContentLength: number
  /** Entries read from each array (mentions, media, tags, poll options). */
  readonly maxListLength: number
  /**
   * The work budget of one status: characters of text read across all text fields together, the
   * fields that matter most first (content, content warning, card, poll options, alt texts, then
   * text read from images). What is past it is not read and the verdict says so (`truncated`).
   * @default 200000
   */
  readonly maxTextLength?: number
}

/** The default work budget of one status, in characters of text. */
export const DEFAULT_TEXT_BUDGET = 200_000

export const DEFAULT_READ_LIMITS: ReadLimits = { maxContentLength: 100_000, maxListLength: 500, maxTextLength: DEFAULT_TEXT_BUDGET }

/** Longest tag name, acct or id read; longer ones are cut before any work (lowercasing, hashing). */
const MAX_NAME_LENGTH = 1_000
/** Longest URL read (link, card, media, avatar). */
const MAX_URL_LENGTH = 8_192
/** Longest short field read (language, visibility). */
const MAX_WORD_LENGTH = 64

const cap = (text: string | undefined, max: number): string | undefined => (text !== undefined && text.length > max ? text.slice(0, max) : text)

/** Reads text fields against the status's budget, remembering which fields it cut. */
class TextBudget {
  left: number
  readonly cut: string[] = []

  constructor(readonly total: number) {
    this.left = total
  }

  /** `text`, at most `max` characters and what is left of the budget; `field` is named when the budget cut it. */
  take(text: string, max: number, field: string): string {
    const limit = Math.min(max, this.left)
    if (text.length <= limit) {
      this.left -= text.length
      return text
    }
    if (limit < max && !this.cut.includes(field)) this.cut.push(field)
    this.left -= limit
    return text.slice(0, limit)
  }
}

const DEFAULT_AVATAR = /\/(?:avatars\/original\/)?missing\.png(?:\?|$)/u
// Where Mastodon, Misskey, Pleroma and others put a tag's page and an account's profile.
const TAG_PAGE = /^https?:\/\/[^/?#\s]+\/(?:tags?|explore\/tags|hashtag|search)(?:\/|\?)/iu
const PROFILE_PAGE = /^https?:\/\/[^/?#\s]+\/(?:@[^/?#\s]+|(?:users|u|profile|accounts|a|c|video-channels|channel)\/[^/?#\s]+|~[^/?#\s]+)\/?$/iu
const PLAIN_MENTION = /(?:^|[\s(])@[\p{L}\p{N}_.-]{1,64}(?:@[\p{L}\p{N}.-]{1,253})?/gu

// Moved to unwrap.ts (iterative, depth-limited); re-exported here for existing imports.
export { unwrapStatus } from './unwrap.js'

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

/** The keys of an account that `readAuthor` reads. */
const ACCOUNT_KEYS = ['username', 'acct', 'url', 'id', 'avatar', 'avatar_static', 'note', 'display_name', 'created_at', 'followers_count', 'following_count', 'statuses_count', 'bot', 'fields'] as const
/** The keys of a mention that `readMentions` reads. */
const MENTION_KEYS = ['acct', 'username', 'url', 'id'] as const
/** The keys of a status that `readStatus` reads. */
const STATUS_KEYS = ['content', 'account', 'mentions', 'tags', 'card', 'media_attachments', 'poll', 'id', 'url', 'uri', 'created_at', 'visibility', 'language', 'in_reply_to_id', 'in_reply_to_account_id', 'spoiler_text'] as const

type Fields<K extends string> = Record<K, unknown>

/** Each key read through `field`: `undefined` for a read that throws, the others as they are. */
function safeFields<K extends string>(value: unknown, keys: readonly K[]): Fields<K> {
  const fields = {} as Fields<K>
  for (const key of keys) fields[key] = field(value, key)
  return fields
}

// The readers below read a JSON object's fields with plain property reads, each site seeing
// one kind of object (faster than `field`, whose one read sees every key of every object). When a
// read throws (a hostile getter or proxy), every field is read again through `safeFields`. The
// guard is written out in each on purpose: one helper taking the plain reads as a callback
// measured 1–3.6% slower on the whole pipeline.

function accountFields(account: unknown): Fields<(typeof ACCOUNT_KEYS)[number]> {
  if (typeof account !== 'object' || account === null) return safeFields(undefined, ACCOUNT_KEYS)
  try {
    const a = account as Record<string, unknown>
    return {
      username: a.username,
      acct: a.acct,
      url: a.url,
      id: a.id,
      avatar: a.avatar,
      avatar_static: a.avatar_static,
      note: a.note,
      display_name: a.display_name,
      created_at: a.created_at,
      followers_count: a.followers_count,
      following_count: a.following_count,
      statuses_count: a.statuses_count,
      bot: a.bot,
      fields: a.fields,
    }
  } catch {
    return safeFields(account, ACCOUNT_KEYS)
  }
}

function mentionFields(mention: unknown): Fields<(typeof MENTION_KEYS)[number]> {
  if (typeof mention !== 'object' || mention === null) return safeFields(undefined, MENTION_KEYS)
  try {
    const m = mention as Record<string, unknown>
    return { acct: m.acct, username: m.username, url: m.url, id: m.id }
  } catch {
    return safeFields(mention, MENTION_KEYS)
  }
}

function statusFields(status: object): Fields<(typeof STATUS_KEYS)[number]> {
  try {
    const s = status as Record<string, unknown>
    return {
      content: s.content,
      account: s.account,
      mentions: s.mentions,
      tags: s.tags,
      card: s.card,
      media_attachments: s.media_attachments,
      poll: s.poll,
      id: s.id,
      url: s.url,
      uri: s.uri,
      created_at: s.created_at,
      visibility: s.visibility,
      language: s.language,
      in_reply_to_id: s.in_reply_to_id,
      in_reply_to_account_id: s.in_reply_to_account_id,
      spoiler_text: s.spoiler_text,
    }
  } catch {
    return safeFields(status, STATUS_KEYS)
  }
}

function readAuthor(account: unknown, localHost: string | undefined): StatusAuthor {
  const a = accountFields(account)
  const username = cap(asString(a.username), MAX_NAME_LENGTH) ?? ''
  const rawAcct = cap(asString(a.acct), MAX_NAME_LENGTH) ?? username
  const url = cap(asString(a.url), MAX_URL_LENGTH)
  const acct = canonicalAcct(rawAcct, localHost)
  const id = cap(asId(a.id), MAX_NAME_LENGTH)
  // An absent avatar field is no evidence; an empty one or the server's picture is a default avatar.
  const avatar = cap(asString(a.avatar) ?? asString(a.avatar_static), MAX_URL_LENGTH)
  const note = asString(a.note) ?? ''
  return {
    id,
    acct,
    username: username || acct.split('@')[0] || '',
    host: acctHost(acct, url),
    displayName: (asString(a.display_name) ?? '').slice(0, 1_000),
    hasBio: bioHasText(note),
    hasDefaultAvatar: avatar !== undefined && (avatar === '' || DEFAULT_AVATAR.test(avatar)),
    createdAt: accountCreatedAt(asTime(a.created_at), id),
    followersCount: asCount(a.followers_count),
    followingCount: asCount(a.following_count),
    statusesCount: asCount(a.statuses_count),
    bot: a.bot === true,
    fieldsCount: asArray(a.fields, 64).length,
  }
}

function readMedia(value: unknown): StatusMedia {
  const original = field(field(value, 'meta'), 'original')
  return {
    id: cap(asId(field(value, 'id')), MAX_NAME_LENGTH),
    type: cap(asString(field(value, 'type')), MAX_WORD_LENGTH) ?? 'unknown',
    url: cap(asString(field(value, 'url')) ?? asString(field(value, 'remote_url')), MAX_URL_LENGTH),
    previewUrl: cap(asString(field(value, 'preview_url')), MAX_URL_LENGTH),
    // Cut again by the status's text budget in readStatus.
    description: (asString(field(value, 'description')) ?? '').slice(0, 5_000),
    blurhash: asString(field(value, 'blurhash'))?.slice(0, 128),
    width: asCount(field(original, 'width')),
    height: asCount(field(original, 'height')),
  }
}

/** Whether each anchor's href is the URL of the array's entry in its place, every href distinct and not empty. */
export function sameUrlsInOrder(anchors: readonly { href: string }[], listed: readonly StatusMention[]): boolean {
  for (let at = 0; at < anchors.length; at++) {
    const href = anchors[at]!.href
    if (href === '' || href !== listed[at]?.url) return false
    for (let before = 0; before < at; before++) if (anchors[before]!.href === href) return false
  }
  return true
}

function readMentions(entries: unknown, anchors: readonly { href: string; text: string }[], localHost: string | undefined, limit: number): StatusMention[] {
  const listed: StatusMention[] = []
  for (const entry of asArray(entries, limit)) {
    const m = mentionFields(entry)
    const raw = cap(asString(m.acct) ?? asString(m.username), MAX_NAME_LENGTH)
    if (raw === undefined || raw === '') continue
    const url = cap(asString(m.url), MAX_URL_LENGTH)
    listed.push({ acct: canonicalAcct(raw, localHost), id: cap(asId(m.id), MAX_NAME_LENGTH), url })
  }
  // Fast path for a few mentions: the anchors are the array's entries, in order, by distinct URLs
  // (what Mastodon sends), so nothing is repeated or missing; compared without hashing.
  if (anchors.length === listed.length && listed.length <= 32 && sameUrlsInOrder(anchors, listed)) return listed
  // Entries by URL (or acct), a repeated one replacing the first in its place.
  const byKey = new Map<string, StatusMention>()
  for (const mention of listed) byKey.set(mention.url ?? mention.acct, mention)
  // Mentions written in the HTML but missing from the array (other servers, edited JSON). An
  // anchor is the same account as an array entry when its href, its acct, or (when one side has
  // no host) its username matches; `bob@a.example` and `bob@b.example` stay two accounts.
  if (anchors.length === 0) return [...byKey.values()]
  // Every anchor's href is an array entry's URL, in another order.
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
function readHashtags(tagsValue: unknown, fromHtml: readonly string[], limit: number): string[] {
  const tags = asArray(tagsValue, limit)
  // Most statuses have no hashtag, or one: nothing to merge.
  if (tags.length === 0 && fromHtml.length < 2) return [...fromHtml]
  // A few names: an array searched in place costs less than a Set (the same names, in the same order).
  if (tags.length + fromHtml.length <= 16) {
    const few: string[] = []
    for (const name of fromHtml) if (!few.includes(name)) few.push(name)
    for (const tag of tags) {
      const name = cap(asString(field(tag, 'name')), MAX_NAME_LENGTH)
      if (name !== undefined && name !== '') {
        const lower = name.toLowerCase()
        if (!few.includes(lower)) few.push(lower)
      }
    }
    return few
  }
  const hashtags = new Set(fromHtml)
  for (const tag of tags) {
    const name = cap(asString(field(tag, 'name')), MAX_NAME_LENGTH)
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
  const budget = new TextBudget(limits.maxTextLength ?? DEFAULT_TEXT_BUDGET)
  const f = statusFields(status)
  // The fields that matter most are read first: content, content warning, card, poll, alt texts.
  const rawContent = asString(f.content) ?? ''
  const contentCut = rawContent.length > limits.maxContentLength
  const html = htmlToText(budget.take(rawContent, limits.maxContentLength, 'content'))
  const spoilerText = budget.take(asString(f.spoiler_text) ?? '', 5_000, 'content warning')
  const author = readAuthor(f.account, localHost)
  const mentions = readMentions(f.mentions, html.mentions, localHost, limit)

  const hashtags = readHashtags(f.tags, html.hashtags, limit)

  const links: StatusLink[] = html.links.map((a) => ({ href: a.href, text: a.text, source: 'content' as const }))
  // Mastodon 4.5's `RE: <link>` fallback is not the author's link when the status carries its
  // quote (the quoted status is classified on its own); without the quote it is all there is.
  if (html.quoteLinks.length > 0 && readQuote(status) === undefined) for (const a of html.quoteLinks) links.push({ href: a.href, text: a.text, source: 'content' })
  // A hashtag or mention anchor is a link too when its href is not a tag page or the profile of
  // a mentioned account (`<a class="mention" href="https://evil.example/login">@support</a>`).
  for (const tag of html.tags) if (!TAG_PAGE.test(tag.href)) links.push({ href: tag.href, text: tag.text, source: 'content' })
  if (html.mentions.length > 0) {
    // The profiles of the accounts the status lists (mentions read from the HTML alone have no id),
    // built only when an anchor is not the listed mention in its own place (what Mastodon sends:
    // the anchors in the order of the array).
    let listed: Set<string> | undefined
    for (let at = 0; at < html.mentions.length; at++) {
      const anchor = html.mentions[at]!
      if (anchor.href === '') continue
      const inPlace = mentions[at]
      if (inPlace !== undefined && inPlace.id !== undefined && inPlace.url === anchor.href) continue
      if (listed === undefined) {
        listed = new Set<string>()
        for (const mention of mentions) if (mention.url !== undefined && mention.id !== undefined) listed.add(mention.url)
      }
      if (!listed.has(anchor.href) && !PROFILE_PAGE.test(anchor.href)) links.push({ href: anchor.href, text: anchor.text, source: 'content' })
    }
  }
  const cardValue = f.card
  const cardUrl = cap(asString(field(cardValue, 'url')), MAX_URL_LENGTH)
  const card =
    cardUrl === undefined
      ? undefined
      : {
          url: cardUrl,
          title: budget.take(asString(field(cardValue, 'title')) ?? '', 1_000, 'card'),
          description: budget.take(asString(field(cardValue, 'description')) ?? '', 5_000, 'card'),
        }
  if (card !== undefined) links.push({ href: card.url, text: card.title, source: 'card' })

  const extraTexts: string[] = []
  for (const option of asArray(field(f.poll, 'options'), limit)) {
    const title = asString(field(option, 'title'))
    if (title !== undefined && title !== '') {
      const read = budget.take(title, 1_000, 'poll options')
      if (read !== '') extraTexts.push(read)
    }
  }
  const media = asArray(f.media_attachments, limit).map(readMedia)
  for (let i = 0; i < media.length; i++) {
    const item = media[i]!
    if (item.description === '') continue
    const description = budget.take(item.description, 5_000, 'alt texts')
    if (description !== item.description) media[i] = { ...item, description }
    if (description !== '') extraTexts.push(description)
  }
  if (card !== undefined) {
    if (card.title !== '') extraTexts.push(card.title)
    if (card.description !== '') extraTexts.push(card.description)
  }

  const inReplyToId = cap(asId(f.in_reply_to_id), MAX_NAME_LENGTH)
  const cut = contentCut && !budget.cut.includes('content') ? ['content', ...budget.cut] : budget.cut
  return {
    id: cap(asId(f.id), MAX_NAME_LENGTH),
    url: cap(asString(f.url) ?? asString(f.uri), MAX_URL_LENGTH),
    createdAt: asTime(f.created_at),
    visibility: cap(asString(f.visibility), MAX_WORD_LENGTH),
    language: cap(asString(f.language), MAX_WORD_LENGTH),
    isReply: inReplyToId !== undefined,
    inReplyToAccountId: cap(asId(f.in_reply_to_account_id), MAX_NAME_LENGTH),
    text: html.text,
    // PLAIN_MENTION needs an `@`: prose without one is kept as it is.
    prose: html.prose.includes('@') ? html.prose.replace(PLAIN_MENTION, ' ').trim() : html.prose,
    spoilerText,
    extraTexts,
    imageTexts: [],
    links,
    mentions,
    hashtags,
    media,
    card,
    author,
    truncated: cut.length > 0,
    ...(cut.length > 0 ? { cut } : {}),
    textBudgetLeft: budget.left,
  }
}
