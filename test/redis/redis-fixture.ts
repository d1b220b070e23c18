/**
 * One real redis-server per test file: started before the file's tests (free loopback port,
 * persistence off), stopped after them with every store the tests made.
 */
import { afterAll, beforeAll } from 'vitest'
import { createRedisStore, type RedisMemoryStore } from '../../src/redis/index.js'
import { startRedis, type RedisServer } from './redis-server.js'

export interface StoreOptions {
  readonly prefix?: string
  readonly timeoutMs?: number
  readonly windowMs?: number
}

/**
 * Registers the server's start and stop with the calling test file.
 *
 * @param prefixBase - the start of each new store's prefix (`${prefixBase}1`, `${prefixBase}2`, …)
 * @returns the server (once started) and a maker of stores on it, each closed after the file
 */
export function useRedis(prefixBase: string): { readonly server: () => RedisServer; readonly redisStore: (options?: StoreOptions) => RedisMemoryStore } {
  let server: RedisServer | undefined
  let made = 0
  const stores: RedisMemoryStore[] = []
  beforeAll(async () => {
    server = await startRedis()
  }, 20_000)
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await server?.stop()
  })
  const running = (): RedisServer => {
    if (server === undefined) throw new Error('the Redis server is not started yet (use it inside a test)')
    return server
  }
  const redisStore = (options: StoreOptions = {}): RedisMemoryStore => {
    const { prefix = `${prefixBase}${++made}`, ...limits } = options
    const store = createRedisStore({ url: running().url, prefix, ...limits })
    stores.push(store)
    return store
  }
  return { server: running, redisStore }
}
