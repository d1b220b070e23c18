/**
 * The Redis store against a real redis-server (started here on a free loopback port, persistence
 * off, stopped after): the same verdicts as the in-process store, a wave split across two worker
 * processes, a restarted process that still sees the wave, one round trip per status, keys under
 * the prefix's hash tag with the window as expiry, and a paused or killed Redis giving `skipped`.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createClient } from 'redis'
import { describe, expect, test } from 'vitest'
import { createMemoryStore, createSpamFilter, SpamFilterConfigError, type MemoryStore, type StatusInput, type Verdict } from '../../src/index.js'
import { createRedisStore } from '../../src/redis/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'
import { useRedis } from './redis-fixture.js'
import { startRedis } from './redis-server.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TEXT = 'Claim your exclusive reward now: the first hundred people to join our server win a gift card'
const OTHER = 'Our bakery opens early on Sunday with fresh rye bread and cinnamon rolls for the neighbourhood'
const IMAGE = { blurhash: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH', width: 800, height: 600 }
const near = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'near-duplicate')

const { server, redisStore } = useRedis('test')
let prefixes = 0

/** A mixed sequence: a text wave from bare accounts, an image wave, ordinary posts, a spread mention blast, one author repeating itself. */
function sequence(): StatusInput[] {
  const make = statusMaker()
  const out: StatusInput[] = []
  for (let i = 0; i < 4; i++) out.push(make(`wave${i}`, TEXT, { bare: true, mentions: strangers(i) }))
  for (let i = 0; i < 3; i++) out.push(make(`pic${i}`, `Look at this ${['sunset', 'harbour', 'garden'][i]!}`, { media: [IMAGE], mentions: strangers(10 + i) }))
  out.push(make('baker', OTHER), make('baker2', OTHER))
  for (let i = 0; i < 8; i++) out.push(make('blaster', `Note ${i}: ${['rye', 'oats', 'corn', 'barley', 'wheat', 'spelt', 'millet', 'quinoa'][i]!} grows well in the northern valleys this year`, { mentions: strangers(20 + i).slice(0, 2) }))
  for (let i = 0; i < 3; i++) out.push(make('echo', 'We are giving away free art commissions to everyone who joins our server this week', { mentions: strangers(40 + i).slice(0, 1) }))
  out.push(out[0]!)
  return out
}

describe('the Redis store', () => {
  test('gives the verdicts of the in-process store, status by status', async () => {
    const inProcess = createSpamFilter({ memory: createMemoryStore() })
    const onRedis = createSpamFilter({ memory: redisStore() })
    const statuses = sequence()
    const expected = statuses.map((status) => inProcess.classify(status))
    const actual: Verdict[] = []
    for (const status of statuses) actual.push(await onRedis.classifyAsync(status))
    expect(actual).toEqual(expected)
    // The sequence exercises the memory signals (the comparison above can fail on them).
    const fired = new Set(expected.flatMap((v) => v.reasons.map((r) => r.signal)))
    expect([...fired]).toEqual(expect.arrayContaining(['near-duplicate', 'image-duplicate', 'author-rate']))
  })

  test('keeps marks: spam from the first copy, then not spam for the author', async () => {
    const filter = createSpamFilter({ memory: redisStore() })
    const make = statusMaker()
    expect(await filter.markSpam(make('a', TEXT, { media: [IMAGE] }))).toBe(true)
    const next = await filter.classifyAsync(make('b', TEXT, { media: [IMAGE] }))
    expect(next.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['known-spam-text', 'known-spam-image']))
    expect(next.label).toBe('spam')
    await filter.markNotSpam(make('b', TEXT))
    expect((await filter.classifyAsync(make('b', 'something else entirely, about the weather'))).reasons[0]?.signal).toBe('allow-list')
    expect((await filter.classifyAsync(make('c', TEXT))).reasons.map((r) => r.signal)).not.toContain('known-spam-text')
  })

  test('observes statuses once and counts them', async () => {
    const filter = createSpamFilter({ memory: redisStore() })
    const make = statusMaker()
    const page = [make('a', TEXT, { bare: true, mentions: strangers(1) }), make('b', TEXT, { bare: true, mentions: strangers(2) })]
    expect(await filter.observe(page)).toBe(2)
    expect(await filter.observe(page)).toBe(0)
    expect(await filter.memorySize()).toBe(2)
    expect(near(await filter.classifyAsync(make('c', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('3 accounts')
  })

  test('keeps its keys under the prefix hash tag, expiring with the window', async () => {
    const store = redisStore({ prefix: 'tagged', windowMs: 3_600_000 })
    const filter = createSpamFilter({ memory: store })
    const make = statusMaker()
    for (let i = 0; i < 3; i++) await filter.classifyAsync(make(`u${i}`, TEXT, { media: [IMAGE], mentions: strangers(i) }))
    const client = createClient({ url: server().url })
    await client.connect()
    const keys = await client.keys('*tagged*')
    await client.close()
    expect(keys.length).toBeGreaterThan(10)
    expect(keys.every((key) => key.startsWith('{tagged}:'))).toBe(true)
    const volatile = keys.filter((key) => !/^\{tagged\}:(seq|n)$/u.test(key))
    const client2 = createClient({ url: server().url })
    await client2.connect()
    const ttls = await Promise.all(volatile.map((key) => client2.ttl(key)))
    await client2.close()
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 3_600)).toBe(true)
  })

  test('takes one round trip per status', async () => {
    const client = createClient({ url: server().url })
    await client.connect()
    const sent: string[] = []
    const counting = { sendCommand: (args: string[]) => (sent.push(args[0]!), client.sendCommand(args)) }
    const filter = createSpamFilter({ memory: createRedisStore({ client: counting, prefix: `rt${++prefixes}` }) })
    const make = statusMaker()
    await filter.classifyAsync(make('warm', OTHER))
    sent.length = 0
    await client.sendCommand(['CONFIG', 'RESETSTAT'])
    for (let i = 0; i < 10; i++) await filter.classifyAsync(make(`u${i}`, i % 2 === 0 ? TEXT : OTHER, { media: i % 3 === 0 ? [IMAGE] : [], mentions: strangers(i) }))
    const stats = String(await client.sendCommand(['INFO', 'commandstats']))
    await client.close()
    expect(sent).toEqual(Array(10).fill('EVALSHA'))
    expect(stats).toMatch(/cmdstat_evalsha:calls=10,/u)
  })

  test('rejects bad options with SpamFilterConfigError', () => {
    expect(() => createRedisStore({} as never)).toThrow(SpamFilterConfigError)
    expect(() => createRedisStore({ url: 'http://localhost' })).toThrow(/url/u)
    expect(() => createRedisStore({ url: server().url, prefix: 'a{b}' })).toThrow(/prefix/u)
    expect(() => createRedisStore({ url: server().url, timeoutMs: 0 })).toThrow(/timeoutMs/u)
    expect(() => createRedisStore({ cluster: [] })).toThrow(/cluster/u)
    expect(() => createRedisStore({ cluster: ['http://localhost:7000'] })).toThrow(/cluster/u)
    expect(() => createRedisStore({ url: server().url, cluster: [server().url] })).toThrow(/one of url/u)
  })
})

/** Runs a worker process classifying `statuses` on the store `prefix`; its verdicts. */
function worker(prefix: string, statuses: readonly StatusInput[]): Promise<Verdict[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/redis/wave-child.ts', server().url, prefix], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out) as { verdicts: Verdict[] }).verdicts) : reject(new Error(`worker exited with ${String(code)}: ${err}`))))
    child.stdin.end(JSON.stringify(statuses))
  })
}

