/**
 * The Redis store on a real Redis Cluster: three `redis-server --cluster-enabled yes` masters on
 * free loopback ports (started here, persistence off, stopped after). Each store's keys share the
 * hash slot of its prefix, so its one script per status runs on one node; stores with other
 * prefixes live on other nodes; a wave split across two stores (two cluster clients) is caught,
 * and a snapshot goes in and out.
 */
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createMemoryStore, createSpamFilter, type Verdict } from '../../src/index.js'
import { createRedisStore, type RedisMemoryStore } from '../../src/redis/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'
import { startCluster, type RedisCluster } from './redis-server.js'

const TEXT = 'Claim your exclusive reward now: the first hundred people to join our server win a gift card'
const near = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'near-duplicate')

let cluster: RedisCluster
const stores: RedisMemoryStore[] = []
const clusterStore = (prefix: string): RedisMemoryStore => {
  const store = createRedisStore({ cluster: cluster.urls, prefix, timeoutMs: 2_000 })
  stores.push(store)
  return store
}
const cli = (port: number, ...args: string[]): string => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', timeout: 10_000 })

beforeAll(async () => {
  cluster = await startCluster(3)
}, 60_000)

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  await cluster?.stop()
})

describe('the Redis store on a three-node cluster', () => {
  test('catches a wave split across two clients, on whichever node holds each prefix', async () => {
    const prefixes = ['wave-a', 'wave-b', 'wave-c', 'wave-d', 'wave-e', 'wave-f']
    for (const prefix of prefixes) {
      const [one, two] = [createSpamFilter({ memory: clusterStore(prefix) }), createSpamFilter({ memory: clusterStore(prefix) })]
      const make = statusMaker()
      const wave = [0, 1, 2, 3].map((i) => make(`w${i}`, TEXT, { bare: true, mentions: strangers(i) }))
      expect(near(await one.classifyAsync(wave[0]!))).toBeUndefined()
      expect(near(await two.classifyAsync(wave[1]!))).toBeUndefined()
      expect(near(await one.classifyAsync(wave[2]!))?.evidence[0]).toBe('3 accounts')
      const last = await two.classifyAsync(wave[3]!)
      expect(last.skipped).toEqual([])
      expect(near(last)?.evidence[0]).toBe('4 accounts')
    }
    // The prefixes' keys are spread over more than one node, each prefix's keys in one slot of one node.
    const holders = new Set<number>()
    for (const prefix of prefixes) {
      const owners = cluster.ports.filter((port) => Number(cli(port, 'eval', `return #redis.call('keys', '{${prefix}}:*')`, '0')) > 0)
      expect(owners).toHaveLength(1)
      holders.add(owners[0]!)
      const keys = cli(owners[0]!, 'keys', `{${prefix}}:*`).trim().split('\n')
      expect(new Set(keys.map((key) => cli(owners[0]!, 'cluster', 'keyslot', key).trim())).size).toBe(1)
    }
    expect(holders.size).toBeGreaterThan(1)
  }, 60_000)

  test('exports and imports a snapshot (in-process → cluster → in-process)', async () => {
    const make = statusMaker()
    const source = createSpamFilter({ memory: createMemoryStore() })
    for (let i = 0; i < 2; i++) source.classify(make(`w${i}`, TEXT, { bare: true, mentions: strangers(i) }))
    const onCluster = createSpamFilter({ memory: clusterStore('snapshot') })
    await onCluster.importMemory(source.exportMemory())
    expect(near(await onCluster.classifyAsync(make('w2', TEXT, { bare: true, mentions: strangers(2) })))?.evidence[0]).toBe('3 accounts')
    const back = createSpamFilter({ memory: createMemoryStore() })
    back.importMemory(await onCluster.exportMemory())
    expect(back.memorySize()).toBe(3)
    expect(near(back.classify(make('w3', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('4 accounts')
  }, 60_000)
})
