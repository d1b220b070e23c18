/**
 * CPU time (process.cpuUsage, so other processes' load counts less than in wall time) of
 * `classifyStatus` from this build and from another build of the package, alternately in one
 * process, over the mixed set of bench/classify.ts, with the floor (regex strip + NFKC +
 * lowercase) beside them.
 *
 * Usage: npm run build && npx tsx bench/compare-build.ts <other package root with dist/>
 * (e.g. a worktree of the previous release: git worktree add /tmp/base <commit>, npm run build there)
 */
import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
const mine = (await import(new URL('../dist/index.js', import.meta.url).href)) as { classifyStatus: (s: unknown) => { score: number } }
const otherRoot = process.argv[2]
if (otherRoot === undefined) throw new Error('usage: npx tsx bench/compare-build.ts <other package root>')
const base = (await import(`${otherRoot}/dist/index.js`)) as { classifyStatus: (s: unknown) => { score: number } }
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const contents = inputs.map((x) => String((x as { content?: string }).content ?? ''))
const floor = (h: string): number => h.replace(/<[^>]*>/gu, ' ').normalize('NFKC').toLowerCase().length
const cases: [string, () => number][] = [
  ['this build', () => { let s = 0; for (const x of inputs) s += mine.classifyStatus(x).score; return s }],
  ['other build', () => { let s = 0; for (const x of inputs) s += base.classifyStatus(x).score; return s }],
  ['floor', () => { let s = 0; for (const c of contents) s += floor(c); return s }],
]
const times = new Map<string, number[]>()
for (let round = 0; round < 25; round++) {
  for (const [name, run] of cases) {
    const start = process.cpuUsage()
    for (let k = 0; k < 5; k++) run()
    const used = process.cpuUsage(start)
    ;(times.get(name) ?? times.set(name, []).get(name)!).push((used.user + used.system) / 5 / inputs.length)
  }
}
const med = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!
for (const [name, t] of times) console.log(name, med(t).toFixed(2), 'µs CPU/status')
console.log('this / floor', (med(times.get('this build')!) / med(times.get('floor')!)).toFixed(2), '  other / floor', (med(times.get('other build')!) / med(times.get('floor')!)).toFixed(2))
