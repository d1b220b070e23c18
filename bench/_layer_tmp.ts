import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
import { readStatus, unwrapStatus } from '../src/index.js'
import { readStatusTexts } from '../src/status/status-texts.js'
import { skeleton } from '../src/text/deobfuscate.js'
import { skeletonChars } from '../src/text/transformers/skeleton-chars.js'
import { scanLinks } from '../src/links/status-links.js'
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const statuses = inputs.map((x) => readStatus(unwrapStatus(x)!, undefined))
const texts = statuses.map((s) => [s.spoilerText, s.prose, ...s.extraTexts].join('\n'))
const cases: [string, () => number][] = [
  ['readStatusTexts', () => { let n = 0; for (const s of statuses) n += readStatusTexts(s).joined.text.length; return n }],
  ['skeleton(joined)', () => { let n = 0; for (const t of texts) n += skeleton(t).length; return n }],
  ['skeletonChars only', () => { let n = 0; for (const t of texts) n += skeletonChars(t).text.length; return n }],
  ['nfkc+lower', () => { let n = 0; for (const t of texts) n += t.normalize('NFKC').toLowerCase().length; return n }],
  ['readStatus', () => { let n = 0; for (const x of inputs) n += readStatus(unwrapStatus(x)!, undefined).text.length; return n }],
  ['scanLinks (fresh status)', () => { let n = 0; for (const x of inputs) n += scanLinks(readStatus(unwrapStatus(x)!, undefined)).links.length; return n }],
]
const times = new Map<string, number[]>()
for (let round = 0; round < 15; round++) for (const [name, run] of cases) {
  const start = process.cpuUsage(); for (let k = 0; k < 10; k++) run(); const u = process.cpuUsage(start)
  ;(times.get(name) ?? times.set(name, []).get(name)!).push((u.user + u.system) / 10 / statuses.length)
}
for (const [name, t] of times) console.log(name.padEnd(28), [...t].sort((a, b) => a - b)[t.length >> 1]!.toFixed(2), 'µs')
