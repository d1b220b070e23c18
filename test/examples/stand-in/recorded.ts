/**
 * The stand-in's recorded answers: Mastodon API entities shaped as documented
 * (docs.joinmastodon.org/entities/), from api/ here and from the project's own status fixtures
 * (fixtures/statuses/, written by us: see fixtures/README.md). The viewer is `Moderator`, a local
 * account of the stand-in that follows `Mika@Example.Social` (capitals, as Mastodon returns
 * the acct), the local `Sora`, and `hanako@mstdn.example` (on a second page of the follow list).
 */
import { readFileSync } from 'node:fs'
import type { Answer, StandInOptions, StreamEvent } from './server.js'

const json = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'))
const api = (name: string): unknown => json(new URL(`api/${name}`, import.meta.url))
const status = (path: string): unknown => json(new URL(`../../../fixtures/statuses/${path}`, import.meta.url))

/** The home timeline, newest first, and the label each status must get (viewer context included). */
export const HOME_TIMELINE: readonly { readonly status: unknown; readonly label: 'spam' | 'suspicious' | 'clean' }[] = [
  { status: api('status-followed-mika.json'), label: 'clean' },
  { status: status('spam/2024-02-arashi-link-01.json'), label: 'spam' },
  { status: status('ham/2025-01-japanese-links-01.json'), label: 'clean' },
  { status: status('spam/2026-03-crowdfunding-blast-01.json'), label: 'suspicious' },
  { status: status('ham/2025-06-friends-thread-01.json'), label: 'clean' },
]

/** What the streams send, and the label each status must get. */
export const STREAMS: Record<string, readonly (StreamEvent & { readonly label?: string })[]> = {
  public: [
    { event: 'update', payload: status('spam/2024-02-arashi-link-02.json'), label: 'spam' },
    { event: 'delete', payload: '113860706041875316' },
    { event: 'update', payload: status('ham/2025-01-japanese-links-01.json'), label: 'clean' },
    { event: 'update', payload: status('spam/2024-10-midokuri-01.json'), label: 'spam' },
  ],
  user: [
    { event: 'notification', payload: status('spam/2024-02-mention-notification-01.json'), label: 'spam' },
    { event: 'update', payload: status('ham/2025-06-friends-thread-02.json'), label: 'clean' },
  ],
}

/** Every status any answer holds, by id (GET /api/v1/statuses/:id). */
function statusesById(): Map<string, unknown> {
  const byId = new Map<string, unknown>()
  const add = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return
    const record = value as { id?: unknown; status?: unknown; type?: unknown }
    if (record.type !== undefined && record.status !== undefined) add(record.status)
    else if (typeof record.id === 'string') byId.set(record.id, value)
  }
  for (const entry of HOME_TIMELINE) add(entry.status)
  for (const events of Object.values(STREAMS)) for (const event of events) add(event.payload)
  return byId
}

/**
 * The REST answers: instance, the signed-in account, its follow list in two pages (with the
 * `Link` header masto.js's paginator follows), the home timeline, and single statuses.
 *
 * @returns options for `startStandIn`
 */
export function recordedMastodon(): Pick<StandInOptions, 'rest' | 'streams'> {
  const byId = statusesById()
  const me = api('verify-credentials.json') as { id: string }
  return {
    streams: STREAMS,
    rest: (method, url, base): Answer | undefined => {
      if (method !== 'GET') return undefined
      const path = url.pathname
      if (path === '/api/v2/instance') {
        const instance = api('instance-v2.json') as { configuration: { urls: { streaming: string } } }
        instance.configuration.urls.streaming = base.replace(/^http/u, 'ws')
        return { body: instance }
      }
      if (path === '/api/v1/accounts/verify_credentials') return { body: me }
      if (path === `/api/v1/accounts/${me.id}/following`) {
        if (url.searchParams.get('max_id') === '2') return { body: api('following-page-2.json') }
        return { body: api('following-page-1.json'), headers: { link: `<${base}${path}?limit=80&max_id=2>; rel="next"` } }
      }
      if (path === '/api/v1/timelines/home') return { body: HOME_TIMELINE.map((entry) => entry.status) }
      const single = /^\/api\/v1\/statuses\/(\d{1,30})$/u.exec(path)
      if (single !== null) {
        const found = byId.get(single[1] ?? '')
        return found === undefined ? undefined : { body: found }
      }
      return undefined
    },
  }
}
