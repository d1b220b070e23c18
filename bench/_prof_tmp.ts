import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { classifyStatus } from '../src/index.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
let sink = 0
const t = performance.now()
for (let r = 0; r < 300; r++) for (const x of inputs) sink += classifyStatus(x).score
console.log((performance.now() - t) / 300 / inputs.length * 1000, 'µs', sink)
