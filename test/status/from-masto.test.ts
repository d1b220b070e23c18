import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { fromMasto, type MastoStatusLike } from '../../src/status/from-masto.js'
import { makeMentionStatus, makeSpamAccount, makeStatus, makeWaveStatus, NOW, someAccts } from '../helpers/make-status.js'

/** The masto.js twin of a REST JSON value: every key in camelCase, as masto.js delivers it. */
function camelCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCase)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.replace(/_([a-z])/gu, (_m, c: string) => c.toUpperCase()), camelCase(v)]))
}

const OPTIONS = { viewer: { acct: 'me@example.social', follows: ['friend@example.social'] }, now: NOW }

describe('fromMasto', () => {
  // name | REST JSON status or notification
  test.each([
    ['a February 2024 wave status', makeWaveStatus()],
    ['an ordinary status', makeStatus()],
    ['a reply with mentions', makeMentionStatus(someAccts(6), 'see you all tomorrow', { in_reply_to_id: '1', in_reply_to_account_id: '2' })],
    ['a boost of a wave status', makeStatus({ content: '', reblog: makeWaveStatus() })],
    ['a mention notification', { id: '9', type: 'mention', created_at: '2024-02-16T12:00:00.000Z', account: makeSpamAccount(), status: makeWaveStatus() }],
    [
      'a status with media, a poll and a card',
      makeStatus({
        spoiler_text: 'cw',
        media_attachments: [{ id: '1', type: 'image', url: 'https://f.example/1.webp', preview_url: 'https://f.example/s/1.webp', description: 'alt', blurhash: 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', meta: { original: { width: 1009, height: 200 } } }],
        poll: { options: [{ title: 'a' }, { title: 'b' }] },
        card: { url: 'https://news.example/', title: 'T', description: 'D', provider_name: 'P' },
        tags: [{ name: 'Tag', url: 'https://example.social/tags/tag' }],
      }),
    ],
  ])('classifies the camelCase twin of %s the same', (_name, rest) => {
    const masto = camelCase(rest) as MastoStatusLike
    expect(classifyStatus(fromMasto(masto), OPTIONS)).toEqual(classifyStatus(rest, OPTIONS))
  })

  test('keeps the spam verdict of a wave status', () => {
    expect(classifyStatus(fromMasto(camelCase(makeWaveStatus()) as MastoStatusLike)).label).toBe('spam')
  })

  // value
  test.each([[null], [undefined], ['status'], [42], [{}], [{ type: 'mention' }], [{ account: 'x', mediaAttachments: 'y', card: 5 }]])('never throws on %j', (value) => {
    const adapted = fromMasto(value as never)
    expect(classifyStatus(adapted).label).toBe('clean')
  })
})
