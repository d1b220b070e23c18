/**
 * Near-duplicate memory benchmark: per-status cost with 1k, 500k and 1M statuses remembered,
 * bytes per remembered status, recall of one-word-changed copies at 500k and 1M, and
 * `filter.classify` against `classifyStatus` on the same statuses. Times are this process's CPU time.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/near-duplicate.ts
 *
 * Synthetic statuses (own generator, no corpus): Zipf-distributed English-like words and
 * Japanese-like kana/kanji runs, 50k authors, a fifth with an image, a tenth of the measured
 * statuses copies of earlier ones with a word changed. Two costs are reported: the memory's own
 * work (fingerprint, text and image lookups, remember) on statuses already read, and a whole
 * `filter.classify` call (reading the JSON and every signal), and the share of one-word-changed
 * copies found at 500k (recall).
 */
import { classifyStatus, createMemoryStore, createSpamFilter, type InProcessMemoryStore, type NormalizedStatus, type SignalContext, type SpamFilter, type StatusInput } from '../src/index.js'
import { memoryRecord, readStatus } from '../src/internals.js'

const LARGE = 1_000_000
const MID = 500_000
const SMALL = 1_000
const SAMPLE = 2_000
const T0 = Date.UTC(2026, 10, 1)

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = rng(42)
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソ日本語学校電車今週無料参加'
const VOCABULARY = Array.from({ length: 6_000 }, () => Array.from({ length: 2 + Math.floor(random() * 8) }, () => LETTERS[Math.floor(random() * 26)]).join(''))
const BLURHASH = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~'
const zipf = (): number => Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY.length))) - 1)

function text(): string {
  if (random() < 0.2) return Array.from({ length: 20 + Math.floor(random() * 60) }, () => KANA[Math.floor(random() * KANA.length)]).join('')
  return Array.from({ length: 6 + Math.floor(random() * 30) }, () => VOCABULARY[zipf()]).join(' ')
}

function blurhash(): string {
  return `L${Array.from({ length: 27 }, () => BLURHASH[Math.floor(random() * 83)]).join('')}`
}

let counter = 0
function status(content: string, withImage: boolean): StatusInput {
  counter++
  const user = `user${Math.floor(random() * 50_000)}`
  return {
    id: String(113_000_000_000_000_000n + BigInt(counter)),
    created_at: new Date(T0 + counter * 1_000).toISOString(),
    content: `<p>${content}</p>`,
    media_attachments: withImage ? [{ id: '1', type: 'image', blurhash: blurhash(), meta: { original: { width: 800, height: 600 } } }] : [],
    account: { id: '1', username: user, acct: `${user}@example.social`, display_name: user, note: 'hi', followers_count: 10, following_count: 10, created_at: '2020-01-01T00:00:00Z' },
  }
}

const fresh = (): StatusInput => status(text(), random() < 0.2)
/** Texts each memory or filter was filled with, to copy from (a copy of a text a memory never held would not be a copy). */
const earlierOf = new Map<object, string[]>()
/** Inputs that copy an earlier text with one word changed (for the recall figure). */
const copies = new WeakSet<object>()
const sampleInput = (earlier: readonly string[] = []): StatusInput => {
  if (random() < 0.1 && earlier.length > 0) {
    const words = earlier[Math.floor(random() * earlier.length)]!.split(' ')
    words[Math.floor(random() * words.length)] = 'changed'
    const input = status(words.join(' '), false)
    copies.add(input)
    return input
  }
  return fresh()
}

