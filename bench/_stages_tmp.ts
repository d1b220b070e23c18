import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
import { readStatus, unwrapStatus } from '../src/index.js'
import { resolveOptions } from '../src/options.js'
import { scanLinks } from '../src/links/status-links.js'
import { statusTexts } from '../src/status/status-texts.js'
import { classifyNormalized } from '../src/classify.js'
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const resolved = resolveOptions()
const acc = { read: 0, layer: 0, links: 0, signals: 0 }
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system }
let n = 0
for (let r = 0; r < 150; r++) {
  for (const x of inputs) {
    let t = cpu()
    const s = readStatus(unwrapStatus(x)!, undefined, resolved.limits)
    let t2 = cpu(); acc.read += t2 - t; t = t2
    statusTexts(s)
    t2 = cpu(); acc.layer += t2 - t; t = t2
    scanLinks(s)
    t2 = cpu(); acc.links += t2 - t; t = t2
    classifyNormalized(s, resolved)
    t2 = cpu(); acc.signals += t2 - t
    n++
  }
}
for (const [k, v] of Object.entries(acc)) console.log(k, (v / n).toFixed(2), 'µs')
