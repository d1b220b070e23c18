/**
 * Cold start to the first verdict of this build against another build of the package, interleaved
 * (fresh processes alternately, so both see the same load): CPU time of the process from the
 * import to the first verdict, for `dist/index.js` and for one esbuild bundle of it, a status
 * (`classifyStatus`) and a push payload (`classifyPush` without a fetch); then QuickJS, fresh
 * runtimes alternately, evaluating the bundle and reaching the first verdict. Median of the runs.
 * The inputs are those of bench/footprint.ts.
 *
 * Usage: npm run build && npx tsx bench/compare-cold-start.ts <other package root with dist/> [runs]
 * (e.g. a worktree of the previous commit: git worktree add /tmp/base <commit>, npm ci && npm run build there)
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '../test/helpers/quickjs-eval.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const other = process.argv[2]
if (other === undefined) throw new Error('usage: npx tsx bench/compare-cold-start.ts <other package root with dist/> [runs]')
const RUNS = Number(process.argv[3] ?? 9)
const builds = [
  ['this build', join(ROOT, 'dist/index.js')],
  ['other build', join(other, 'dist/index.js')],
] as const

const status = JSON.parse(readFileSync(join(ROOT, 'fixtures/statuses/spam/2024-02-arashi-link-01.json'), 'utf8')) as unknown
const payload = { access_token: 'token', preferred_locale: 'en', notification_id: '48213077', notification_type: 'mention', icon: 'https://home.example/avatars/original/missing.png', title: '9n1ggx00n7 mentioned you', body: 'https://荒らし.com/\n\n@user33 @user34 @user35\n@user36' }
const dir = mkdtempSync(join(tmpdir(), 'msf-cold-'))
const inputsFile = join(dir, 'inputs.json')
writeFileSync(inputsFile, JSON.stringify({ status, payload }))

const CHILD = `
const { readFileSync } = await import('node:fs')
const inputs = JSON.parse(readFileSync(process.env.MSF_INPUTS, 'utf8'))
const c0 = process.cpuUsage()
const lib = await import(process.env.MSF_ENTRY)
const first = process.env.MSF_FIRST === 'push' ? await lib.classifyPush(inputs.payload) : lib.classifyStatus(inputs.status)
const c1 = process.cpuUsage(c0)
console.log(JSON.stringify({ cpuMs: (c1.user + c1.system) / 1000, label: first.label }))
`

async function bundle(entry: string, format: 'esm' | 'iife'): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format, platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: true, logLevel: 'silent', ...(format === 'iife' ? { globalName: 'MastodonSpamFilter' } : {}) })
  return result.outputFiles[0]?.text ?? ''
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN
const times = new Map<string, number[]>()
const record = (key: string, ms: number): void => void times.set(key, [...(times.get(key) ?? []), ms])

try {
  const entries: [string, string][] = []
  const iifes: [string, string][] = []
  for (const [name, entry] of builds) {
    const file = join(dir, `${name.replace(' ', '-')}.mjs`)
    writeFileSync(file, await bundle(entry, 'esm'))
    entries.push([`${name}, one bundle`, file], [`${name}, dist/`, entry])
    iifes.push([`${name}, QuickJS`, await bundle(entry, 'iife')])
  }
  for (let run = 0; run < RUNS; run++) {
    for (const [name, entry] of entries) {
      for (const first of ['status', 'push'] as const) {
        const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD], { encoding: 'utf8', env: { ...process.env, MSF_INPUTS: inputsFile, MSF_ENTRY: entry, MSF_FIRST: first, NODE_OPTIONS: '' } })
        const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { cpuMs: number; label: string }
        record(`${name} ${first}`, result.cpuMs)
      }
    }
  }
  const QuickJS = await getQuickJS()
  for (let run = 0; run < RUNS; run++) {
    for (const [name, code] of iifes) {
      for (const first of ['status', 'push'] as const) {
        const runtime = QuickJS.newRuntime()
        const vm = runtime.newContext()
        try {
          evaluate(vm, `globalThis.inputs = ${JSON.stringify({ status, payload })}; undefined`)
          const c0 = process.cpuUsage()
          evaluate(vm, `${code}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
          if (first === 'push') {
            evaluate(vm, 'MastodonSpamFilter.classifyPush(inputs.payload).then((v) => { globalThis.label = v.label }); undefined')
            runtime.executePendingJobs()
          } else {
            evaluate(vm, 'globalThis.label = MastodonSpamFilter.classifyStatus(inputs.status).label; undefined')
          }
          const c1 = process.cpuUsage(c0)
          record(`${name} ${first}`, (c1.user + c1.system) / 1000)
        } finally {
          vm.dispose()
          runtime.dispose()
        }
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

console.log(`# cold start to the first verdict, CPU ms, median of ${RUNS} fresh processes (QuickJS: ${RUNS} runtimes); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
console.log('| engine | this build: status / push | other build: status / push |')
console.log('|---|--:|--:|')
for (const engine of ['one bundle', 'dist/', 'QuickJS']) {
  const cell = (name: string): string => `${median(times.get(`${name}, ${engine} status`) ?? []).toFixed(1)} / ${median(times.get(`${name}, ${engine} push`) ?? []).toFixed(1)}`
  console.log(`| ${engine} | ${cell('this build')} | ${cell('other build')} |`)
}
