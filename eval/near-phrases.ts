/**
 * Near matches of the built-in phrases in ham (issue 10, fourth pass): for each quoted term of
 * `SPAM_PHRASES` of two or more words, how many ham statuses hold it with exactly one word
 * substituted, inserted or deleted (and not whole), by the term's length in words. What the
 * near-match threshold (`NEAR_MIN_WORDS`) was chosen from: a near match counts only for terms of
 * at least that many words. Reads the shared corpus at run time (never copied into the repo).
 *
 * Usage: npx tsx eval/near-phrases.ts
 */
import { SPAM_PHRASES } from '../src/data/spam-phrases.js'
import { compilePhrase, nearTerm, wordsOf } from '../src/rules/phrase-pattern.js'
import { readStatus } from '../src/status/read-status.js'
import { unwrapInput } from '../src/status/unwrap.js'
import { skeleton } from '../src/text/deobfuscate.js'
import { hardHamItems } from './hard-ham.js'
import { loadEvalItems } from './load-items.js'

const terms: { pattern: string; words: readonly string[] }[] = []
for (const { pattern, blatant, campaign } of SPAM_PHRASES) {
  const compiled = compilePhrase(pattern, blatant, campaign)
  if (typeof compiled === 'string') continue
  for (const words of compiled.words ?? []) if (words.length >= 2) terms.push({ pattern, words })
}

const { items } = loadEvalItems()
const ham = [...items.filter((i) => i.truth === 'ham').map((i) => ({ id: i.id, input: i.input })), ...hardHamItems().map((i) => ({ id: `hard:${i.id}`, input: i.input }))]
const byLength = new Map<number, number>()
const hits: string[] = []
for (const { id, input } of ham) {
  const { status } = unwrapInput(input) as { status: object }
  const read = readStatus(status, undefined)
  const words = wordsOf(skeleton([read.spoilerText, read.text, ...read.extraTexts].join('\n')))
  for (const term of terms) {
    const change = nearTerm(term.words, words)
    if (change === undefined) continue
    byLength.set(term.words.length, (byLength.get(term.words.length) ?? 0) + 1)
    hits.push(`${id}: ${term.words.join(' ')} (${term.words.length} words): ${JSON.stringify(change)}`)
  }
}
console.log(`ham statuses read: ${ham.length} (real ham, fixture ham, hard ham); built-in terms of 2+ words: ${terms.length}`)
console.log(`terms by length: ${[...new Set(terms.map((t) => t.words.length))].sort((a, b) => a - b).map((n) => `${n}: ${terms.filter((t) => t.words.length === n).length}`).join(', ')}`)
for (let n = 2; n <= 8; n++) {
  let count = 0
  for (const [length, c] of byLength) if (length >= n) count += c
  console.log(`N = ${n}: ${count} near matches in ham; ${terms.filter((t) => t.words.length >= n).length} terms eligible`)
}
for (const hit of hits) console.log(`  ${hit}`)
