/**
 * Type-level test of the push API, checked by `tsc -p tsconfig.test.json` (DOM and Node types):
 * the global `fetch` is a `PushFetch` as it is, and both payload types are accepted.
 */
import { describe, expectTypeOf, test } from 'vitest'
import { classifyPush, type MastodonPushPayload, type MisskeyPushPayload, type PushFetch, type PushVerdict } from '../../src/index.js'

describe('classifyPush types', () => {
  test('the global fetch fits PushFetch without a cast', () => {
    expectTypeOf(globalThis.fetch).toExtend<PushFetch>()
    const options = { fetch, origin: 'https://example.social' }
    expectTypeOf(classifyPush({}, options)).toEqualTypeOf<Promise<PushVerdict>>()
  })

  test('accepts Mastodon and Misskey payloads', () => {
    const mastodon: MastodonPushPayload = { access_token: 't', notification_id: '1', notification_type: 'mention', title: 'A mentioned you', body: 'hi', icon: 'https://x/a.png', preferred_locale: 'en' }
    const misskey: MisskeyPushPayload = { type: 'notification', body: { type: 'mention', note: { text: 'hi' } }, userId: 'u', dateTime: 0 }
    expectTypeOf(classifyPush(mastodon)).resolves.toHaveProperty('partial')
    expectTypeOf(classifyPush(misskey)).resolves.toHaveProperty('source')
    // @ts-expect-error a notification id is not an object
    const wrong: MastodonPushPayload = { notification_id: {} }
    void wrong
  })
})
