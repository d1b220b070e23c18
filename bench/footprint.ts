/**
 * Footprint for notification extensions: what the core costs where a push is decided.
 *
 *   npm run bench:footprint        (builds dist/ first)
 *
 * Node: each run is a fresh `node --expose-gc` process that imports `dist/index.js` (the ESM build)
 * and classifies; heap is read after two forced collections, relative to the process before the
 * import (the inputs are already parsed then), so Node's own baseline is left out. Cold start is
 * the time from the start of the import to the first verdict, in that fresh process.
 *
 * QuickJS (quickjs-emscripten, the stand-in for the engines of native apps): each run is a fresh
 * runtime; memory is the runtime's `malloc_size` relative to the runtime with the inputs loaded;
 * cold start is evaluating the core bundle (esbuild, neutral platform, minified) plus the first
 * verdict.
 *
 * Cold start is reported as CPU time of the process (user + system), which other processes on a
 * busy machine do not inflate, with the wall time in parentheses; the targets compare CPU time.
 *
 * "First verdict" is measured twice: `classifyStatus` on a fixture status, and `classifyPush` on a
 * Mastodon push payload without a fetch (what a notification extension without network time does).
 * The 100 classifications go through one `createSpamFilter()` (memory on, as an app keeps it) over
 * the fixture statuses in turn. Five runs each (QuickJS: eleven runtimes); the median is reported.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { getQuickJS, type QuickJSContext, type QuickJSRuntime } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '../test/helpers/quickjs-eval.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const DIST = join(ROOT, 'dist/index.js')
const RUNS = 5
/** QuickJS runtimes per first verdict: cheap, and five gave medians ±2 ms apart from run to run. */
const QUICK_RUNS = 11
const TARGET_MB = 10
const TARGET_MS = 50
const MB = 1024 * 1024

if (!existsSync(DIST)) {
  console.error('dist/index.js is missing: run `npm run build` first (npm run bench:footprint does)')
  process.exit(1)
}

function fixtureStatuses(): unknown[] {
  const out: unknown[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.json') && name !== 'manifest.json') out.push(JSON.parse(readFileSync(path, 'utf8')))
    }
  }
  walk(join(ROOT, 'fixtures/statuses'))
  return out
}

const FIRST = 'spam/2024-02-arashi-link-01.json'
const all = fixtureStatuses()
// The first verdict is on a February 2024 spam status; the rest follow in file order.
const statuses = [JSON.parse(readFileSync(join(ROOT, 'fixtures/statuses', FIRST), 'utf8')) as unknown, ...all]
/** A Mastodon push payload of the February 2024 wave, as the serializer writes it. */
const payload = {
  access_token: 'token',
  preferred_locale: 'en',
  notification_id: '48213077',
  notification_type: 'mention',
  icon: 'https://home.example/avatars/original/missing.png',
  title: '9n1ggx00n7 mentioned you',
  body: 'https://荒らし.com/\n\n@user33 @user34 @user35\n@user36',
}
const inputs = { statuses, payload }

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] ?? Number.NaN
}

// ---- Node: fresh processes ----

const CHILD = `
const { readFileSync } = await import('node:fs')
const inputs = JSON.parse(readFileSync(process.env.MSF_INPUTS, 'utf8'))
const push = process.env.MSF_FIRST === 'push'
const settle = () => { globalThis.gc(); globalThis.gc() }
settle()
const before = process.memoryUsage()
const c0 = process.cpuUsage()
const t0 = performance.now()
const lib = await import(process.env.MSF_DIST)
const first = push ? await lib.classifyPush(inputs.payload) : lib.classifyStatus(inputs.statuses[0])
const t1 = performance.now()
const c1 = process.cpuUsage(c0)
settle()
const afterImport = process.memoryUsage()
const filter = lib.createSpamFilter()
let spam = 0
const c2 = process.cpuUsage()
for (let i = 0; i < 100; i++) if (filter.classify(inputs.statuses[i % inputs.statuses.length]).label === 'spam') spam++
const c3 = process.cpuUsage(c2)
settle()
const after = process.memoryUsage()
const heap = (m) => m.heapUsed + m.external
console.log(JSON.stringify({ coldMs: t1 - t0, cpuMs: (c1.user + c1.system) / 1000, laterMs: (c3.user + c3.system) / 1000 / 100, label: first.label, spam, importBytes: heap(afterImport) - heap(before), after100Bytes: heap(after) - heap(before), rssBytes: after.rss - before.rss }))
`

