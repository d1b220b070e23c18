import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
const mine = (await import('/work/i10/dist/index.js')) as { classifyStatus: (s: unknown) => { score: number } }
const base = (await import('/tmp/i10/base/dist/index.js')) as { classifyStatus: (s: unknown) => { score: number } }
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const contents = inputs.map((x) => String((x as { content?: string }).content ?? ''))
const floor = (h: string): number => h.replace(/<[^>]*>/gu, ' ').normalize('NFKC').toLowerCase().length
const cases: [string, () => number][] = [
  ['mine', () => { let s = 0; for (const x of inputs) s += mine.classifyStatus(x).score; return s }],
  ['base', () => { let s = 0; for (const x of inputs) s += base.classifyStatus(x).score; return s }],
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
console.log('mine/floor', (med(times.get('mine')!) / med(times.get('floor')!)).toFixed(2), 'base/floor', (med(times.get('base')!) / med(times.get('floor')!)).toFixed(2))
