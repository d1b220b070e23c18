/**
 * Near-duplicate memory benchmark: per-status cost with 1k and with 500k statuses remembered, and
 * bytes per remembered status at 500k.
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
import { createSpamFilter, type NormalizedStatus, type SignalContext, type SpamFilter, type StatusInput } from '../src/index.js'
import { createRecentStatuses, readStatus, type RecentStatuses } from '../src/internals.js'

const LARGE = 500_000
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
const earlier: string[] = []
/** Inputs that copy an earlier text with one word changed (for the recall figure). */
const copies = new WeakSet<object>()
const sampleInput = (): StatusInput => {
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

function fill(observe: (s: StatusInput) => void, n: number): void {
  for (let i = 0; i < n; i++) {
    const input = fresh()
    if (i % 997 === 0) earlier.push(String(input.content).slice(3, -4))
    observe(input)
  }
}

const viewer = { acct: undefined, host: undefined, follows: () => undefined }
const contextOf = (s: NormalizedStatus): SignalContext => ({ postedAt: s.createdAt ?? T0, viewer })
const OPTIONS = { maxStatuses: LARGE, windowMs: 30 * 86_400_000 }

function memoryWith(n: number): RecentStatuses {
  const memory = createRecentStatuses(OPTIONS)
  fill((input) => {
    const s = readStatus(input as object, undefined)
    memory.remember(s, contextOf(s))
  }, n)
  return memory
}

const ROUNDS = 5
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Copies looked up and copies found, per memory (a copy of a text only the large memory holds is not counted). */
const recall = new Map<RecentStatuses, { copies: number; found: number }>()

/** The memory's own work per status (fingerprint, text and image lookups, remember), on statuses already read. */
function memoryWork(memory: RecentStatuses): number {
  const inputs = Array.from({ length: SAMPLE }, sampleInput)
  const sample = inputs.map((input) => readStatus(input as object, undefined))
  const found: boolean[] = []
  const start = performance.now()
  for (const s of sample) {
    const context = contextOf(s)
    found.push(memory.textCopies(s, context) !== undefined)
    memory.imageCopies(s, context)
    memory.remember(s, context)
  }
  const time = ((performance.now() - start) * 1000) / SAMPLE
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
  const inputs = Array.from({ length: SAMPLE }, sampleInput)
  const start = performance.now()
  for (const input of inputs) filter.classify(input)
  return ((performance.now() - start) * 1000) / SAMPLE
}

/** Runs both sizes in turn, `ROUNDS` times after a warm-up (the machine may be shared), and keeps the medians. */
function compare<T>(small: T, large: T, run: (subject: T) => number): { small: number; large: number } {
  run(small)
  const times = { small: [] as number[], large: [] as number[] }
  for (let round = 0; round < ROUNDS; round++) {
    times.small.push(run(small))
    times.large.push(run(large))
  }
  return { small: median(times.small), large: median(times.large) }
}

function filterWith(n: number): SpamFilter {
  const filter = createSpamFilter({ memory: OPTIONS })
  fill((input) => filter.observe(input), n)
  return filter
}

if (gc === undefined) console.log('note: run with NODE_OPTIONS=--expose-gc for exact memory figures')

const before = used()
const large = memoryWith(LARGE)
const bytes = (used() - before) / large.size
console.log(`memory: ${bytes.toFixed(1)} bytes per remembered status at ${large.size.toLocaleString('en')} (heap + array buffers); export ${(large.exportMemory().length / large.size).toFixed(1)} bytes/status`)

const report = (label: string, result: { small: number; large: number }): void =>
  console.log(`${label}: ${result.small.toFixed(1)} µs/status at 1k remembered, ${result.large.toFixed(1)} µs/status at 500k, ratio ${(result.large / result.small).toFixed(2)}× (median of ${ROUNDS} rounds of ${SAMPLE})`)
const small = memoryWith(SMALL)
report('memory work', compare(small, large, memoryWork))
const tally = recall.get(large)
if (tally !== undefined) console.log(`recall at 500k: ${tally.found} of ${tally.copies} copies with one word changed found (${((100 * tally.found) / Math.max(1, tally.copies)).toFixed(1)} %)`)
report('whole classify', compare(filterWith(SMALL), filterWith(LARGE), wholeClassify))
