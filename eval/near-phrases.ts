/**
 * Near matches of the built-in phrases in ham (issue 10, fourth pass): for each quoted term of
 * `SPAM_PHRASES` of two or more words, how many ham statuses hold it with exactly one word
 * substituted, inserted or deleted (and not whole), by the term's length in words. What the
 * near-match threshold (`NEAR_MIN_WORDS`) was chosen from: a near match counts only for terms of
 * at least that many words. Reads the shared corpus at run time (never copied into the repo).
 *
 * Usage: npx tsx eval/near-phrases.ts
 */
import { classifyStatus } from '../src/index.js'
import { SPAM_PHRASES } from '../src/data/spam-phrases.js'
import { nearTerms, wordsOf } from '../src/rules/phrase-pattern.js'
import { readStatus } from '../src/status/read-status.js'
import { unwrapInput } from '../src/status/unwrap.js'
import { skeleton } from '../src/text/deobfuscate.js'
import { oneWordDisguise, plain } from './disguise.js'
import { disguisedStatuses, spamBases } from './generalisation.js'
import { hardHamItems } from './hard-ham.js'
import { loadEvalItems } from './load-items.js'
import { findCorpus } from './paths.js'
import { createRandom } from './prng.js'

const terms: { pattern: string; words: readonly string[] }[] = []
// The quoted terms, read into words as the compiler reads them (it keeps the words of the long ones only).
for (const { pattern } of SPAM_PHRASES) {
  for (const [, quoted] of pattern.matchAll(/"([^"*]+)"/gu)) {
    const words = wordsOf(skeleton(quoted ?? ''))
    if (words.length >= 2) terms.push({ pattern, words })
  }
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
    const change = nearTerms([term.words], words)[0]
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

// The disguised waves of the generalisation evaluation: per class, the statuses on which the
// phrase signals fire (phrase-list whole, phrase-near with one word changed); then one word
// changed in each sentence (eval/disguise.ts `oneWordDisguise`, 10 seeds a wave's text), counted
// over the texts whose undisguised post fires phrase-list.
const corpus = findCorpus()
if (corpus !== undefined) {
  const fired = (input: unknown): { list: boolean; near: boolean; label: string; without: string } => {
    const acct = (input as { mentions?: { acct?: string }[] }).mentions?.[0]?.acct
    const viewer = acct === undefined ? {} : { viewer: { acct, follows: [] } }
    const verdict = classifyStatus(input, viewer)
    const without = classifyStatus(input, { ...viewer, weights: { 'phrase-near': 0 } }).label
    return { list: verdict.reasons.some((r) => r.signal === 'phrase-list'), near: verdict.reasons.some((r) => r.signal === 'phrase-near'), label: verdict.label, without }
  }
  const rows = new Map<string, { total: number; list: number; near: number }>()
  for (const { kind, input } of disguisedStatuses(corpus)) {
    const row = rows.get(kind) ?? { total: 0, list: 0, near: 0 }
    const { list, near } = fired(input)
    row.total++
    if (list) row.list++
    if (near) row.near++
    rows.set(kind, row)
  }
  console.log('\n| disguise class | statuses | phrase-list | phrase-near |\n|---|--:|--:|--:|')
  for (const [kind, row] of rows) console.log(`| ${kind} | ${row.total} | ${row.list} | ${row.near} |`)

  const wrap = (html: string, n: number): unknown => ({
    id: String(1000 + n),
    created_at: '2025-06-01T12:00:00.000Z',
    content: html,
    account: { id: String(2000 + n), username: `someone${n}`, acct: `someone${n}@server.example`, display_name: 'Someone', created_at: '2025-06-01T11:00:00.000Z', followers_count: 0, following_count: 0, statuses_count: 1, note: '' },
  })
  let texts = 0
  let variants = 0
  let changed = 0
  let list = 0
  let near = 0
  let neither = 0
  const labels = new Map<string, number>()
  const labelsWithout = new Map<string, number>()
  const missed: string[] = []
  let n = 0
  for (const { base } of spamBases(corpus)) {
    if (!fired(wrap(plain(base).html, n++)).list) continue
    texts++
    for (let seed = 0; seed < 10; seed++) {
      const parts = oneWordDisguise(base, createRandom(0x0e1d + seed * 7919 + n))
      variants++
      if (parts.html === plain(base).html) continue
      changed++
      const result = fired(wrap(parts.html, n++))
      if (result.list) list++
      else if (result.near) near++
      else {
        neither++
        missed.push(parts.html)
      }
      labels.set(result.label, (labels.get(result.label) ?? 0) + 1)
      labelsWithout.set(result.without, (labelsWithout.get(result.without) ?? 0) + 1)
    }
  }
  console.log(`\none word changed in each sentence: ${texts} wave texts whose plain post fires phrase-list, ${variants} variants, ${changed} changed; phrase-list still whole ${list}, phrase-near ${near}, neither ${neither}; labels (no viewer, a fresh bare account): ${[...labels].map(([l, c]) => `${l} ${c}`).join(', ')}; with phrase-near weighted 0: ${[...labelsWithout].map(([l, c]) => `${l} ${c}`).join(', ')}`)
  for (const html of missed) console.log(`  neither: ${html.slice(0, 300)}`)
}
