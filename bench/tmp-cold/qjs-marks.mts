import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold/test/helpers/quickjs-eval.ts'
let src = readFileSync('/tmp/cold/plain.iife.js', 'utf8')
// insert marks at module boundaries (only at top-level statement starts: lines "  // path")
src = src.replace(/^  \/\/ ((?:src|node_modules)\/\S+)$/gm, (_m, p) => `  __mark(${JSON.stringify(p)});`)
const QuickJS = await getQuickJS()
const totals = new Map<string, number>()
for (let r = 0; r < 3; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  const marks: [string, number][] = []
  const fn = vm.newFunction('__mark', (h) => { marks.push([vm.getString(h), performance.now()]) })
  vm.setProp(vm.global, '__mark', fn); fn.dispose()
  const t0 = performance.now()
  evaluate(vm, src + '\n__mark("end"); MastodonSpamFilter.classifyStatus({content:"<p>hi https://a.example/x</p>", account:{acct:"a"}}); __mark("first verdict"); undefined')
  console.log('total', (performance.now() - t0).toFixed(1), 'parse until first mark', (marks[0]![1] - t0).toFixed(1))
  for (let i = 0; i + 1 < marks.length; i++) totals.set(marks[i]![0], (totals.get(marks[i]![0]) ?? 0) + (marks[i + 1]![1] - marks[i]![1]) / 3)
  vm.dispose(); runtime.dispose()
}
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(2).padStart(7), k)
