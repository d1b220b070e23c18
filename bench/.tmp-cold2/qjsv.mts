import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const status = JSON.parse(readFileSync('/work/w-cold2/fixtures/statuses/spam/2024-02-arashi-link-01.json', 'utf8'))
const payload = { access_token: 'token', preferred_locale: 'en', notification_id: '48213077', notification_type: 'mention', icon: 'https://home.example/avatars/original/missing.png', title: '9n1ggx00n7 mentioned you', body: 'https://荒らし.com/\n\n@user33 @user34 @user35\n@user36' }
const files = process.argv.slice(2).map((f) => [f, readFileSync(f, 'utf8')] as const)
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const t = new Map<string, number[]>()
for (let r = 0; r < 9; r++) for (const [f, code] of files) for (const first of ['status', 'push']) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  evaluate(vm, `globalThis.inputs = ${JSON.stringify({ status, payload })}; undefined`)
  const c0 = cpu()
  evaluate(vm, `${code}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
  if (first === 'push') { evaluate(vm, 'MastodonSpamFilter.classifyPush(inputs.payload).then((v) => { globalThis.label = v.label }); undefined'); runtime.executePendingJobs() }
  else evaluate(vm, 'globalThis.label = MastodonSpamFilter.classifyStatus(inputs.status).label; undefined')
  const k = `${f} ${first}`; t.set(k, [...(t.get(k) ?? []), cpu() - c0])
  vm.dispose(); runtime.dispose()
}
for (const [k, v] of t) console.log(k, v.sort((a, b) => a - b)[4]!.toFixed(1))
