/**
 * `npm run eval`: classifies the labeled data and prints, per spam wave and per ham category, how
 * many statuses were labeled spam, suspicious and clean; then precision, recall and the required
 * results; then the same with one filter's near-duplicate memory over all items. Exits with 1
 * when a required result fails.
 *
 * Usage: tsx eval/run.ts [--json] [--shared <dir>]
 */
import { classifyStatus, createSpamFilter } from '../src/index.js'
import { evaluate } from './evaluate.js'
import { loadEvalItems } from './load-items.js'
import { formatMemoryReport, formatReport } from './report.js'
import { runGeneralisation } from './generalisation.js'
import { findCorpus } from './paths.js'

const args = process.argv.slice(2)
const sharedAt = args.indexOf('--shared')
const sharedDir = sharedAt >= 0 ? args[sharedAt + 1] : undefined
const { items, notices, corpus } = loadEvalItems(sharedDir)
const result = evaluate(items, (input) => classifyStatus(input))
// The same items through one filter: near-duplicates across accounts count, and templated bots
// or repeated ham must not become spam.
const filter = createSpamFilter()
const withMemory = evaluate(items, (input) => filter.classify(input))

const corpusDir = findCorpus(sharedDir)
const generalisation = corpusDir === undefined ? undefined : runGeneralisation(corpusDir, items.filter((i) => i.truth === 'ham' && (i.source === 'ham' || i.source === 'activitypub')).map((i) => i.input))

if (args.includes('--json')) {
  console.log(JSON.stringify({ corpus, notices, items: items.length, ...result, withMemory, generalisation: generalisation?.checks }, null, 2))
} else {
  console.log(formatReport(result, notices))
  console.log(`\n${formatMemoryReport(withMemory, result)}`)
  if (generalisation !== undefined) console.log(`\n${generalisation.text}`)
}
process.exitCode = [...result.checks, ...withMemory.checks].every((c) => c.pass) ? 0 : 1
