/**
 * The worst case of one status (issue 12): what `classifyStatus` costs on statuses built to be
 * expensive within the default limits, parsed from JSON text as a server receives them. Reports
 * the median over rounds of the time per call (batches of at least 100 ms), the characters of
 * text read (the budget bounds them), and the cost of 4× the characters over 1× (linear: about 4).
 *
 * Usage: npx tsx bench/hostile.ts [--rounds N]
 */
import { classifyStatus } from '../src/classify.js'
import { resolveOptions } from '../src/options.js'
import type { RulesDocument } from '../src/rules/rules-document.js'
import { readStatus } from '../src/status/read-status.js'
import { unwrapStatus } from '../src/status/unwrap.js'

const args = process.argv.slice(2)
const roundsAt = args.indexOf('--rounds')
const rounds = roundsAt >= 0 ? Math.max(3, Number(args[roundsAt + 1]) || 7) : 7

function script(length: number, first: number, letters: number): string {
  let text = ''
  for (let i = 0; text.length < length; i++) text += i % 8 === 7 ? ' ' : String.fromCharCode(first + (i % letters))
  return text.slice(0, length)
}
const fullwidth = (n: number): string => script(n, 0xff41, 26)
const ascii = (n: number): string => script(n, 0x61, 26)
const MIXED = ['free ', 'nіtro ', 'ｄｉｓｃｏｒｄ ', '荒らし ', 'サーバー ', '😀 ', 'd\u0338i\u0301s ', 'ο ', 'https://ex.example/a ', '@bob ', '#tag ']
const mixed = (n: number): string => {
  let text = ''
  for (let i = 0; text.length < n; i++) text += MIXED[(i * 7) % MIXED.length]
  return text.slice(0, n)
}

const account = { id: '1', username: 'alice', acct: 'alice@example.social', display_name: 'Alice', note: '<p>hi</p>', avatar: 'https://x.example/a.png', created_at: '2022-01-01T00:00:00Z', followers_count: 10, following_count: 10, statuses_count: 10 }

/** Every field at the default limits at once, with text of `text(n)`; parsed from JSON so strings are flat as on the wire. */
function worst(text: (n: number) => string): unknown {
  const status = {
    id: '1',
    created_at: '2024-02-16T12:00:00.000Z',
    account,
    content: `<p>${text(99_990)}</p>`,
    spoiler_text: text(5_000),
    poll: { options: Array.from({ length: 500 }, () => ({ title: text(1_000) })) },
    media_attachments: Array.from({ length: 500 }, (_, i) => ({ id: String(i), type: 'image', description: text(5_000), url: `https://x.example/${'a'.repeat(10_000)}${i}` })),
    card: { url: `https://card.example/${'b'.repeat(3_100_000)}`, title: text(1_000_000), description: text(1_000_000) },
    tags: Array.from({ length: 500 }, (_, i) => ({ name: `${text(10_000)}${i}` })),
    mentions: Array.from({ length: 500 }, (_, i) => ({ acct: `${'m'.repeat(1_000)}${i}@x.example`, url: `https://x.example/@${'m'.repeat(1_000)}${i}` })),
  }
  return JSON.parse(JSON.stringify(status)) as unknown
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** Median over the rounds of the mean time per call in a batch of at least 100 ms (one warm-up batch first). */
function time(input: unknown, options?: Parameters<typeof classifyStatus>[1]): number {
  const batch = (): number => {
    let calls = 0
    const start = performance.now()
    do {
      classifyStatus(input, options)
      calls++
    } while (performance.now() - start < 100)
    return (performance.now() - start) / calls
  }
  batch()
  const runs: number[] = []
  for (let i = 0; i < rounds; i++) runs.push(batch())
  return median(runs)
}

function charactersRead(input: unknown): number {
  const inner = unwrapStatus(input)
  if (inner === undefined) return 0
  const status = readStatus(inner, undefined, resolveOptions().limits)
  return status.text.length + status.spoilerText.length + status.extraTexts.reduce((sum, t) => sum + t.length, 0)
}

const rows: [string, string][] = []
for (const [name, text] of [['fullwidth', fullwidth], ['ASCII', ascii], ['mixed scripts', mixed]] as const) {
  const input = worst(text)
  rows.push([`worst-case status, ${name} text (every field at the default limits)`, `${time(input).toFixed(1)} ms; ${charactersRead(input)} characters of text read`])
}
const phrases: RulesDocument = { version: 1, phrases: Array.from({ length: 10_000 }, (_, i) => `"w${i.toString(36)}q zx" nitro${i % 97}`) }

rows.push(['worst-case status, mixed scripts, 10,000 user phrases', `${time(worst(mixed), { rules: phrases }).toFixed(1)} ms (options resolved per call: ${time({ content: '' }, { rules: phrases }).toFixed(1)} ms of it)`])

const small = { id: '1', account, content: `<p>${mixed(25_000)}</p>` }
const large = { id: '1', account, content: `<p>${mixed(100_000)}</p>` }
rows.push(['4× the characters (mixed scripts, 25k → 100k of content)', `${(time(large) / time(small)).toFixed(2)}× the time`])
const smallFw = { id: '1', account, content: `<p>${fullwidth(99_000)}</p>` }
const smallAscii = { id: '1', account, content: `<p>${ascii(99_000)}</p>` }
rows.push(['99k characters of content: fullwidth / ASCII', `${(time(smallFw) / time(smallAscii)).toFixed(2)}× (${time(smallFw).toFixed(1)} / ${time(smallAscii).toFixed(1)} ms)`])

console.log(`bench/hostile.ts: median of ${rounds} rounds (batches of ≥ 100 ms) after a warm-up batch, Node ${process.versions.node}`)
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`)
