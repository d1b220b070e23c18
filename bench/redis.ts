/**
 * Redis store benchmark: statuses per second with 1, 2 and 4 worker processes classifying on one
 * local redis-server (started here on a free loopback port, persistence off), and Redis round trips
 * per status (the client's commands, from Redis's own command statistics).
 *
 *   npx tsx bench/redis.ts
 *
 * Each worker is `test/redis/wave-child.ts`: one `createSpamFilter({ memory: createRedisStore(…) })`
 * awaiting `classifyAsync` status after status (no pipelining across statuses), timed after 2000
 * warm-up statuses. Synthetic statuses
 * (own generator): English-like words, 20k authors, a tenth copies of an earlier text. Then the
 * snapshots: the 4-process store (24,000 statuses) exported, imported into an empty prefix and
 * into an in-process store, and an in-process export imported into Redis (wall clock).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createClient } from 'redis'
import { createMemoryStore, type StatusInput } from '../src/index.js'
import { createRedisStore } from '../src/redis/index.js'
import { startRedis } from '../test/redis/redis-server.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const PER_WORKER = 4_000
/** Statuses each worker classifies first, untimed (JIT warm-up; they count in Redis's statistics). */
const WARMUP = 2_000
const T0 = Date.UTC(2026, 10, 1)

let seed = 7
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  return seed / 4294967296
}
const WORDS = Array.from({ length: 4_000 }, () => Array.from({ length: 2 + Math.floor(random() * 7) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join(''))
let counter = 0
const texts: string[] = []
function status(): StatusInput {
  counter++
  const user = `user${Math.floor(random() * 20_000)}`
  let text = Array.from({ length: 8 + Math.floor(random() * 25) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')
  if (random() < 0.1 && texts.length > 0) text = texts[Math.floor(random() * texts.length)]!
  else if (counter % 50 === 0) texts.push(text)
  return {
    id: String(114_000_000_000_000_000n + BigInt(counter)),
    created_at: new Date(T0 + counter * 100).toISOString(),
    content: `<p>${text}</p>`,
    mentions: [],
    media_attachments: [],
    account: { id: '1', username: user, acct: `${user}@example.social`, display_name: user, note: 'hi', followers_count: 10, following_count: 10, created_at: '2020-01-01T00:00:00Z' },
  }
}

function worker(url: string, prefix: string, statuses: readonly StatusInput[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/redis/wave-child.ts', url, prefix, String(WARMUP)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out) as { ms: number }).ms) : reject(new Error(`worker exited with ${String(code)}`))))
    child.stdin.end(JSON.stringify(statuses))
  })
}

const server = await startRedis()
const admin = createClient({ url: server.url })
await admin.connect()
try {
  for (const processes of [1, 2, 4]) {
    const batches = Array.from({ length: processes }, () => Array.from({ length: WARMUP + PER_WORKER }, status))
    await admin.sendCommand(['CONFIG', 'RESETSTAT'])
    const times = await Promise.all(batches.map((batch) => worker(server.url, `bench${processes}`, batch)))
    const stats = String(await admin.sendCommand(['INFO', 'commandstats']))
    const calls = [...stats.matchAll(/cmdstat_(evalsha|eval|script\|load):calls=(\d+)/gu)].reduce((sum, match) => sum + Number(match[2]), 0)
    const statuses = processes * PER_WORKER
    const sent = processes * (WARMUP + PER_WORKER)
    const wall = Math.max(...times)
    console.log(`redis store, ${processes} process${processes === 1 ? '' : 'es'} on one local Redis: ${Math.round((statuses / wall) * 1000).toLocaleString('en')} statuses/s in total, ${((wall * 1000) / PER_WORKER).toFixed(0)} µs per status in each process (classifyAsync awaited one by one); ${(calls / sent).toFixed(3)} round trips per status (script loads included)`)
  }
  // Snapshots: Redis → bytes → another prefix and an in-process store; in-process → Redis.
  const source = createRedisStore({ url: server.url, prefix: 'bench4' })
  const target = createRedisStore({ url: server.url, prefix: 'bench-import' })
  const inProcess = createMemoryStore({ maxStatuses: 100_000 })
  try {
    const count = await source.size()
    let start = performance.now()
    const snapshot = await source.exportMemory()
    const exported = performance.now() - start
    start = performance.now()
    await target.importMemory(snapshot)
    const imported = performance.now() - start
    start = performance.now()
    inProcess.importMemory(snapshot)
    const intoProcess = performance.now() - start
    const back = createRedisStore({ url: server.url, prefix: 'bench-back' })
    start = performance.now()
    await back.importMemory(inProcess.exportMemory())
    const fromProcess = performance.now() - start
    await back.close()
    const rate = (ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en')} statuses/s`
    console.log(`redis snapshots of ${count.toLocaleString('en')} statuses (${(snapshot.length / 1024).toFixed(0)} KiB): export ${exported.toFixed(0)} ms (${rate(exported)}), import into an empty prefix ${imported.toFixed(0)} ms (${rate(imported)}), into an in-process store ${intoProcess.toFixed(0)} ms; in-process export into Redis ${fromProcess.toFixed(0)} ms (${rate(fromProcess)}) (wall clock)`)
  } finally {
    await Promise.all([source.close(), target.close()])
  }
} finally {
  await admin.close()
  await server.stop()
}