describe('several processes on one Redis', () => {
  test('catch a wave split across two of them, and a restarted process still sees it', async () => {
    const make = statusMaker()
    const wave = [0, 1, 2, 3, 4].map((i) => make(`w${i}`, TEXT, { bare: true, mentions: strangers(i) }))
    // Process one sees copies 1 and 3, process two copies 2 and 4: neither alone reaches three accounts.
    const [one, two] = await Promise.all([worker('split', [wave[0]!]), worker('split', [wave[1]!])])
    expect([...one!, ...two!].map(near)).toEqual([undefined, undefined])
    const [third] = await worker('split', [wave[2]!])
    expect(near(third!)?.evidence[0]).toBe('3 accounts')
    // A new process (a restart) starts with nothing in its own memory and still sees the wave.
    const [fourth] = await worker('split', [wave[3]!])
    expect(near(fourth!)?.evidence[0]).toBe('4 accounts')
    // Without the shared store, the same split is not caught (the checks above can fail).
    const alone = createSpamFilter()
    alone.classify(wave[0]!)
    expect(near(alone.classify(wave[4]!))).toBeUndefined()
  }, 60_000)
})

describe('an unavailable Redis', () => {
  const expectSkipped = (verdict: Verdict, because: string) => {
    expect(verdict.skipped).toEqual([expect.objectContaining({ signal: 'memory', because })])
    expect(verdict.label).toBe('clean')
  }

  test('a paused Redis gives skipped (timeout) within the timeout, then answers again', async () => {
    const store = redisStore({ timeoutMs: 300 })
    const filter = createSpamFilter({ memory: store })
    const make = statusMaker()
    await filter.classifyAsync(make('a', OTHER))
    const admin = createClient({ url: server().url })
    await admin.connect()
    await admin.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL'])
    expectSkipped(await filter.classifyAsync(make('b', OTHER)), 'timeout')
    await admin.close()
    await new Promise((resolve) => setTimeout(resolve, 1_600))
    // Answers again (a few tries: on a loaded machine one answer may still come late).
    let skipped: readonly unknown[] = ['not tried']
    for (let attempt = 0; attempt < 5 && skipped.length > 0; attempt++) skipped = (await filter.classifyAsync(make(`c${attempt}`, OTHER))).skipped
    expect(skipped).toEqual([])
  }, 20_000)

  test('a killed Redis gives skipped, never a rejection or a hang', async () => {
    const own = await startRedis()
    // Generous: the first call also loads the client, connects and loads the script.
    const store = createRedisStore({ url: own.url, timeoutMs: 2_000 })
    try {
      const filter = createSpamFilter({ memory: store })
      const make = statusMaker()
      expect((await filter.classifyAsync(make('a', TEXT))).skipped).toEqual([])
      await own.stop()
      for (const user of ['b', 'c']) {
        const verdict = await filter.classifyAsync(make(user, TEXT, { bare: true, mentions: strangers(1) }))
        expect(verdict.skipped).toEqual([expect.objectContaining({ signal: 'memory' })])
      }
      await expect(filter.markSpam(make('d', TEXT))).rejects.toThrow(/memory unavailable/u)
    } finally {
      // Stopped even when an assertion above fails: no server outlives the test.
      await own.stop()
      await store.close()
    }
  }, 20_000)

  test('a Redis that never was there gives skipped', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', timeoutMs: 200 })
    const verdict = await createSpamFilter({ memory: store }).classifyAsync(statusMaker()('a', TEXT))
    expect(verdict.skipped).toEqual([expect.objectContaining({ signal: 'memory' })])
    await store.close()
  })
})

// Type-level: a Redis store makes an AsyncSpamFilter.
export const typed = (store: MemoryStore) => createSpamFilter({ memory: store })
