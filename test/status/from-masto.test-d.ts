/**
 * Type-level test of the masto.js adapter against masto.js's own entity types (devDependency
 * `masto` v8). Checked by `npx tsc -p tsconfig.test.json --noEmit` (tsconfig.test.json includes
 * test/) and by `npx vitest run --typecheck.only test/status`. The `@ts-expect-error` lines fail
 * the typecheck if a wrong type is ever accepted.
 */
import type { mastodon } from 'masto'
import { describe, expectTypeOf, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { createSpamFilter } from '../../src/filter.js'
import { fromMasto } from '../../src/status/from-masto.js'
import type { NotificationInput, StatusInput } from '../../src/status/status-input.js'
import type { Verdict } from '../../src/verdict.js'

declare const status: mastodon.v1.Status
declare const notification: mastodon.v1.Notification
declare const mentionNotification: mastodon.v1.MentionNotification
declare const edit: mastodon.v1.StatusEdit

describe('fromMasto', () => {
  test('accepts a masto.js Status and a Notification', () => {
    expectTypeOf(fromMasto).toBeCallableWith(status)
    expectTypeOf(fromMasto).toBeCallableWith(notification)
    expectTypeOf(fromMasto).toBeCallableWith(mentionNotification)
    expectTypeOf(fromMasto(status)).toEqualTypeOf<StatusInput | NotificationInput>()
  })

  test('gives what classifyStatus and a filter accept', () => {
    expectTypeOf(classifyStatus(fromMasto(status))).toEqualTypeOf<Verdict>()
    expectTypeOf(classifyStatus(fromMasto(notification))).toEqualTypeOf<Verdict>()
    expectTypeOf(createSpamFilter().classify(fromMasto(status))).toEqualTypeOf<Verdict>()
    expectTypeOf(createSpamFilter().classifyAsync(fromMasto(notification))).toEqualTypeOf<Promise<Verdict>>()
  })

  test('rejects what is not a masto.js entity', () => {
    // @ts-expect-error a string is not an entity
    fromMasto('status')
    // @ts-expect-error content must be a string
    fromMasto({ content: 42 })
    // @ts-expect-error the account's followersCount must be a number
    fromMasto({ account: { followersCount: 'many' } })
    // @ts-expect-error mentions are objects, not accts
    fromMasto({ mentions: ['alice@example.social'] })
  })
})

describe('StatusInput', () => {
  test('accepts the snake_case shape and rejects wrongly typed fields', () => {
    expectTypeOf<{ content: number }>().not.toExtend<StatusInput>()
    expectTypeOf<{ media_attachments: string }>().not.toExtend<StatusInput>()
    expectTypeOf<{ created_at: string; content: string }>().toExtend<StatusInput>()
  })
})

describe('classifyStatus refuses a masto.js entity passed as is', () => {
  test('a Status, a Notification or a StatusEdit must go through fromMasto', () => {

    // @ts-expect-error camelCase masto.js Status: pass fromMasto(status)
    classifyStatus(status)
    // @ts-expect-error camelCase masto.js Notification
    classifyStatus(notification)
    // @ts-expect-error camelCase masto.js StatusEdit
    classifyStatus(edit)
    // @ts-expect-error the filter refuses it too
    createSpamFilter().classify(status)
    // @ts-expect-error and classifyAsync
    void createSpamFilter().classifyAsync(mentionNotification)
  })

  test('parsed JSON, REST shapes and unknown values still compile', () => {
    const json: unknown = JSON.parse('{}')
    const anyJson = JSON.parse('{}') as any // eslint-disable-line @typescript-eslint/no-explicit-any
    const rest: StatusInput = { content: '<p>hi</p>' }
    expectTypeOf(classifyStatus(json)).toEqualTypeOf<Verdict>()
    expectTypeOf(classifyStatus(anyJson)).toEqualTypeOf<Verdict>()
    expectTypeOf(classifyStatus(rest)).toEqualTypeOf<Verdict>()
    expectTypeOf(classifyStatus({ event: 'status.created', object: rest })).toEqualTypeOf<Verdict>()
    expectTypeOf(createSpamFilter().classify(json)).toEqualTypeOf<Verdict>()
  })
})
