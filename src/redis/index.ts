/**
 * `mastodon-spam-filter/redis`: a memory store on Redis, shared by every process of a server (the
 * only code of the package that talks to Redis; needs the optional peer dependency `redis`).
 */
export { createRedisStore } from './redis-store.js'
export type { RedisCommandClient, RedisMemoryStore, RedisStoreOptions } from './redis-store.js'
