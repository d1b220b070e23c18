// Preloaded into the CLI's process by big-input.test.ts (node --import): samples the resident set
// size every 5 ms and prints the largest seen on stderr when the process exits.
import process from 'node:process'
import { setInterval } from 'node:timers'

let max = 0
const sample = () => {
  const rss = process.memoryUsage.rss()
  if (rss > max) max = rss
}
setInterval(sample, 5).unref()
process.on('exit', () => {
  sample()
  process.stderr.write(`rss-probe: ${max}\n`)
})
