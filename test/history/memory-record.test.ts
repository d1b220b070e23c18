import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { memoryRecord } from '../../src/memory-record.js'
import { readStatus } from '../../src/status/read-status.js'
import { makeStatus } from '../helpers/make-status.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/statuses/', import.meta.url))
const viewer = { acct: undefined, host: undefined, follows: () => undefined }
const fixtureInputs = ['spam', 'ham'].flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8')) as object))

/** The record computed alone, and computed sharing the classifier's texts: they must be equal. */
function bothWays(input: object): [unknown, unknown] {
  const alone = readStatus(input, undefined)
  const shared = readStatus(input, undefined)
  const context = { postedAt: alone.createdAt ?? 0, viewer }
  return [memoryRecord(alone, context, false), memoryRecord(shared, context, true)]
}

describe('memoryRecord sharing the classifier’s texts', () => {
  test.each(fixtureInputs.map((input, i) => [i, input] as const))('gives the same record for fixture %i', (_i, input) => {
    const [alone, shared] = bothWays(input)
    expect(shared).toEqual(alone)
  })

  test('gives the same record for statuses with content warnings, polls, alt texts and cards', () => {
    const text = fc.oneof(fc.constantFrom('', 'Free art commissions!', 'see discord.', 'gg/abc', '日本語のテキスト', 'ends with a slash/'), fc.string({ maxLength: 40 }))
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (cw, body, options, alt) => {
        const input = makeStatus({
          spoiler_text: cw,
          content: `<p>${body.replace(/[<&]/gu, ' ')}</p>`,
          ...(options.length > 0 ? { poll: { id: '1', options: options.map((title) => ({ title })) } } : {}),
          ...(alt !== '' ? { media_attachments: [{ id: '1', type: 'image', description: alt }] } : {}),
        } as never)
        const [alone, shared] = bothWays(input)
        expect(shared).toEqual(alone)
      }),
      { seed: 14, numRuns: 500 },
    )
  })
})

describe('the bare-author flag of a record', () => {
  test('is the bare-profile signal firing (the reference), on fixtures and random profiles', async () => {
    const { bareProfile, isBareProfile } = await import('../../src/signals/bare-profile.js')
    const { FLAG_BARE } = await import('../../src/history/memory-store.js')
    const check = (input: object): void => {
      const status = readStatus(input, undefined)
      const context = { postedAt: status.createdAt ?? 0, viewer }
      const fires = bareProfile.evaluate(status, context) !== undefined
      expect(isBareProfile(status)).toBe(fires)
      expect((memoryRecord(status, context).flags & FLAG_BARE) !== 0).toBe(fires)
    }
    for (const input of fixtureInputs) check(input)
    const name = fc.constantFrom('', ' ', 'alice', 'Alice ', 'ALICE', 'Alice the person', 'bob')
    fc.assert(
      fc.property(name, fc.constantFrom('alice', 'bob', ''), fc.boolean(), fc.constantFrom('', '<p>bio</p>'), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.option(fc.integer({ min: 0, max: 2 })), fc.integer({ min: 0, max: 1 }), (display, username, defaultAvatar, note, followers, following, followingMaybe, fields) => {
        check({
          id: '1',
          content: '<p>hello</p>',
          account: {
            id: '1',
            username,
            acct: username === '' ? '' : `${username}@example.social`,
            display_name: display,
            note,
            avatar: defaultAvatar ? 'https://example.social/avatars/original/missing.png' : 'https://example.social/a.png',
            followers_count: followers,
            ...(followingMaybe === null ? {} : { following_count: following }),
            fields: Array.from({ length: fields }, () => ({ name: 'site', value: 'x' })),
          },
        })
      }),
      { numRuns: 400 },
    )
  })
})
