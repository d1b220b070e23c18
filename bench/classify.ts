/**
 * Throughput of `classifyStatus` on one core, where the time goes per stage, and a floor to
 * compare with.
 *
 * Usage: npx tsx bench/classify.ts [--json] [--rounds N] [--dist]
 *
 * - The mixed set: the real ham of ../shared/corpus and mention-heavy spam built in
 *   bench/helpers/mention-spam.ts (3–8 mentions in h-card markup, long markup, 2–3 reasons
 *   firing), half and half by count when the corpus is present.
 * - floor: a regex HTML strip plus `normalize('NFKC')` plus `toLowerCase()` of the content, the
 *   least any reader of the text must do; classify / floor says how much more the pipeline costs
 *   (target ≤ 5).
 * - stages: readStatus (JSON and HTML to the normalized form); the de-obfuscation layer over
 *   every text field (`readStatusTexts`); scanLinks with the layer's output ready; each signal
 *   with the link scan and layer ready (as inside classifyStatus); the rest (unwrap, context,
 *   scoring).
 *
 * Every round runs each case in turn (timed alternately in one process), so bursts of load from
 * other processes hit all cases alike; min and max of the rounds are printed.
 */
import { loadFixtureItems } from '../eval/fixtures.js'
import { loadHamItems } from '../eval/ham-corpus.js'
import { findCorpus } from '../eval/paths.js'
import * as source from '../src/index.js'
import { readStatus, unwrapStatus } from '../src/internals.js'
import { scanLinks } from '../src/links/status-links.js'
import { readStatusTexts, statusTexts } from '../src/status/status-texts.js'
import { mentionHeavySpam } from './helpers/mention-spam.js'
import { resolveOptions } from '../src/options.js'
import type { SignalContext } from '../src/signal.js'
import { benchCase, type Measurement, measureAll } from './helpers/measure.js'

const TARGET_PER_SECOND = 50_000
const TARGET_RATIO = 5

const args = process.argv.slice(2)
const roundsAt = args.indexOf('--rounds')
const rounds = roundsAt >= 0 ? Math.max(3, Number(args[roundsAt + 1]) || 7) : 7
const corpus = findCorpus()
// --dist: time classifyStatus and the floor from the built package (npm run build first), which is
// what users run; tsx adds a little overhead of its own. The part rows always come from src/.
const DIST = '../dist/index.js'
const library = (args.includes('--dist') ? await import(DIST) : source) as Pick<typeof source, 'classifyStatus'>
const { classifyStatus } = library

const fixtureInputs: unknown[] = loadFixtureItems().map((i) => i.input)
const fixtureCount = fixtureInputs.length
const ham: unknown[] = corpus === undefined ? fixtureInputs : loadHamItems(corpus).map((i) => i.input)
const spam = mentionHeavySpam(ham.length)
// Ham and spam interleaved, so neither kind runs as a block.
const inputs: unknown[] = []
for (let i = 0; i < ham.length; i++) inputs.push(ham[i], spam[i])
const floorOf = (html: string): number => html.replace(/<[^>]*>/gu, ' ').normalize('NFKC').toLowerCase().length
const fixtureContents = fixtureInputs.map((input) => {
  const content = (unwrapStatus(input) as { content?: unknown } | undefined)?.content
  return typeof content === 'string' ? content : ''
})

const unwrapped = inputs.map((input) => unwrapStatus(input) ?? {})
const contents = unwrapped.map((s) => {
  const content = (s as { content?: unknown }).content
  return typeof content === 'string' ? content : ''
})
const resolved = resolveOptions()
const normalized = unwrapped.map((s) => readStatus(s, resolved.viewer.host, resolved.limits))
// The layer's output is kept per status object (statusTexts): read it once here, so the rows
// after the layer's own row measure only their own work, as inside classifyStatus.
for (const status of normalized) statusTexts(status)
// The link scan is shared by the link signals (classify makes it once per status): it is timed on
// its own row, and the signals get it ready, as they do inside classifyStatus.
const scans = normalized.map((s) => scanLinks(s, resolved.rules.hostsInText))
const contexts: SignalContext[] = normalized.map((s, i) => ({
  postedAt: s.createdAt ?? Date.now(),
  viewer: resolved.viewer,
  rules: resolved.rules,
  links: () => scans[i]!,
  ...(resolved.memory === undefined ? {} : { memory: resolved.memory }),
}))
const indexes = normalized.map((_, i) => i)

