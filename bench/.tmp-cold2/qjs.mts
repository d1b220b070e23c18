import { readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const entry = process.argv[2] ?? '/work/w-cold2/dist/index.js'
const status = JSON.parse(readFileSync('/work/w-cold2/fixtures/statuses/spam/2024-02-arashi-link-01.json', 'utf8'))
const payload = { access_token: 'token', preferred_locale: 'en', notification_id: '48213077', notification_type: 'mention', icon: 'https://home.example/avatars/original/missing.png', title: '9n1ggx00n7 mentioned you', body: 'https://荒らし.com/\n\n@user33 @user34 @user35\n@user36' }
const code = (await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'MastodonSpamFilter', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: true, logLevel: 'silent' })).outputFiles[0]!.text
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const rows: number[][] = []
for (let r = 0; r < 7; r++) for (const first of ['status', 'push']) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  evaluate(vm, `globalThis.inputs = ${JSON.stringify({ status, payload })}; undefined`)
  const c0 = cpu()
  evaluate(vm, `${code}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
  const c1 = cpu()
  if (first === 'push') { evaluate(vm, 'MastodonSpamFilter.classifyPush(inputs.payload).then((v) => { globalThis.label = v.label }); undefined'); runtime.executePendingJobs() }
  else evaluate(vm, 'globalThis.label = MastodonSpamFilter.classifyStatus(inputs.status).label; undefined')
  const c2 = cpu()
  rows.push([first === 'push' ? 1 : 0, c1 - c0, c2 - c1])
  vm.dispose(); runtime.dispose()
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(1)
for (const k of [0, 1]) console.log(k ? 'push' : 'status', 'eval', med(rows.filter(r => r[0] === k).map(r => r[1]!)), 'verdict', med(rows.filter(r => r[0] === k).map(r => r[2]!)), 'bytes', code.length)