const gc = (globalThis as { gc?: () => void }).gc
const used = (): number => {
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/** Pictures each memory was filled with, to copy (for the image recall figure). */
const earlierImagesOf = new Map<object, string[]>()

function fill(observe: (s: StatusInput) => void, n: number, images?: string[]): string[] {
  const earlier: string[] = []
  for (let i = 0; i < n; i++) {
    const input = fresh()
    if (i % 997 === 0) earlier.push(String(input.content).slice(3, -4))
    const picture = input.media_attachments?.[0]?.blurhash
    if (images !== undefined && i % 499 === 0 && typeof picture === 'string') images.push(picture)
    observe(input)
  }
  return earlier
}

const viewer = { acct: undefined, host: undefined, follows: () => undefined }
const contextOf = (s: NormalizedStatus): SignalContext => ({ postedAt: s.createdAt ?? T0, viewer })
const OPTIONS = { maxStatuses: LARGE, windowMs: 30 * 86_400_000 }
const MID_OPTIONS = { maxStatuses: MID, windowMs: 30 * 86_400_000 }

function memoryWith(n: number, options = OPTIONS): InProcessMemoryStore {
  const memory = createMemoryStore(options)
  const images: string[] = []
  earlierOf.set(memory, fill((input) => {
    const s = readStatus(input as object, undefined)
    memory.remember(memoryRecord(s, contextOf(s)))
  }, n, images))
  earlierImagesOf.set(memory, images)
  return memory
}

/**
 * Share of re-posted pictures (the blurhash of a remembered status's image, from another account,
 * with other text) the memory finds, looked up without remembering them; its own random source,
 * so the timed figures see the same statuses as before it was added.
 */
function imageRecall(memory: InProcessMemoryStore, count = 1_000): { copies: number; found: number } {
  const pictures = earlierImagesOf.get(memory) ?? []
  const pick = rng(7)
  let found = 0
  for (let i = 0; i < count && pictures.length > 0; i++) {
    const user = `reposter${Math.floor(pick() * 50_000)}`
    const input: StatusInput = {
      id: `copy-${i}`,
      created_at: new Date(T0 + (counter + 1) * 1_000).toISOString(),
      content: `<p>look at this ${i}</p>`,
      media_attachments: [{ id: '1', type: 'image', blurhash: pictures[Math.floor(pick() * pictures.length)]!, meta: { original: { width: 800, height: 600 } } }],
      account: { id: '1', username: user, acct: `${user}@example.social`, display_name: user, note: 'hi', followers_count: 10, following_count: 10, created_at: '2020-01-01T00:00:00Z' },
    }
    const s = readStatus(input as object, undefined)
    if (memory.lookup(memoryRecord(s, contextOf(s)), false).image !== undefined) found++
  }
  return { copies: Math.min(count, pictures.length === 0 ? 0 : count), found }
}

const ROUNDS = 5
/**
 * CPU time of this process in µs (user + system), not wall-clock time: the machine is shared,
 * and time spent descheduled is not the code's cost.
 */
const cpuMicroseconds = (): number => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Copies looked up and copies found, per memory (a copy of a text only the large memory holds is not counted). */
const recall = new Map<InProcessMemoryStore, { copies: number; found: number }>()

/** The memory's own work per status (fingerprint, text and image lookups, remember), on statuses already read. */
function memoryWork(memory: InProcessMemoryStore): number {
  const inputs = Array.from({ length: SAMPLE }, () => sampleInput(earlierOf.get(memory)))
  const sample = inputs.map((input) => readStatus(input as object, undefined))
  const found: boolean[] = []
  const start = cpuMicroseconds()
  for (const s of sample) {
    found.push(memory.lookup(memoryRecord(s, contextOf(s)), true).text !== undefined)
  }
  const time = (cpuMicroseconds() - start) / SAMPLE
  const tally = recall.get(memory) ?? { copies: 0, found: 0 }
  inputs.forEach((input, i) => {
    if (!copies.has(input)) return
    tally.copies++
    if (found[i] === true) tally.found++
  })
  recall.set(memory, tally)
  return time
}

/** A whole `filter.classify` call per status (reading the JSON, every signal, the memory). */
function wholeClassify(filter: SpamFilter): number {
  const inputs = Array.from({ length: SAMPLE }, () => sampleInput(earlierOf.get(filter)))
  const start = cpuMicroseconds()
  for (const input of inputs) filter.classify(input)
  return (cpuMicroseconds() - start) / SAMPLE
}

/** Runs every subject in turn, `ROUNDS` times after a warm-up (the machine may be shared), and keeps the medians. */
function compare<T>(subjects: readonly T[], run: (subject: T) => number): number[] {
  for (const subject of subjects) run(subject)
  const times = subjects.map(() => [] as number[])
  for (let round = 0; round < ROUNDS; round++) subjects.forEach((subject, i) => times[i]!.push(run(subject)))
  return times.map(median)
}

/** `classifyStatus` on the same kind of statuses (no memory): the floor `filter.classify` is compared with. */
function statelessClassify(): number {
  const inputs = Array.from({ length: SAMPLE }, () => sampleInput())
  const start = cpuMicroseconds()
  for (const input of inputs) classifyStatus(input)
  return (cpuMicroseconds() - start) / SAMPLE
}

function filterWith(n: number): SpamFilter {
  const filter = createSpamFilter({ memory: OPTIONS })
  earlierOf.set(filter, fill((input) => filter.observe(input), n))
  return filter
}

if (gc === undefined) console.log('note: run with NODE_OPTIONS=--expose-gc for exact memory figures')

const perStatus = (memory: InProcessMemoryStore, bytes: number): string =>
  `${(bytes / memory.size()).toFixed(1)} bytes per remembered status at ${memory.size().toLocaleString('en')} (heap + array buffers); export ${(memory.exportMemory().length / memory.size()).toFixed(1)} bytes/status`
let before = used()
const mid = memoryWith(MID, MID_OPTIONS)
console.log(`memory: ${perStatus(mid, used() - before)}`)
before = used()
const large = memoryWith(LARGE)
console.log(`memory: ${perStatus(large, used() - before)}`)
const small = memoryWith(SMALL)

const [atSmall, atMid, atLarge] = compare([small, mid, large], memoryWork) as [number, number, number]
console.log(`memory work: ${atSmall.toFixed(1)} µs/status at 1k remembered, ${atMid.toFixed(1)} at 500k, ${atLarge.toFixed(1)} at 1M; 1M/1k ${(atLarge / atSmall).toFixed(2)}× (median of ${ROUNDS} rounds of ${SAMPLE})`)
for (const [label, memory] of [['500k', mid], ['1M', large]] as const) {
  const tally = recall.get(memory)
  if (tally !== undefined) console.log(`recall at ${label}: ${tally.found} of ${tally.copies} copies with one word changed found (${((100 * tally.found) / Math.max(1, tally.copies)).toFixed(1)} %)`)
  const images = imageRecall(memory)
  console.log(`image recall at ${label}: ${images.found} of ${images.copies} re-posted pictures found (${((100 * images.found) / Math.max(1, images.copies)).toFixed(1)} %)`)
}

const smallFilter = filterWith(SMALL)
const largeFilter = filterWith(LARGE)
const [stateless, classifySmall, classifyLarge] = compare<SpamFilter | undefined>([undefined, smallFilter, largeFilter], (filter) => (filter === undefined ? statelessClassify() : wholeClassify(filter))) as [number, number, number]
console.log(`whole classify: classifyStatus ${stateless.toFixed(1)} µs/status; filter.classify ${classifySmall.toFixed(1)} at 1k remembered (${(classifySmall / stateless).toFixed(2)}× classifyStatus), ${classifyLarge.toFixed(1)} at 1M (${(classifyLarge / stateless).toFixed(2)}×); 1M/1k ${(classifyLarge / classifySmall).toFixed(2)}× (median of ${ROUNDS} rounds of ${SAMPLE})`)

/**
 * CPU time of one random read that depends on the previous one (pointer chasing) in a typed array
 * of `bytes`: what a chain step or a candidate's record costs when the array is not in the cache.
 */
function dependentRead(bytes: number): number {
  const words = new Uint32Array(bytes / 4)
  for (let i = 0; i < words.length; i++) words[i] = Math.imul(i + 1, 0x9e3779b1) >>> 0
  const mask = words.length - 1
  const reads = 4_000_000
  const times: number[] = []
  let x = 12345
  for (let round = 0; round < ROUNDS; round++) {
    const start = cpuMicroseconds()
    for (let i = 0; i < reads; i++) x = words[(x ^ i) & mask]!
    times.push(((cpuMicroseconds() - start) * 1000) / reads)
  }
  if (x === -1) console.log(x)
  return median(times)
}
console.log(`random dependent read (pointer chasing): ${dependentRead(4 * 1024).toFixed(1)} ns in a 4 KB typed array, ${dependentRead(64 * 1024 * 1024).toFixed(1)} ns in a 64 MB one (the size of the 1M memory's records; median of ${ROUNDS} rounds of 4M reads)`)
