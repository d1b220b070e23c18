/**
 * Status builders for the memory tests. Our own fixtures, written for these tests from the shape
 * of the Mastodon REST API Status entity (docs.joinmastodon.org/entities/Status); the "bare"
 * account copies the documented shape of the February 2024 wave's accounts (default avatar,
 * display name == username, 0 followers, 0 following, created just before posting).
 */
import type { StatusInput } from '../../src/index.js'

export const T0 = Date.UTC(2026, 10, 20, 12)
const MINUTE = 60_000

export interface FixtureOptions {
  /** Post time, ms after T0. @default one minute per status built */
  readonly at?: number
  /** A bare, new account (the 2024 wave's shape) instead of an established one. */
  readonly bare?: boolean
  /** Accts (user@host) mentioned at the start of the post. */
  readonly mentions?: readonly string[]
  readonly media?: readonly { blurhash: string; width?: number; height?: number }[]
  readonly id?: string
  readonly spoiler?: string
}

/** Makes statuses with increasing ids and times; one builder per test keeps them independent. */
export function statusMaker(): (user: string, text: string, options?: FixtureOptions) => StatusInput {
  let n = 0
  return (user, text, options = {}) => {
    n++
    const [name, host] = user.includes('@') ? user.split('@') as [string, string] : [user, options.bare === true ? 'spam.example' : 'good.example']
    const mentions = options.mentions ?? []
    const id = options.id ?? String(113_500_000_000_000_000n + BigInt(n))
    const links = mentions.map((m) => {
      const [u, h] = m.split('@') as [string, string]
      return `<span class="h-card"><a href="https://${h}/@${u}" class="u-url mention">@<span>${u}</span></a></span>`
    })
    const html = text.split('\n').map((line) => `<p>${line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`).join('')
    return {
      id,
      url: `https://${host}/@${name}/${id}`,
      created_at: new Date(T0 + (options.at ?? n * MINUTE)).toISOString(),
      content: links.length > 0 ? `<p>${links.join(' ')}</p>${html}` : html,
      spoiler_text: options.spoiler ?? '',
      visibility: 'public',
      mentions: mentions.map((m) => ({ id: '1', acct: m, username: m.split('@')[0] ?? m, url: `https://${m.split('@')[1] ?? ''}/@${m.split('@')[0] ?? ''}` })),
      media_attachments: (options.media ?? []).map((m, i) => ({
        id: `${id}${i}`,
        type: 'image',
        url: `https://${host}/media/${id}-${i}.webp`,
        blurhash: m.blurhash,
        ...(m.width === undefined ? {} : { meta: { original: { width: m.width, height: m.height ?? m.width } } }),
      })),
      account:
        options.bare === true
          ? { id: `9${n}`, username: name, acct: `${name}@${host}`, display_name: name, avatar: `https://${host}/avatars/original/missing.png`, note: '', followers_count: 0, following_count: 0, statuses_count: 1, created_at: new Date(T0 - 10 * MINUTE).toISOString() }
          : { id: `8${n}`, username: name, acct: `${name}@${host}`, display_name: `${name} the person`, avatar: `https://${host}/avatars/${name}.png`, note: 'I post about birds and bread.', followers_count: 120, following_count: 95, statuses_count: 2400, created_at: '2019-05-01T00:00:00.000Z' },
    } as StatusInput
  }
}

/** Four strangers to mention, different for every call with a different seed. */
export function strangers(seed: number): string[] {
  return [0, 1, 2, 3].map((i) => `user${seed}x${i}@elsewhere${i}.example`)
}
