import { describeError, SpamFilterConfigError } from '../errors.js'
import { confirmImageCopies, confirmTextCopies, detailedImages, imageEntry, newestImageMark, newestTextMark, textEntry, textMarkEntry, toHex } from '../history/candidates.js'
import { homeKey, probeKeys } from '../history/image-ring.js'
import { resolveMemoryOptions } from '../history/memory-options.js'
import { createLineSnapshot, openLineSnapshot } from '../history/line-snapshot.js'
import { SpamFilterMemoryError } from '../history/memory-error.js'
import { MemoryUnavailableError, type AsyncMemoryStore, type MemoryLookup, type MemoryRecord } from '../history/memory-store.js'
import { keptId } from '../history/status-ring.js'
import { IMPORT_IMAGES_SCRIPT, IMPORT_MARKS_SCRIPT, IMPORT_STATUSES_SCRIPT, LOOKUP_SCRIPT, MARK_SCRIPT, READ_LISTS_SCRIPT } from './scripts.js'

/**
 * The one thing the store asks of a Redis client: send a command, get the reply. node-redis
 * clients (`createClient()`, v4 to v6) have it as `sendCommand(args)`.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>
}

/** Options of `createRedisStore`. */
export interface RedisStoreOptions {
  /** A Redis URL (`redis://127.0.0.1:6379`); the store creates and connects a node-redis client (package `redis`). */
  readonly url?: string
  /** A connected node-redis client (or anything with `sendCommand(args)`), owned by the caller. Instead of `url`. */
  readonly client?: RedisCommandClient
  /**
   * Redis Cluster root node URLs (`['redis://10.0.0.1:7000', …]`), instead of `url`: the store
   * creates a node-redis cluster client and sends every command to the node that holds the
   * prefix's hash slot (all of a store's keys are in that slot).
   */
  readonly cluster?: readonly string[]
  /**
   * Prefix of every key; the keys are `{prefix}:…`, so a store's keys share one Redis Cluster hash
   * slot. Filters that should see each other's statuses use the same prefix. @default 'msf'
   */
  readonly prefix?: string
  /** Statuses further apart in time than this (ms) are not compared; keys expire after it. @default 86400000 (24 h) */
  readonly windowMs?: number
  /** Distinct accounts (the status's author included) that make copies count. @default 3 */
  readonly minAccounts?: number
  /**
   * How long one status may wait for Redis (ms): past it, the verdict is computed without the
   * memory and lists a `memory` entry in `skipped`. @default 250
   */
  readonly timeoutMs?: number
}

/** The Redis store: an asynchronous `MemoryStore`, and a way to close the client it created. */
export interface RedisMemoryStore extends AsyncMemoryStore {
  /** The key prefix with its hash tag, e.g. `{msf}`. */
  readonly keyBase: string
  /** Closes the client the store created from `url` or `cluster` (a client passed in is the caller's to close). */
  close(): Promise<void>
  /**
   * The store's contents as a memory snapshot, the format of the in-process store's
   * `exportMemory` (an in-process filter can import it): read with SCAN and batched reads under
   * the prefix, each round trip within `max(timeoutMs, 1 s)`. Rejects with `MemoryUnavailableError`
   * when Redis does not answer.
   */
  exportMemory(): Promise<Uint8Array>
  /**
   * Fills an empty prefix (no key but the counters) from a snapshot of either store, in batches;
   * the imported keys expire with the window, as if remembered now. Rejects with
   * `SpamFilterMemoryError` (nothing written) for bad data or a prefix that holds a memory, with
   * `MemoryUnavailableError` when Redis does not answer (then part of the snapshot may be written).
   */
  importMemory(data: Uint8Array): Promise<void>
}

interface OwnedClient extends RedisCommandClient {
  connect(): Promise<unknown>
  close?(): Promise<unknown>
  quit?(): Promise<unknown>
  destroy?(): void
  disconnect?(): Promise<unknown>
  on(event: 'error', listener: (error: unknown) => void): unknown
}

