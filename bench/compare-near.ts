/**
 * CPU time of `classifyStatus` from this build and from another build, alternately in one
 * process, on hostile texts of about 200k characters for near phrase matches (issue 10, fourth
 * pass): a text made only of half hits of a long listed sentence, a near match repeated, plain prose.
 *
 * Usage: npm run build && npx tsx bench/compare-near.ts <other package root with dist/>
 */
type Classify = (s: unknown) => { score: number }
const mine = ((await import(new URL('../dist/index.js', import.meta.url).href)) as { classifyStatus: Classify }).classifyStatus
const otherRoot = process.argv[2]
if (otherRoot === undefined) throw new Error('usage: npx tsx bench/compare-near.ts <other package root>')
const base = ((await import(`${otherRoot}/dist/index.js`)) as { classifyStatus: Classify }).classifyStatus
const status = (text: string): unknown => ({ id: '1', content: `<p>${text}</p>`, account: { id: '2', username: 'a', acct: 'a' } })
const cases: [string, string][] = [
  ['half hits of the 12-word phishing sentence', 'your account has been suspended due '.repeat(5600)],
  ['a near match repeated', 'your profile has been suspended due to content violating new eu legislation '.repeat(2600)],
  ['plain prose', 'the quick brown fox jumps over the lazy dog and then some '.repeat(3500)],
]
const med = (a: number[]): string => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(1)
for (const [name, text] of cases) {
  const times: [number[], number[]] = [[], []]
  for (let round = 0; round < 15; round++) {
    ;[mine, base].forEach((classify, k) => {
      const start = process.cpuUsage()
      classify(status(text))
      const used = process.cpuUsage(start)
      times[k]!.push((used.user + used.system) / 1000)
    })
  }
  console.log(`${name} (${text.length} chars): this ${med(times[0])} ms, other ${med(times[1])} ms CPU (median of 15, alternating)`)
}
