import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
const mine = (await import('/work/i10/dist/index.js')) as { classifyStatus: (s: unknown) => { score: number } }
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
let s = 0
for (let r = 0; r < 400; r++) for (const x of inputs) s += mine.classifyStatus(x).score
console.log(s)