/** Accts are cut to this many characters in Redis (hostile input must not make values large). */
const MAX_ACCT = 1_000

type RedisModule = { createClient(options: Record<string, unknown>): OwnedClient; createCluster(options: Record<string, unknown>): OwnedCluster }

interface OwnedCluster extends Omit<OwnedClient, 'sendCommand'> {
  sendCommand(firstKey: string, isReadonly: boolean, args: string[]): Promise<unknown>
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MemoryUnavailableError('timeout', `Redis did not answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof MemoryUnavailableError ? error : new MemoryUnavailableError('connection', describeError(error), { cause: error }))
      },
    )
  })
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])
/** Entries or statuses per round trip of an export or import. */
const BATCH = 500
/** Glob characters escaped in a SCAN pattern. */
const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/gu, '\\$&')
const nested = (value: unknown): string[][] => (Array.isArray(value) ? value.map(strings) : [])

function textKeys(record: MemoryRecord): string[] {
  const keys: string[] = []
  for (let table = 0; table < record.keys.length; table++) keys.push(`${table}:${record.keys[table]!}`)
  return keys
}

function imageProbes(image: Uint8Array): number[] {
  const home = homeKey(image)
  return [home, ...probeKeys(image).filter((key) => key !== home)]
}

/**
 * Creates a memory store on Redis, shared by every process that uses the same Redis and prefix:
 * a copy wave split across worker processes is counted as one. One script call (one round trip)
 * per status; the window is the keys' expiry. Never rejects for Redis trouble: a lookup that
 * fails or takes longer than `timeoutMs` makes the filter skip the memory for that status.
 *
 * @param options - `url` or `client`, `prefix`, window, minimum accounts, timeout
 * @returns the store, for `createSpamFilter({ memory })` (then use `classifyAsync`)
 * @example
 * import { createSpamFilter } from 'mastodon-spam-filter'
 * import { createRedisStore } from 'mastodon-spam-filter/redis'
 * const filter = createSpamFilter({ memory: createRedisStore({ url: process.env.REDIS_URL, prefix: 'spam' }) })
 * const verdict = await filter.classifyAsync(status)
 */
export function createRedisStore(options: RedisStoreOptions): RedisMemoryStore {
  if (typeof options !== 'object' || options === null) throw new SpamFilterConfigError('options', 'must be an object { url }, { client } or { cluster }')
  const { url, client, cluster, prefix = 'msf', timeoutMs = 250 } = options
  if ([url, client, cluster].filter((given) => given !== undefined).length !== 1) throw new SpamFilterConfigError('url', 'give one of url (a redis:// URL), client (a connected node-redis client) or cluster (root node URLs)')
  const isUrl = (value: unknown): boolean => typeof value === 'string' && /^rediss?:\/\//u.test(value)
  if (url !== undefined && !isUrl(url)) throw new SpamFilterConfigError('url', `must be a redis:// or rediss:// URL, got ${String(url)}`)
  if (cluster !== undefined && (!Array.isArray(cluster) || cluster.length === 0 || !cluster.every(isUrl))) throw new SpamFilterConfigError('cluster', 'must be a non-empty array of redis:// or rediss:// URLs (root nodes)')
  if (client !== undefined && typeof client.sendCommand !== 'function') throw new SpamFilterConfigError('client', 'must be a node-redis client (with sendCommand)')
  if (typeof prefix !== 'string' || prefix === '' || /[{}\s]/u.test(prefix)) throw new SpamFilterConfigError('prefix', `must be a non-empty string without braces or spaces, got ${JSON.stringify(prefix)}`)
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 1) throw new SpamFilterConfigError('timeoutMs', `must be a number of ms, at least 1, got ${String(timeoutMs)}`)
  const memory = resolveMemoryOptions({ ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }), ...(options.minAccounts === undefined ? {} : { minAccounts: options.minAccounts }) }, 'options')
  const windowSeconds = Math.ceil(memory.windowMs / 1000)
  const base = `{${prefix}}`

  let owned: OwnedClient | OwnedCluster | undefined
  let ready: Promise<RedisCommandClient>
  const socket = { connectTimeout: Math.max(timeoutMs, 1_000), reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) }
  if (client !== undefined) {
    ready = Promise.resolve(client)
  } else if (cluster !== undefined) {
    ready = (import('redis') as unknown as Promise<RedisModule>).then(async (redis) => {
      const created = redis.createCluster({ rootNodes: cluster.map((node) => ({ url: node })), defaults: { disableOfflineQueue: true, socket } })
      owned = created
      created.on('error', () => undefined)
      await created.connect()
      // Every key of the store is in the slot of its base: route each command by it.
      return { sendCommand: (args: string[]) => created.sendCommand(base, false, args) }
    })
    ready.catch(() => undefined)
  } else {
    // The optional peer dependency, loaded only by a store created from a URL.
    ready = (import('redis') as unknown as Promise<RedisModule>).then(async (redis) => {
      const created = redis.createClient({ url, disableOfflineQueue: true, socket })
      owned = created
      // Without a listener an error event would end the process; failures reach callers as rejections.
      created.on('error', () => undefined)
      await created.connect()
      return created
    })
    ready.catch(() => undefined)
  }

  const shas = new Map<string, string>()
  const run = async (script: string, args: string[]): Promise<unknown> => {
    const target = await ready
    let sha = shas.get(script)
    if (sha === undefined) {
      sha = String(await target.sendCommand(['SCRIPT', 'LOAD', script]))
      shas.set(script, sha)
    }
    try {
      return await target.sendCommand(['EVALSHA', sha, '1', base, ...args])
    } catch (error) {
      // A restarted or flushed Redis forgets loaded scripts: load again once.
      if (!describeError(error).includes('NOSCRIPT')) throw error
      shas.delete(script)
      return target.sendCommand(['EVAL', script, '1', base, ...args])
    }
  }

  const lookup = async (record: MemoryRecord, remember: boolean): Promise<MemoryLookup> => {
    const detailed = new Set(detailedImages(record))
    // The seen marker is keyed by the kept id, the form an in-process snapshot carries.
    const args = [base, String(windowSeconds), String(record.seconds), remember ? '1' : '0', textEntry(record), String(record.author), record.acct.slice(0, MAX_ACCT), keptId(record.id) ?? '']
    const keys = textKeys(record)
    args.push(String(keys.length), ...keys, String(record.images.length))
    for (const image of record.images) {
      const probes = imageProbes(image)
      args.push(detailed.has(image) ? imageEntry(record, image) : '', String(probes.length), ...probes.map(String))
    }
    args.push(String(record.mentions.length), ...Array.from(record.mentions, String))
    const reply = await withTimeout(run(LOOKUP_SCRIPT, args), timeoutMs)
    const [seen, mentioned, allowed, texts, images, spamTexts, allowTexts, spamImages, allowImages] = Array.isArray(reply) ? reply : []
    const allowedAuthor = Number(allowed) === 1
    const spamTextMark = newestTextMark(strings(spamTexts), record)
    const allowTextMark = newestTextMark(strings(allowTexts), record)
    const found = allowedAuthor || allowTextMark > spamTextMark ? { copies: undefined, repeats: confirmTextCopies(strings(texts), record, windowSeconds).repeats } : confirmTextCopies(strings(texts), record, windowSeconds)
    const spamMarks = nested(spamImages)
    const allowMarks = nested(allowImages)
    const perImage = nested(images)
    const looked: Uint8Array[] = []
    const candidates: string[][] = []
    let markedSpamImages = 0
    record.images.forEach((image, i) => {
      const spam = newestImageMark(spamMarks[i] ?? [], image)
      const allow = newestImageMark(allowMarks[i] ?? [], image)
      if (spam > allow) markedSpamImages++
      if (!detailed.has(image) || allow > spam) return
      looked.push(image)
      candidates.push(perImage[i] ?? [])
    })
    return {
      text: found.copies,
      image: allowedAuthor ? undefined : confirmImageCopies(candidates, looked, record, windowSeconds),
      markedSpamText: spamTextMark > allowTextMark,
      markedSpamImages,
      allowedAuthor,
      author: { mentioned: Number(mentioned) || 0, repeats: found.repeats },
      seen: Number(seen) === 1,
    }
  }

  const bulkMs = Math.max(timeoutMs, 1_000)
  const send = (args: string[]): Promise<unknown> => withTimeout((async () => (await ready).sendCommand(args))(), bulkMs)
  const script = (body: string, args: string[]): Promise<unknown> => withTimeout(run(body, args), bulkMs)

  /** Visits the keys of this store, a SCAN batch (about 1000) at a time; names without `<base>:`. */
  const scanEach = async (visit: (names: string[]) => Promise<void> | void): Promise<void> => {
    const pattern = `${escapeGlob(base)}:*`
    let cursor = '0'
    do {
      const reply = await send(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000'])
      const [next, found] = Array.isArray(reply) ? reply : []
      cursor = String(next ?? '0')
      const names: string[] = []
      for (const key of strings(found)) if (key.startsWith(`${base}:`)) names.push(key.slice(base.length + 1))
      await visit(names)
    } while (cursor !== '0')
  }

  /** Values of keys (MGET in batches), by name; missing keys are left out. */
  const values = async (names: readonly string[]): Promise<Map<string, string>> => {
    const out = new Map<string, string>()
    for (let start = 0; start < names.length; start += BATCH) {
      const batch = names.slice(start, start + BATCH)
      const reply = await send(['MGET', ...batch.map((name) => `${base}:${name}`)])
      if (Array.isArray(reply)) reply.forEach((value, i) => value !== null && value !== undefined && out.set(batch[i]!, String(value)))
    }
    return out
  }

  /** Whole lists (a script per batch), by name. */
  const lists = async (names: readonly string[]): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>()
    for (let start = 0; start < names.length; start += BATCH) {
      const batch = names.slice(start, start + BATCH)
      const reply = nested(await script(READ_LISTS_SCRIPT, batch.map((name) => `${base}:${name}`)))
      batch.forEach((name, i) => out.set(name, reply[i] ?? []))
    }
    return out
  }

  const isBandList = (name: string): boolean => name.startsWith('t:') || /^r\d+:/u.test(name)

  // Two passes over the keys: the entries, images and marks first; then the band lists, a batch at
  // a time, each filed into the snapshot as it is read (the lists outnumber the statuses 8 to 1).
  const exportMemory = async (): Promise<Uint8Array> => {
    const entryNames: string[] = []
    const imageNames: string[] = []
    const widths = new Set<number>()
    const markNames = { ms: [] as string[], ma: [] as string[], ims: [] as string[], ima: [] as string[] }
    await scanEach((names) => {
      for (const name of names) {
        if (name.startsWith('e:')) entryNames.push(name)
        else if (name.startsWith('ie:')) imageNames.push(name)
        else if (/^r\d+:/u.test(name)) widths.add(Number(name.slice(1, name.indexOf(':'))))
        else if (name.startsWith('ims:')) markNames.ims.push(name)
        else if (name.startsWith('ima:')) markNames.ima.push(name)
        else if (name.startsWith('ms:') || name === 'msx') markNames.ms.push(name)
        else if (name.startsWith('ma:') || name === 'max') markNames.ma.push(name)
      }
    })
    const entries = new Map<number, string>()
    for (const [name, line] of await values(entryNames)) entries.set(Number(name.slice(2)), line)
    const images = new Map<string, string>()
    for (const [name, line] of await values(imageNames)) images.set(name.slice(3), line)
    const snapshot = createLineSnapshot({ entries, images, widths })
    await scanEach(async (names) => {
      for (const [name, members] of await lists(names.filter(isBandList))) snapshot.list(name.startsWith('t:') ? name.slice(2) : name, members)
    })
    const markLines = async (group: readonly string[]): Promise<string[]> => [...(await lists(group)).values()].flat()
    const allowAuthors: string[] = []
    let cursor = '0'
    do {
      const reply = await send(['SSCAN', `${base}:aa`, cursor, 'COUNT', '1000'])
      const [next, found] = Array.isArray(reply) ? reply : []
      cursor = String(next ?? '0')
      for (const acct of strings(found)) allowAuthors.push(acct)
    } while (cursor !== '0' && allowAuthors.length < 4096)
    return snapshot.finish({ ms: await markLines(markNames.ms), ma: await markLines(markNames.ma), ims: await markLines(markNames.ims), ima: await markLines(markNames.ima), allowAuthors })
  }

  const importMemory = async (data: Uint8Array): Promise<void> => {
    // The whole snapshot is read once before anything is written: bad data changes nothing.
    const check = openLineSnapshot(data)
    for (let i = 0; i < check.statuses; i++) check.nextStatus()
    for (let i = check.imageCount(); i > 0; i--) check.nextImage()
    check.marks()
    let held: string | undefined
    await scanEach((names) => {
      held ??= names.find((name) => name !== 'seq' && name !== 'n')
    })
    if (held !== undefined) throw new SpamFilterMemoryError('not-empty', `the prefix ${base} holds a memory (e.g. ${base}:${held}): import into an empty prefix`)

    const snapshot = openLineSnapshot(data)
    const W = String(windowSeconds)
    const sequences: number[] = []
    for (let start = 0; start < snapshot.statuses; start += BATCH) {
      const count = Math.min(BATCH, snapshot.statuses - start)
      const args = [base, W, snapshot.width, String(count)]
      for (let i = 0; i < count; i++) {
        const status = snapshot.nextStatus()
        args.push(status.entry, status.seen, String(status.keys.length), ...status.keys)
      }
      const given = await script(IMPORT_STATUSES_SCRIPT, args)
      for (const sequence of Array.isArray(given) ? given : []) sequences.push(Number(sequence))
    }
    const perParent = new Map<number, number>()
    const imageCount = snapshot.imageCount()
    for (let start = 0; start < imageCount; start += BATCH) {
      const count = Math.min(BATCH, imageCount - start)
      const args = [base, W, String(count)]
      for (let i = 0; i < count; i++) {
        const image = snapshot.nextImage()
        const parent = image.parent < 0 ? 0 : (sequences[image.parent] ?? 0)
        const n = (perParent.get(parent) ?? 0) + 1
        perParent.set(parent, n)
        args.push(`${parent}:${n}`, image.entry, String(image.cell))
      }
      await script(IMPORT_IMAGES_SCRIPT, args)
    }
    const marks = snapshot.marks()
    for (let start = 0; start < marks.length; start += BATCH) {
      const batch = marks.slice(start, start + BATCH)
      await script(IMPORT_MARKS_SCRIPT, [base, '4096', String(batch.length), ...batch.flatMap((mark) => [mark.type, mark.value, String(mark.cell)])])
    }
  }

  return {
    synchronous: false,
    windowMs: memory.windowMs,
    minAccounts: memory.minAccounts,
    keyBase: base,
    lookup,
    exportMemory,
    importMemory,
    async remember(record) {
      return !(await lookup(record, true)).seen
    },
    async mark(record, verdict) {
      const keys = record.kind === 'none' ? [] : textKeys(record)
      const args = [base, verdict === 'spam' ? '1' : '0', record.acct.slice(0, MAX_ACCT), record.kind === 'none' ? '' : textMarkEntry(record), String(keys.length), ...keys, String(record.images.length)]
      for (const image of record.images) args.push(toHex(image), String(homeKey(image)))
      await withTimeout(run(MARK_SCRIPT, args), timeoutMs)
    },
    async size() {
      return Number(await withTimeout((async () => (await ready).sendCommand(['GET', `${base}:n`]))(), timeoutMs)) || 0
    },
    async close() {
      const target = owned
      if (target === undefined) {
        await ready.catch(() => undefined)
        if (owned === undefined) return
      }
      const own = owned!
      try {
        if (typeof own.close === 'function') await own.close()
        else if (typeof own.quit === 'function') await own.quit()
      } catch {
        own.destroy?.()
      }
    },
  }
}
