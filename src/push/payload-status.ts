import type { AccountInput, MentionInput, StatusInput } from '../status/status-input.js'
import type { ReadMastodonPush } from './push-payload.js'

/**
 * Notification types whose push `body` is the notifier's own status (its content warning or
 * text). For `favourite`, `reblog` and `poll` the body is the viewer's status; for `follow`,
 * `follow_request` and `admin.sign_up` it is the notifier's bio.
 */
const STATUS_TYPES: ReadonlySet<string> = new Set(['mention', 'status', 'update', 'quote', ''])
const BIO_TYPES: ReadonlySet<string> = new Set(['follow', 'follow_request', 'admin.sign_up'])

/** Whether a Mastodon notification type carries a status written by the notifier. */
export function isStatusType(type: string): boolean {
  return STATUS_TYPES.has(type)
}

// Mastodon's push titles are `notification_mailer.<type>.subject` (config/locales) with the name
// first. English: "%{name} mentioned you", "%{name} just posted", "… boosted your status" in older
// versions; Japanese: "%{name} さんに返信されました" (a mention), "%{name} さんからのフォローリクエスト".
const ENGLISH_TITLE = /^(.+?) (?:mentioned you|just posted|edited a (?:post|status)|(?:quoted|boosted|favou?rited) your (?:post|status)|is now following you|followed you|(?:has )?requested to follow you|signed up)$/su
const ENGLISH_PREFIX = /^(?:Pending follower|New follower|New sign-up): (.+)$/su
const JAPANESE_TITLE = /^(.+?)さん(?:が|に|から|の)/su

/**
 * The notifier's name in a push title: the display name, or the username when the display name is
 * empty (Mastodon writes `display_name.presence || username`). Titles in a locale this does not
 * know give the whole title, which still holds the name for the name-reading signals.
 *
 * @param title - the payload's title
 * @returns the name and whether a known title form was recognised
 */
export function readTitleName(title: string): { readonly name: string; readonly recognised: boolean } {
  // Titles longer than any name plus a sentence are not read with the patterns (bounded work).
  if (title.length <= 400) {
    const match = ENGLISH_TITLE.exec(title) ?? ENGLISH_PREFIX.exec(title) ?? JAPANESE_TITLE.exec(title)
    const name = match?.[1]?.trim()
    if (name !== undefined && name !== '') return { name, recognised: true }
  }
  return { name: title.trim(), recognised: false }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ESCAPES[c] ?? c)
}

// `@user` or `@user@host` as written in text (Mastodon strips the mention links, keeping the text).
// The plain reading, kept in test/push/plain-mentions-reference.ts and compared with `plainMentions`:
//   /(?:^|[\s(（])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63})(?:@([\p{L}\p{N}][\p{L}\p{N}.-]{0,252}))?/gu
// Read by code point instead: each `[\p{L}\p{N}…]` class costs V8 about 0.7 ms to compile on first
// use (3 ms for that expression, in the cold start of the first push verdict); an ASCII character
// is judged by its code, and `\p{L}\p{N}` is compiled only when a non-ASCII one is read.
const MAX_USERNAME = 64
const MAX_HOST = 253
let letterOrDigit: RegExp | undefined

/** Whether the code point is a letter or digit (`\p{L}` or `\p{N}`) of any script. */
function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  // Built here, not written as a literal: QuickJS would compile a literal when the module is parsed.
  return (letterOrDigit ??= new RegExp(String.raw`^[\p{L}\p{N}]$`, 'u')).test(String.fromCodePoint(code))
}

/** Whether the character may come right before a plain mention's `@` (`[\s(（]`). */
function opensMention(char: string): boolean {
  return char === '(' || char === '（' || /^\s$/u.test(char)
}

/**
 * The end of the longest run from `at` of at most `max` code points that are letters or digits,
 * or one of `extra` (character codes).
 */
