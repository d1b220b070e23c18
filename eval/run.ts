/**
 * `npm run eval`: classifies the labeled data and prints, per spam wave and per ham category, how
 * many statuses were labeled spam, suspicious and clean; then precision, recall and the required
 * results. Exits with 1 when a required result fails.
 *
 * Usage: tsx eval/run.ts [--json] [--shared <dir>]
 */
import { classifyStatus } from '../src/index.js'
import { evaluate } from './evaluate.js'
import { loadEvalItems } from './load-items.js'
import { formatReport } from './report.js'

const args = process.argv.slice(2)
const sharedAt = args.indexOf('--shared')
const sharedDir = sharedAt >= 0 ? args[sharedAt + 1] : undefined
const { items, notices, corpus } = loadEvalItems(sharedDir)
const result = evaluate(items, (input) => classifyStatus(input))

if (args.includes('--json')) {
  console.log(JSON.stringify({ corpus, notices, items: items.length, ...result }, null, 2))
} else {
  console.log(formatReport(result, notices))
}
process.exitCode = result.checks.every((c) => c.pass) ? 0 : 1
