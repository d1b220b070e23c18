// npm run demo: builds the package, then classifies every example status in fixtures/statuses
// with the built library and prints each verdict with its reasons.
import { readFileSync } from 'node:fs'
import { classifyStatus } from '../dist/index.js'

const dir = new URL('../fixtures/statuses/', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'))
const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
const LABEL = { spam: (t) => paint('1;31', t), suspicious: (t) => paint('1;33', t), clean: (t) => paint('32', t) }

let agree = 0
for (const entry of manifest) {
  const status = JSON.parse(readFileSync(new URL(entry.file, dir), 'utf8'))
  const verdict = classifyStatus(status)
  const same = verdict.label === entry.label
  if (same) agree++
  console.log(`${paint('1', entry.file)}`)
  console.log(`  ${LABEL[verdict.label](verdict.label.toUpperCase())}  score ${verdict.score}${same ? '' : paint('2', `  (the manifest expects ${entry.label})`)}`)
  for (const reason of verdict.reasons) {
    const score = `${reason.score > 0 ? '+' : ''}${reason.score}`.padStart(6)
    console.log(`  ${score}  ${reason.signal.padEnd(20)} ${reason.message}`)
    if (reason.evidence.length > 0) console.log(`  ${' '.repeat(29)}${paint('2', `evidence: ${reason.evidence.join(', ')}`)}`)
  }
  for (const skipped of verdict.skipped) console.log(`  ${paint('2', `skipped ${skipped.signal}: ${skipped.because}${skipped.detail ? ` (${skipped.detail})` : ''}`)}`)
  console.log('')
}
console.log(`${agree} of ${manifest.length} verdicts match the labels in fixtures/statuses/manifest.json.`)
