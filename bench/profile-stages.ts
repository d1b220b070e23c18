/**
 * Where the time of `classifyStatus` goes, per stage, in place: a CPU profile (V8's sampling
 * profiler, through `node:inspector`) of a build's `dist/` classifying the mixed set of
 * `bench/classify.ts`, each sample given to the innermost stage on its stack (the link scan
 * without the layer it calls, a signal without the link scan it may start), and the shares times
 * the CPU time per status measured over as many passes without the profiler. Unlike the part rows of
 * `bench/classify.ts`, nothing is timed on its own: memos, GC and the signal loop fall where they
 * happen.
 *
 * Usage: npm run build && npx tsx bench/profile-stages.ts [<package root with dist/>] [--passes N]
 * (default: this package; 400 passes after 40 of warm-up)
 */
import { Session } from 'node:inspector/promises'
import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const args = process.argv.slice(2)
const passesAt = args.indexOf('--passes')
const passes = passesAt >= 0 ? Number(args[passesAt + 1]) : 400
const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--passes') ?? new URL('..', import.meta.url).pathname
const { classifyStatus } = (await import(`${root}/dist/index.js`)) as { classifyStatus: (s: unknown) => { score: number } }

const corpus = findCorpus()
if (corpus === undefined) throw new Error('bench/profile-stages.ts needs ../shared/corpus (the real ham of the mixed set)')
const ham = loadHamItems(corpus).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])

let sink = 0
for (let k = 0; k < 40; k++) for (const input of inputs) sink += classifyStatus(input).score
// The CPU time a status without the profiler, then the same passes profiled for the shares.
const start = process.cpuUsage()
for (let k = 0; k < passes; k++) for (const input of inputs) sink += classifyStatus(input).score
const used = process.cpuUsage(start)
const usPerStatus = (used.user + used.system) / passes / inputs.length
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 500 })
await session.post('Profiler.start')
for (let k = 0; k < passes; k++) for (const input of inputs) sink += classifyStatus(input).score
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile }
session.disconnect()

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
// A signal is named by the `id: "…"` next to its `evaluate` in the built chunk.
const sources = new Map<string, string[]>()
const { readFileSync } = await import('node:fs')
function signalAt(url: string, line: number): string {
  let lines = sources.get(url)
  if (lines === undefined) {
    lines = readFileSync(new URL(url), 'utf8').split('\n')
    sources.set(url, lines)
  }
  for (let l = line + 1; l >= Math.max(0, line - 3); l--) {
    const id = /id: "([a-z-]+)"/u.exec(lines[l] ?? '')?.[1]
    if (id !== undefined) return `signal ${id}`
  }
  return 'signal (unnamed)'
}
function stageOf(node: ProfileNode): string | undefined {
  const { functionName, url, lineNumber } = node.callFrame
  if (functionName === '(garbage collector)') return 'garbage collection'
  if (!url.includes('/dist/')) return undefined
  switch (functionName) {
    case 'statusTexts':
    case 'readStatusTexts':
      return 'de-obfuscation layer (statusTexts)'
    case 'scanLinks':
      return 'link scan (without the layer)'
    case 'htmlToText':
      return 'readStatus: htmlToText'
    case 'readStatus':
      return 'readStatus: the rest'
    case 'scoreHits':
      return 'scoring and messages'
    case 'classifyStatus':
      return 'rest (find, unwrap, signal loop, context)'
    case 'evaluate':
      return signalAt(url, lineNumber)
    default:
      return undefined
  }
}
const totals = new Map<string, number>()
let all = 0
for (let i = 0; i < profile.samples.length; i++) {
  let at: number | undefined = profile.samples[i]
  let stage: string | undefined
  while (at !== undefined && stage === undefined) {
    stage = stageOf(byId.get(at)!)
    at = parent.get(at)
  }
  if (stage === undefined) continue
  const dt = profile.timeDeltas[i] ?? 0
  all += dt
  totals.set(stage, (totals.get(stage) ?? 0) + dt)
}
console.log(`${root}: ${inputs.length} statuses × ${passes} passes, ${usPerStatus.toFixed(2)} µs CPU a status (checksum ${Math.round(sink) % 1000}), ${process.version}`)
for (const [stage, t] of [...totals].sort((a, b) => b[1] - a[1])) {
  const share = t / all
  console.log(`${stage.padEnd(46)}${(share * usPerStatus).toFixed(2).padStart(7)} µs ${(100 * share).toFixed(1).padStart(5)}%`)
}
