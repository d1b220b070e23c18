/**
 * What the playground accepts: any JSON the library reads (a Mastodon Status or Notification, a
 * masto.js entity, a Misskey note, an ActivityPub Note/Question/Article or a Create of one), the
 * same inside the wrappers exports and hooks use (`{"status": …}`, `{"object": …}`, an admin
 * webhook, a streaming API message), a JSON array or JSON lines of those, and plain text, read as a
 * public status by a stranger (an account the viewer does not follow, of unknown age).
 */
import { detectInput } from '../src/status/detect-input.js'

/** One status to classify, with what it was read as. */
export interface PlaygroundItem {
  readonly status: unknown
  /** In words, e.g. `a Misskey note`, `plain text (a status by a stranger)`. */
  readonly seen: string
}

export type ParseResult = { readonly items: readonly PlaygroundItem[] } | { readonly error: string }

/** The statuses in a parsed value, each with what the value was, in words (from `detectInput`). */
function fromJson(value: unknown, host: string | undefined): PlaygroundItem[] {
  const found = detectInput(value, host === undefined ? {} : { host })
  return found.statuses.map((status) => ({ status, seen: found.seen }))
}

/** What a value that holds no status was, for the message. */
function seenIn(value: unknown, host: string | undefined): string {
  return detectInput(value, host === undefined ? {} : { host }).seen
}

const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')

/**
 * Plain text as a public status by a stranger, in the HTML Mastodon would render: paragraphs, line
 * breaks, and `@user@host` as mentions (Mastodon's h-card markup plus `mentions` entries).
 *
 * @param text - the text as pasted
 * @param n - a number for the stranger (several pasted texts come from different strangers)
 * @returns a Mastodon REST Status
 */
export function textToStatus(text: string, n = 1): object {
  const mentions: { id: string; username: string; acct: string; url: string }[] = []
  const html = text
    .trim()
    .split(/\n\s*\n/u)
    .map((paragraph) => {
      const escaped = escapeHtml(paragraph).replace(/\n/gu, '<br>')
      return `<p>${escaped.replace(/(^|[^\w@])@([a-z0-9_]{1,64})@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8})/giu, (_, before: string, user: string, host: string) => {
        const url = `https://${host}/@${user}`
        if (!mentions.some((m) => m.acct === `${user}@${host}`)) mentions.push({ id: String(mentions.length + 1), username: user, acct: `${user}@${host}`, url })
        return `${before}<span class="h-card" translate="no"><a href="${escapeHtml(url)}" class="u-url mention">@<span>${user}</span></a></span>`
      })}</p>`
    })
    .join('')
  return {
    id: `pasted-${n}`,
    created_at: new Date().toISOString(),
    in_reply_to_id: null,
    visibility: 'public',
    spoiler_text: '',
    content: html,
    url: null,
    uri: `https://elsewhere.example/statuses/pasted-${n}`,
    account: { id: `stranger-${n}`, username: `stranger${n}`, acct: `stranger${n}@elsewhere.example`, display_name: `Stranger ${n}`, url: `https://elsewhere.example/@stranger${n}` },
    mentions,
    tags: [],
    emojis: [],
    media_attachments: [],
    card: null,
    poll: null,
  }
}

/** Whether text was meant as JSON: it starts like an object or array. */
const looksLikeJson = (text: string): boolean => /^\s*[[{]/u.test(text)

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * One status: JSON (a list gives its first status) or plain text.
 *
 * @param text - what was pasted
 * @param host - the server the JSON came from (qualifies Misskey local accounts)
 */
export function parseOne(text: string, host: string | undefined): ParseResult {
  if (text.trim() === '') return { error: 'Paste a status (JSON or plain text), or pick an example.' }
  if (!looksLikeJson(text)) return { items: [{ status: textToStatus(text), seen: 'plain text (a public status by a stranger)' }] }
  const parsed = parseJson(text)
  if ('error' in parsed) return parsed
  const items = fromJson(parsed.value, host)
  if (items.length === 0) return { error: `No status in this input: ${seenIn(parsed.value, host)}.` }
  if (items.length > 1) return { items: [{ ...items[0]!, seen: `the first of ${items.length} statuses in ${items[0]!.seen} ("Several" reads them all)` }] }
  return { items }
}

/**
 * Several statuses, for one filter: a JSON array, JSON lines, or blocks separated by a line with
 * only `---` (each block JSON or plain text; plain text blocks come from different strangers).
 *
 * @param text - what was pasted
 * @param host - the server the JSON came from
 */
export function parseSeveral(text: string, host: string | undefined): ParseResult {
  if (text.trim() === '') return { error: 'Paste several statuses: a JSON array, JSON lines, or texts separated by a line with ---.' }
  if (/^\s*\[/u.test(text)) {
    const parsed = parseJson(text)
    if ('error' in parsed) return parsed
    const items = fromJson(parsed.value, host)
    if (items.length === 0) return { error: `No status in this input: ${seenIn(parsed.value, host)}.` }
    return { items }
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (lines.every((line) => looksLikeJson(line) && !('error' in parseJson(line)))) {
    return { items: lines.flatMap((line) => fromJson(JSON.parse(line), host)) }
  }
  const blocks = text.split(/^\s*---\s*$/mu).map((b) => b.trim()).filter((b) => b !== '')
  const items: PlaygroundItem[] = []
  for (const [i, block] of blocks.entries()) {
    if (looksLikeJson(block)) {
      const parsed = parseJson(block)
      if ('error' in parsed) return { error: `Block ${i + 1}: ${parsed.error}` }
      items.push(...fromJson(parsed.value, host))
    } else items.push({ status: textToStatus(block, i + 1), seen: 'plain text (a public status by a stranger)' })
  }
  return { items }
}
