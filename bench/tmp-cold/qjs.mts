import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold/test/helpers/quickjs-eval.ts'
const files = process.argv.slice(2)
const QuickJS = await getQuickJS()
const inputs = JSON.parse(readFileSync('/tmp/cold/inputs.json', 'utf8'))
const res: Record<string, number[]> = {}
for (let r = 0; r < 5; r++) for (const f of files) for (const first of ['status', 'push']) {
  const bundle = readFileSync(f, 'utf8')
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  evaluate(vm, `globalThis.inputs = ${JSON.stringify(inputs)}; undefined`)
  const c0 = process.cpuUsage()
  evaluate(vm, `${bundle}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
  const c1 = process.cpuUsage(c0)
  let label
  if (first === 'push') { evaluate(vm, `MastodonSpamFilter.classifyPush(inputs.payload).then((v) => { globalThis.firstLabel = v.label }); undefined`); runtime.executePendingJobs(); label = evaluate(vm, 'globalThis.firstLabel') }
  else label = evaluate(vm, 'MastodonSpamFilter.classifyStatus(inputs.statuses[0]).label')
  const c2 = process.cpuUsage(c0)
  ;(res[`${f} ${first} eval`] ??= []).push((c1.user + c1.system) / 1000)
  ;(res[`${f} ${first} total ${label}`] ??= []).push((c2.user + c2.system) / 1000)
  vm.dispose(); runtime.dispose()
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(60), med(v).toFixed(1))
