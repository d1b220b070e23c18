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
import { profileMixedSet, type ProfileNode } from './helpers/profile-mixed-set.js'


const args = process.argv.slice(2)
const passesAt = args.indexOf('--passes')
const passes = passesAt >= 0 ? Number(args[passesAt + 1]) : 400
const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--passes') ?? new URL('..', import.meta.url).pathname
const { usPerStatus, profile, statuses, checksum } = await profileMixedSet(root, passes, 500)

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
console.log(`${root}: ${statuses} statuses × ${passes} passes, ${usPerStatus.toFixed(2)} µs CPU a status (checksum ${checksum}), ${process.version}`)
for (const [stage, t] of [...totals].sort((a, b) => b[1] - a[1])) {
  const share = t / all
  console.log(`${stage.padEnd(46)}${(share * usPerStatus).toFixed(2).padStart(7)} µs ${(100 * share).toFixed(1).padStart(5)}%`)
}
