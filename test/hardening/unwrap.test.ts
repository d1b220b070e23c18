/**
 * Issue 12, rows "never throws": deep and cyclic notifications, and revoked proxies anywhere a
 * status, a list or a wrapper may be. Each of these threw on the landed main.
 */
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { createSpamFilter } from '../../src/filter.js'
import { fromActivityPub } from '../../src/status/from-activitypub.js'
import { fromMasto } from '../../src/status/from-masto.js'
import { fromMisskey } from '../../src/status/from-misskey.js'
import { MAX_UNWRAP_DEPTH, unwrapInput, unwrapStatus } from '../../src/status/unwrap.js'
import { makeStatus, makeWaveStatus } from '../helpers/make-status.js'

/** A plain-JSON notification nested `depth` deep around a status. */
function nested(depth: number): unknown {
  let value: unknown = makeStatus({ content: '<p>inside</p>' })
  for (let i = 0; i < depth; i++) value = { type: 'mention', status: value }
  return value
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

function revokedArray(): unknown[] {
  const { proxy, revoke } = Proxy.revocable([] as unknown[], {})
  revoke()
  return proxy
}

const selfish = (): unknown => {
  const notification: Record<string, unknown> = { type: 'mention' }
  notification.status = notification
  return notification
}

describe('unwrapping without recursion', () => {
  test('a notification nested 10,000 deep is refused with a skipped entry, not a RangeError', () => {
    const verdict = classifyStatus(nested(10_000))
    expect(verdict.label).toBe('clean')
    expect(verdict.skipped).toEqual([expect.objectContaining({ signal: 'input', because: 'invalid-input', detail: expect.stringContaining(`more than ${MAX_UNWRAP_DEPTH}`) })])
  })

  test('a notification whose status is itself is a cycle', () => {
    const verdict = classifyStatus(selfish())
    expect(verdict.skipped[0]).toMatchObject({ because: 'invalid-input', detail: expect.stringContaining('cycle') })
  })

  test('nesting up to the limit still finds the status', () => {
    expect(unwrapStatus(nested(MAX_UNWRAP_DEPTH - 1))).toMatchObject({ content: '<p>inside</p>' })
    expect(unwrapInput(nested(MAX_UNWRAP_DEPTH + 1)).status).toBeUndefined()
  })

  test('every filter method survives deep and cyclic input', async () => {
    const filter = createSpamFilter()
    for (const input of [nested(10_000), selfish(), nested(100_000)]) {
      expect(filter.classify(input).skipped[0]?.because).toBe('invalid-input')
      await expect(filter.classifyAsync(input)).resolves.toMatchObject({ label: 'clean' })
      expect(filter.observe([input])).toBe(0)
      expect(filter.observe(input as never)).toBe(0)
      expect(filter.markSpam(input)).toBe(false)
      expect(filter.markNotSpam(input)).toBe(false)
    }
  })
})

describe('revoked proxies', () => {
  test('a revoked proxy as the status', async () => {
    const filter = createSpamFilter()
    const proxy = revoked()
    expect(classifyStatus(proxy).label).toBe('clean')
    expect(filter.classify(proxy).label).toBe('clean')
    await expect(filter.classifyAsync(proxy)).resolves.toMatchObject({ label: 'clean' })
    expect(() => filter.observe(proxy as never)).not.toThrow()
    expect(() => filter.observe([proxy])).not.toThrow()
    expect(() => filter.markSpam(proxy)).not.toThrow()
    expect(() => filter.markNotSpam(proxy)).not.toThrow()
  })

  test.each(['mentions', 'media_attachments', 'tags', 'reblog', 'account', 'card', 'poll'])('a revoked proxy as %s', (key) => {
    const status = { ...makeWaveStatus(), [key]: key === 'mentions' || key === 'media_attachments' || key === 'tags' ? revokedArray() : revoked() }
    expect(() => classifyStatus(status)).not.toThrow()
    const filter = createSpamFilter()
    expect(() => filter.classify(status)).not.toThrow()
    expect(() => filter.markSpam(status)).not.toThrow()
    expect(() => filter.markNotSpam(status)).not.toThrow()
    expect(() => filter.observe([status])).not.toThrow()
  })

  test('a revoked proxy as poll.options, account.fields and a notification status', () => {
    expect(() => classifyStatus({ ...makeWaveStatus(), poll: { options: revokedArray() } })).not.toThrow()
    expect(() => classifyStatus({ ...makeWaveStatus(), account: { fields: revokedArray() } })).not.toThrow()
    expect(classifyStatus({ type: 'mention', status: revoked() }).label).toBe('clean')
  })

  test('the adapters never throw on revoked proxies', () => {
    for (const value of [revoked(), revokedArray()]) {
      expect(() => fromActivityPub(value)).not.toThrow()
      expect(() => fromActivityPub({ type: 'Note', content: 'x', tag: value, attachment: value, oneOf: value, attributedTo: value, to: value, url: value })).not.toThrow()
      expect(() => fromActivityPub({ type: 'Create', object: value })).not.toThrow()
      expect(() => fromMasto(value as never)).not.toThrow()
      expect(() => fromMasto({ content: 'x', mediaAttachments: value, mentions: value, account: { fields: value } } as never)).not.toThrow()
      expect(() => fromMisskey(value as never)).not.toThrow()
      expect(() => fromMisskey({ text: 'x', files: value, user: { fields: value }, poll: { choices: value } } as never)).not.toThrow()
      expect(() => classifyStatus(fromActivityPub({ type: 'Note', content: 'x', tag: value, attachment: value }))).not.toThrow()
    }
  })
})