interface NodeRun {
  readonly laterMs: number
  readonly coldMs: number
  readonly cpuMs: number
  readonly label: string
  readonly importBytes: number
  readonly after100Bytes: number
  readonly rssBytes: number
}

function nodeRuns(first: 'status' | 'push', entry: string): NodeRun[] {
  const dir = mkdtempSync(join(tmpdir(), 'msf-footprint-'))
  const file = join(dir, 'inputs.json')
  writeFileSync(file, JSON.stringify(inputs))
  try {
    return Array.from({ length: RUNS }, () => {
      const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD], {
        encoding: 'utf8',
        env: { ...process.env, MSF_INPUTS: file, MSF_DIST: entry, MSF_FIRST: first, NODE_OPTIONS: '' },
      })
      return JSON.parse(out.trim().split('\n').pop() ?? '{}') as NodeRun
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---- QuickJS: fresh runtimes ----

async function coreBundle(format: 'iife' | 'esm'): Promise<string> {
  const result = await build({ entryPoints: [DIST], bundle: true, write: false, format, platform: 'neutral', mainFields: ['module', 'main'], ...(format === 'iife' ? { globalName: 'MastodonSpamFilter' } : {}), target: 'es2020', minify: true, logLevel: 'silent' })
  return result.outputFiles[0]?.text ?? ''
}

function mallocSize(runtime: QuickJSRuntime, vm: QuickJSContext): number {
  const handle = runtime.computeMemoryUsage()
  const usage = vm.dump(handle) as { malloc_size?: number; memory_used_size?: number }
  handle.dispose()
  return usage.malloc_size ?? usage.memory_used_size ?? Number.NaN
}

interface QuickRun {
  readonly laterMs: number
  readonly coldMs: number
  readonly cpuMs: number
  readonly label: unknown
  readonly importBytes: number
  readonly after100Bytes: number
}

async function quickRuns(bundle: string, first: 'status' | 'push'): Promise<QuickRun[]> {
  const QuickJS = await getQuickJS()
  const runs: QuickRun[] = []
  for (let r = 0; r < QUICK_RUNS; r++) {
    const runtime = QuickJS.newRuntime()
    const vm = runtime.newContext()
    try {
      evaluate(vm, `globalThis.inputs = ${JSON.stringify(inputs)}; undefined`)
      const before = mallocSize(runtime, vm)
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      evaluate(vm, `${bundle}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
      let label: unknown
      if (first === 'push') {
        evaluate(vm, `MastodonSpamFilter.classifyPush(inputs.payload).then((v) => { globalThis.firstLabel = v.label }); undefined`)
        runtime.executePendingJobs()
        label = evaluate(vm, 'globalThis.firstLabel')
      } else {
        label = evaluate(vm, 'MastodonSpamFilter.classifyStatus(inputs.statuses[0]).label')
      }
      const coldMs = performance.now() - t0
      const cpu = process.cpuUsage(c0)
      const cpuMs = (cpu.user + cpu.system) / 1000
      const importBytes = mallocSize(runtime, vm) - before
      const c2 = process.cpuUsage()
      evaluate(vm, `(() => { const f = MastodonSpamFilter.createSpamFilter(); for (let i = 0; i < 100; i++) f.classify(inputs.statuses[i % inputs.statuses.length]); globalThis.keep = f; return 0 })()`)
      const later = process.cpuUsage(c2)
      const laterMs = (later.user + later.system) / 1000 / 100
      runtime.executePendingJobs()
      const after100Bytes = mallocSize(runtime, vm) - before
      runs.push({ coldMs, cpuMs, laterMs, label, importBytes, after100Bytes })
    } finally {
      vm.dispose()
      runtime.dispose()
    }
  }
  return runs
}

// ---- report ----

const mb = (bytes: number): string => (bytes / MB).toFixed(2)
const ms = (value: number): string => value.toFixed(1)
const verdictOf = (label: unknown): string => (label === 'spam' ? 'spam' : `unexpected ${String(label)}`)

const bundle = await coreBundle('iife')
const bundleDir = mkdtempSync(join(tmpdir(), 'msf-bundle-'))
const esmBundle = join(bundleDir, 'core.mjs')
writeFileSync(esmBundle, await coreBundle('esm'))
const load = loadavg().map((l) => l.toFixed(1)).join(' ')
console.log(`# footprint (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, load average at start ${load}; ${statuses.length} fixture statuses cycled, ${RUNS} runs (QuickJS ${QUICK_RUNS}), median)`)
console.log(`core bundle for embedded engines (esbuild, neutral, minified): ${(bundle.length / 1024).toFixed(0)} KiB`)
console.log('')
console.log('| engine | first verdict | cold start to first verdict: CPU (wall) | each of the next 100: CPU | memory after import + first verdict | after 100 classifications (filter with memory) |')
console.log('|---|---|--:|--:|--:|--:|')
const rows: { engine: string; cpuMs: number; after100: number }[] = []
for (const [engine, entry] of [['Node, one bundle', esmBundle], ['Node, dist/ (npm package)', DIST]] as const) {
  for (const first of ['status', 'push'] as const) {
    const node = nodeRuns(first, entry)
    const row = { engine, cpuMs: median(node.map((r) => r.cpuMs)), after100: median(node.map((r) => r.after100Bytes)) }
    rows.push(row)
    const what = first === 'push' ? 'classifyPush(payload), no fetch' : 'classifyStatus(status)'
    console.log(`| ${engine} (V8 heap + external) | ${what}: ${verdictOf(node[0]?.label)} | ${ms(row.cpuMs)} ms (${ms(median(node.map((r) => r.coldMs)))} ms) | ${median(node.map((r) => r.laterMs)).toFixed(2)} ms | ${mb(median(node.map((r) => r.importBytes)))} MB | ${mb(row.after100)} MB (RSS +${mb(median(node.map((r) => r.rssBytes)))} MB) |`)
  }
}
rmSync(bundleDir, { recursive: true, force: true })
for (const first of ['status', 'push'] as const) {
  const quick = await quickRuns(bundle, first)
  const row = { engine: 'QuickJS', cpuMs: median(quick.map((r) => r.cpuMs)), after100: median(quick.map((r) => r.after100Bytes)) }
  rows.push(row)
  const what = first === 'push' ? 'classifyPush(payload), no fetch' : 'classifyStatus(status)'
  console.log(`| QuickJS (malloc) | ${what}: ${verdictOf(quick[0]?.label)} | ${ms(row.cpuMs)} ms (${ms(median(quick.map((r) => r.coldMs)))} ms) | ${median(quick.map((r) => r.laterMs)).toFixed(2)} ms | ${mb(median(quick.map((r) => r.importBytes)))} MB | ${mb(row.after100)} MB |`)
}
console.log('')
for (const engine of ['Node, one bundle', 'Node, dist/ (npm package)', 'QuickJS']) {
  const mine = rows.filter((r) => r.engine === engine)
  const worstMb = Math.max(...mine.map((r) => r.after100)) / MB
  const worstMs = Math.max(...mine.map((r) => r.cpuMs))
  console.log(`${worstMb <= TARGET_MB ? 'PASS' : 'MISSED'} ${engine} memory after 100 classifications ${worstMb.toFixed(2)} MB (target ≤ ${TARGET_MB} MB)`)
  console.log(`${worstMs <= TARGET_MS ? 'PASS' : 'MISSED'} ${engine} cold start to first verdict ${worstMs.toFixed(1)} ms CPU (target ≤ ${TARGET_MS} ms)`)
}
