/**
 * Export and import of the Redis store against a real redis-server (started here on a free
 * loopback port, persistence off, stopped after): its snapshots are the in-process store's
 * format, so a memory moves from a single process to Redis and back, and a wave or a mark made
 * on one side is recognised on the other.
 */
import { createClient } from 'redis'
import { describe, expect, test } from 'vitest'
import { createMemoryStore, createSpamFilter, MemoryUnavailableError, SpamFilterMemoryError, type StatusInput, type Verdict } from '../../src/index.js'
import { createRedisStore } from '../../src/redis/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'
import { useRedis } from './redis-fixture.js'

const TEXT = 'Claim your exclusive reward now: the first hundred people to join our server win a gift card'
const SHORT = 'free gift card here'
const IMAGE = { blurhash: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', width: 800, height: 600 }
const near = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'near-duplicate')
const signals = (verdict: Verdict) => verdict.reasons.map((r) => r.signal)

const { server, redisStore } = useRedis('snap')

async function keyCount(prefix: string): Promise<number> {
  const client = createClient({ url: server().url })
  await client.connect()
  const keys = await client.keys(`{${prefix}}:*`)
  await client.close()
  return keys.length
}

/** A wave (long text, short text, image) from bare accounts, ordinary posts and one author repeating itself. */
function statuses(): StatusInput[] {
  const make = statusMaker()
  const out: StatusInput[] = []
  for (let i = 0; i < 6; i++) {
    out.push(make(`wave${i}`, TEXT, { bare: true, mentions: strangers(i) }))
    out.push(make(`short${i}`, SHORT, { bare: true, mentions: strangers(10 + i) }))
    out.push(make(`pic${i}`, `Look at this ${['sunset', 'harbour', 'garden', 'meadow', 'bridge', 'river'][i]!}`, { media: [IMAGE], mentions: strangers(20 + i) }))
    out.push(make('echo', 'We are giving away free art commissions to everyone who joins our server this week', { id: `https://echo.example/notes/${'x'.repeat(40)}${i}` }))
    out.push(make(`baker${i}`, `Our bakery opens early on day ${i} with fresh rye bread and cinnamon rolls for everyone`))
  }
  return out
}