const cases = [
  benchCase('classifyStatus (whole pipeline)', inputs, (input) => classifyStatus(input).score),
  benchCase('readStatus', unwrapped, (s) => readStatus(s, resolved.viewer.host, resolved.limits).text.length),
  benchCase('de-obfuscation layer (all fields)', normalized, (s) => readStatusTexts(s).joined.text.length),
  benchCase('scanLinks (layer output ready)', normalized, (s) => scanLinks(s, resolved.rules.hostsInText).links.length),
  ...resolved.signals.map(({ signal }) => benchCase(`signal ${signal.id}`, indexes, (i) => (signal.evaluate(normalized[i]!, contexts[i]!) === undefined ? 0 : 1))),
  benchCase('floor: regex strip + NFKC + lowercase', contents, floorOf),
]
// The issue's own measure: the fixtures alone (short posts, most of them spam), beside the mixed set.
const fixtureCases = [
  benchCase('classifyStatus, fixtures only', fixtureInputs, (input) => classifyStatus(input).score),
  benchCase('floor, fixtures only', fixtureContents, floorOf),
]
const { results } = measureAll([...cases, ...fixtureCases], { rounds })
const rows = cases.map((c, i) => ({ name: c.name, m: results[i]! }))
const fixturesClassify = results[cases.length]!
const fixturesFloor = results[cases.length + 1]!
const classify = rows[0]!.m
const floor = rows[rows.length - 1]!.m

// What the rows above do not cover: unwrapping, the allow list, the context, scoring.
const parts = rows.slice(1, -1).reduce((sum, { m }) => sum + m.median, 0)
const rest = classify.median - parts
const perSecond = (m: Measurement): number => Math.round(1e6 / m.median)
const ratio = classify.median / floor.median
const result = {
  statuses: inputs.length,
  fixtures: fixtureCount,
  realHam: corpus === undefined ? 0 : ham.length,
  mentionSpam: spam.length,
  rounds,
  node: process.version,
  classifyPerSecond: { median: perSecond(classify), min: Math.round(1e6 / classify.max), max: Math.round(1e6 / classify.min) },
  restUs: rest,
  ratio: { median: Math.round(ratio * 100) / 100, min: Math.round((classify.min / floor.max) * 100) / 100, max: Math.round((classify.max / floor.min) * 100) / 100 },
  rows: rows.map(({ name, m }) => ({ name, usPerStatus: { median: m.median, min: m.min, max: m.max }, passesPerRound: m.passes })),
  targets: { perSecond: perSecond(classify) >= TARGET_PER_SECOND, ratio: ratio <= TARGET_RATIO },
  fixturesOnly: {
    statuses: fixtureCount,
    classifyPerSecond: { median: perSecond(fixturesClassify), min: Math.round(1e6 / fixturesClassify.max), max: Math.round(1e6 / fixturesClassify.min) },
    ratio: Math.round((fixturesClassify.median / fixturesFloor.median) * 100) / 100,
    classifyUs: fixturesClassify.median,
    floorUs: fixturesFloor.median,
  },
}

if (args.includes('--json')) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const us = (v: number): string => v.toFixed(2).padStart(8)
  console.log(`${args.includes('--dist') ? 'classifyStatus and floor from dist/ (the build); ' : ''}${inputs.length} statuses (${corpus === undefined ? `${ham.length} fixtures (notice: ../shared/corpus is absent)` : `${ham.length} real ham`} + ${spam.length} mention-heavy spam, interleaved), ${rounds} rounds after warm-up, ${process.version}, one thread`)
  console.log('')
  console.log(`${'µs per status'.padEnd(36)}  median      min      max`)
  for (const { name, m } of rows) console.log(`${name.padEnd(36)}${us(m.median)} ${us(m.min)} ${us(m.max)}`)
  console.log(`${'rest of classify (unwrap, scoring)'.padEnd(36)}${us(rest)}   (median classify − sum of the part medians)`)
  console.log('')
  const c = result.classifyPerSecond
  console.log(`classifyStatus, mixed set: ${c.median.toLocaleString('en')} statuses/s (rounds: ${c.min.toLocaleString('en')}–${c.max.toLocaleString('en')}); target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}: ${result.targets.perSecond ? 'met' : 'MISSED'}`)
  console.log(`classify / floor, mixed set: ${result.ratio.median} (rounds: ${result.ratio.min}–${result.ratio.max}); target ≤ ${TARGET_RATIO}: ${result.targets.ratio ? 'met' : 'MISSED'}`)
  const f = result.fixturesOnly
  const met = (ok: boolean): string => (ok ? 'met' : 'MISSED')
  console.log(
    `fixtures only (${f.statuses}), the issue's measure: ${f.classifyPerSecond.median.toLocaleString('en')} statuses/s (rounds: ${f.classifyPerSecond.min.toLocaleString('en')}–${f.classifyPerSecond.max.toLocaleString('en')}), target ${met(f.classifyPerSecond.median >= TARGET_PER_SECOND)}; classify / floor ${f.ratio} (${f.classifyUs.toFixed(2)} / ${f.floorUs.toFixed(2)} µs), target ${met(f.ratio <= TARGET_RATIO)}`,
  )
}