function runEnd(text: string, at: number, max: number, extra: readonly number[]): number {
  let i = at
  for (let n = 0; n < max && i < text.length; n++) {
    const code = text.codePointAt(i)!
    if (!extra.includes(code) && !isLetterOrDigit(code)) break
    i += code > 0xffff ? 2 : 1
  }
  return i
}

const USERNAME_FIRST = [0x5f]
const USERNAME_REST = [0x5f, 0x2e, 0x2d]
const HOST_REST = [0x2e, 0x2d]

/**
 * The plain mentions of a text in order: `[start, username, host]` as the expression above finds
 * them with `matchAll` (the host `undefined` when absent).
 */
function* mentionMatches(body: string): Generator<readonly [string, string | undefined]> {
  let at = body.indexOf('@')
  while (at !== -1) {
    // `^@` or `[\s(（]@`: the character before an `@` (one UTF-16 unit: every opener is in the BMP).
    if (at === 0 || opensMention(body.charAt(at - 1))) {
      const start = at + 1
      // The username: a letter, digit or `_`, then up to 63 of those or `.` `-`.
      const firstEnd = runEnd(body, start, 1, USERNAME_FIRST)
      if (firstEnd > start) {
        const nameEnd = runEnd(body, firstEnd, MAX_USERNAME - 1, USERNAME_REST)
        let end = nameEnd
        let host: string | undefined
        if (body.charCodeAt(nameEnd) === 0x40) {
          const hostFirst = runEnd(body, nameEnd + 1, 1, [])
          if (hostFirst > nameEnd + 1) {
            end = runEnd(body, hostFirst, MAX_HOST - 1, HOST_REST)
            host = body.slice(nameEnd + 1, end)
          }
        }
        yield [body.slice(start, nameEnd), host]
        // The next match is searched from the end of this one.
        at = body.indexOf('@', end)
        // (A match's last character is a letter, digit, `_`, `.` or `-`, never an opener, so an
        // `@` right at `end` cannot start a match the expression would find.)
        continue
      }
    }
    at = body.indexOf('@', at + 1)
  }
}

/**
 * The accounts a push body mentions, read from its text (`@user`, `@user@host`), each once.
 *
 * @param body - the push body
 * @param limit - the most mentions read
 * @returns mentions in the REST shape
 */
export function plainMentions(body: string, limit = 100): MentionInput[] {
  const seen = new Set<string>()
  const mentions: MentionInput[] = []
  for (const [name, hostRead] of mentionMatches(body)) {
    const username = name.replace(/[.-]+$/u, '')
    const host = hostRead?.replace(/[.-]+$/u, '')
    if (username === '') continue
    const acct = host === undefined || host === '' ? username : `${username}@${host}`
    if (seen.has(acct.toLowerCase())) continue
    seen.add(acct.toLowerCase())
    mentions.push({ acct, username })
    if (mentions.length >= limit) break
  }
  return mentions
}

/**
 * The status a Mastodon push payload describes, as far as the payload tells: the body as content
 * (with the mentions written in it), the name from the title as the display name, the icon as
 * the avatar. The account has no acct, username, age or counts: the signals that need them stay
 * silent rather than guess.
 *
 * @param push - the read payload
 * @returns a REST-shaped status
 */
export function payloadStatus(push: ReadMastodonPush): StatusInput {
  const { name } = readTitleName(push.title)
  const account: AccountInput = {
    display_name: name,
    ...(push.icon === '' ? {} : { avatar: push.icon, avatar_static: push.icon }),
    ...(BIO_TYPES.has(push.type) && push.body !== '' ? { note: `<p>${escapeHtml(push.body)}</p>` } : {}),
  }
  if (!isStatusType(push.type)) return { account }
  const paragraphs = push.body
    .split(/\n{2,}/u)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/gu, '<br>')}</p>`)
    .join('')
  return { content: paragraphs, account, mentions: plainMentions(push.body) }
}
