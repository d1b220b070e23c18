import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
import { readStatus, unwrapStatus } from '../src/index.js'
import { scanLinks } from '../src/links/status-links.js'
import { readStatusTexts } from '../src/status/status-texts.js'
const ham = loadHamItems(findCorpus()!).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const statuses = inputs.map((x) => readStatus(unwrapStatus(x)!, undefined))
let n = 0
// Fresh copies so the memo does not hold: a shallow copy is a new object.
for (let r = 0; r < 3000; r++) for (const s of statuses) n += scanLinks(s).links.length
console.log(n)
