/**
 * Type-level test of the memory option, checked by `tsc -p tsconfig.test.json`: sizes, `false` or a
 * synchronous store give a `SpamFilter`; an asynchronous store (Redis) gives an `AsyncSpamFilter`
 * whose `classify` cannot be used for a verdict and whose memory methods return promises.
 */
import { describe, expectTypeOf, test } from 'vitest'
import { createMemoryStore, createSpamFilter, type AsyncSpamFilter, type SpamFilter, type Verdict } from '../../src/index.js'
import { createRedisStore } from '../../src/redis/index.js'

describe('createSpamFilter memory types', () => {
  test('sizes, false and an in-process store give a SpamFilter', () => {
    expectTypeOf(createSpamFilter()).toEqualTypeOf<SpamFilter>()
    expectTypeOf(createSpamFilter({ memory: { maxStatuses: 100 } })).toEqualTypeOf<SpamFilter>()
    expectTypeOf(createSpamFilter({ memory: false })).toEqualTypeOf<SpamFilter>()
    expectTypeOf(createSpamFilter({ memory: createMemoryStore() })).toEqualTypeOf<SpamFilter>()
    expectTypeOf(createSpamFilter().classify({})).toEqualTypeOf<Verdict>()
    expectTypeOf(createSpamFilter().markSpam({})).toEqualTypeOf<boolean>()
  })

  test('a Redis store gives an AsyncSpamFilter', () => {
    const filter = createSpamFilter({ memory: createRedisStore({ url: 'redis://127.0.0.1:6379' }) })
    expectTypeOf(filter).toEqualTypeOf<AsyncSpamFilter>()
    expectTypeOf(filter.classifyAsync({})).toEqualTypeOf<Promise<Verdict>>()
    expectTypeOf(filter.markSpam({})).toEqualTypeOf<Promise<boolean>>()
    expectTypeOf(filter.memorySize()).toEqualTypeOf<Promise<number>>()
    // @ts-expect-error classify throws with an asynchronous store: it gives no verdict to read
    void filter.classify({}).label
  })
})