describe('Redis snapshots', () => {
  test('in-process export, Redis import: the wave goes on being recognised, as the in-process memory would', async () => {
    const all = statuses()
    const first = all.slice(0, 10)
    const make = statusMaker()
    const source = createSpamFilter({ memory: createMemoryStore() })
    for (const status of first) source.classify(status)
    source.markSpam(make('spammer', 'Totally unrelated crypto giveaway: send one coin and receive two back within the hour', { media: [{ blurhash: 'L6PZfSi_.AyE_3t7t7R**0o#DgR4', width: 640, height: 480 }] }))
    source.markNotSpam(make('friend', 'A friend who writes about birds and sometimes shares links'))
    const snapshot = source.exportMemory()
    const rest = [...all.slice(10), make('other', 'Totally unrelated crypto giveaway: send one coin and receive two back within the hour'), make('friend', 'Anything at all'), make('third', 'a picture', { media: [{ blurhash: 'L6PZfSi_.AyE_3t7t7R**0o#DgR4', width: 640, height: 480 }] })]

    const store = redisStore()
    const onRedis = createSpamFilter({ memory: store })
    await onRedis.importMemory(snapshot)
    expect(await onRedis.memorySize()).toBe(first.length)
    // The reference: an in-process filter that imported the same snapshot (author activity is not in a snapshot).
    const inProcess = createSpamFilter({ memory: createMemoryStore() })
    inProcess.importMemory(snapshot)
    const expected = rest.map((status) => inProcess.classify(status))
    const actual: Verdict[] = []
    for (const status of rest) actual.push(await onRedis.classifyAsync(status))
    expect(actual).toEqual(expected)
    // The third copy of each wave is recognised right after the import (the comparison above can fail on it).
    expect(near(actual[0]!)?.evidence[0]).toBe('3 accounts')
    expect(signals(actual[2]!)).toContain('image-duplicate')
    expect(actual[1]!.reasons.find((r) => r.signal === 'near-duplicate')?.evidence[0]).toBe('3 accounts')
    // Marks carried over: a spam text and image, an allowed author.
    expect(signals(actual.at(-3)!)).toContain('known-spam-text')
    expect(signals(actual.at(-2)!)).toEqual(['allow-list'])
    expect(signals(actual.at(-1)!)).toContain('known-spam-image')
    // Without the import, Redis alone has not seen the first copies.
    const fresh = createSpamFilter({ memory: redisStore() })
    expect(near(await fresh.classifyAsync(rest[0]!))).toBeUndefined()
  })

  test('Redis export, in-process import: the same memory, marks included', async () => {
    const all = statuses()
    const first = all.slice(0, 10)
    const rest = all.slice(10)
    const make = statusMaker()
    const marked = make('spammer', 'Totally unrelated crypto giveaway: send one coin and receive two back within the hour')
    const allowed = make('friend', 'A friend who writes about birds and sometimes shares links')
    const store = redisStore()
    const onRedis = createSpamFilter({ memory: store })
    for (const status of first) await onRedis.classifyAsync(status)
    await onRedis.markSpam(marked)
    await onRedis.markNotSpam(allowed)
    const snapshot = await onRedis.exportMemory()

    const inProcess = createSpamFilter({ memory: createMemoryStore() })
    inProcess.importMemory(snapshot)
    expect(inProcess.memorySize()).toBe(first.length)
    // The reference: the in-process store fed the same statuses and marks directly.
    const direct = createSpamFilter({ memory: createMemoryStore() })
    for (const status of first) direct.classify(status)
    direct.markSpam(marked)
    direct.markNotSpam(allowed)
    const reference = createSpamFilter({ memory: createMemoryStore() })
    reference.importMemory(direct.exportMemory())
    const probe = [...rest, make('other', 'Totally unrelated crypto giveaway: send one coin and receive two back within the hour'), make('friend', 'Anything at all')]
    expect(probe.map((status) => inProcess.classify(status))).toEqual(probe.map((status) => reference.classify(status)))
    const again = createSpamFilter({ memory: createMemoryStore() })
    again.importMemory(snapshot)
    expect(near(again.classify(rest[0]!))?.evidence[0]).toBe('3 accounts')
    expect(signals(again.classify(probe.at(-2)!))).toContain('known-spam-text')
    expect(signals(again.classify(probe.at(-1)!))).toEqual(['allow-list'])
  })

  test('a snapshot goes round: in-process → Redis → in-process keeps every status, image and mark', async () => {
    const all = statuses()
    const source = createSpamFilter({ memory: createMemoryStore() })
    for (const status of all.slice(0, 20)) source.classify(status)
    source.markSpam(statusMaker()('x', 'A marked text that nobody else wrote, about a lottery win'))
    const store = redisStore()
    const onRedis = createSpamFilter({ memory: store })
    await onRedis.importMemory(source.exportMemory('base64'))
    const back = createSpamFilter({ memory: createMemoryStore() })
    back.importMemory(await onRedis.exportMemory('base64'))
    const reference = createSpamFilter({ memory: createMemoryStore() })
    reference.importMemory(source.exportMemory())
    const rest = all.slice(20)
    expect(rest.map((status) => back.classify(status))).toEqual(rest.map((status) => reference.classify(status)))
    expect(back.memorySize()).toBe(reference.memorySize())
    expect(reference.memorySize()).toBe(30)
  })

  test('marks are replayed in the order they were made, and image-only statuses keep their evidence', async () => {
    const make = statusMaker()
    const changed = 'A text first marked as spam and then, on second thought, as not spam at all'
    const kept = 'A text marked as not spam first and then as spam after all, for good this time'
    const onRedis = createSpamFilter({ memory: redisStore() })
    await onRedis.markSpam(make('a', changed))
    await onRedis.markNotSpam(make('b', changed))
    await onRedis.markNotSpam(make('c', kept))
    await onRedis.markSpam(make('d', kept))
    for (let i = 0; i < 2; i++) await onRedis.classifyAsync(make(`pic${i}`, '', { media: [IMAGE], id: `90${i}` }))
    const inProcess = createSpamFilter({ memory: createMemoryStore() })
    inProcess.importMemory(await onRedis.exportMemory())
    expect(signals(inProcess.classify(make('e', changed)))).not.toContain('known-spam-text')
    expect(signals(inProcess.classify(make('f', kept)))).toContain('known-spam-text')
    // The first picture's status had no text: it is carried over for the evidence.
    const third = inProcess.classify(make('pic2', '', { media: [IMAGE] }))
    expect(third.reasons.find((r) => r.signal === 'image-duplicate')?.evidence).toEqual(['3 accounts', expect.stringMatching(/: status 900$/u)])
  })

  test('an export leaves out keys of the prefix that are not the store\'s entries', async () => {
    const store = redisStore()
    const filter = createSpamFilter({ memory: store })
    const make = statusMaker()
    for (let i = 0; i < 3; i++) await filter.classifyAsync(make(`w${i}`, TEXT, { bare: true, mentions: strangers(i) }))
    const client = createClient({ url: server().url })
    await client.connect()
    await client.sendCommand(['MSET', `${store.keyBase}:e:999`, 'not an entry', `${store.keyBase}:e:x`, '1,2,3,4,5', `${store.keyBase}:ie:7:1`, 'junk'])
    await client.sendCommand(['RPUSH', `${store.keyBase}:t:0:12345`, 'x', '999', '-1'])
    await client.close()
    const back = createSpamFilter({ memory: createMemoryStore() })
    back.importMemory(await filter.exportMemory())
    expect(back.memorySize()).toBe(3)
    expect(near(back.classify(make('w3', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('4 accounts')
  })

  test('imports into an empty prefix only, and bad data writes nothing', async () => {
    const store = redisStore()
    const filter = createSpamFilter({ memory: store })
    const prefix = store.keyBase.slice(1, -1)
    const bad = createSpamFilter({ memory: createMemoryStore() }).exportMemory()
    bad[20] = bad[20]! ^ 0xff
    await expect(filter.importMemory(bad)).rejects.toBeInstanceOf(SpamFilterMemoryError)
    await expect(filter.importMemory(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a mastodon-spam-filter memory export/u)
    expect(await keyCount(prefix)).toBe(0)
    await filter.classifyAsync(statusMaker()('a', TEXT))
    const before = await keyCount(prefix)
    const error = await filter.importMemory(createSpamFilter().exportMemory()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpamFilterMemoryError)
    expect((error as SpamFilterMemoryError).problem).toBe('not-empty')
    expect(await keyCount(prefix)).toBe(before)
  })

  test('an unreachable Redis rejects an export or import with MemoryUnavailableError, never hangs', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', timeoutMs: 200 })
    const filter = createSpamFilter({ memory: store })
    await expect(filter.exportMemory()).rejects.toBeInstanceOf(MemoryUnavailableError)
    await expect(filter.importMemory(createSpamFilter().exportMemory())).rejects.toBeInstanceOf(MemoryUnavailableError)
    await store.close()
  })
})
