import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold/test/helpers/quickjs-eval.ts'
const QuickJS = await getQuickJS()
for (let r = 0; r < 7; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  const fn = vm.newFunction('now', () => { const u = process.cpuUsage(); return vm.newNumber((u.user + u.system) / 1000) }); vm.setProp(vm.global, 'now', fn); fn.dispose()
  evaluate(vm, readFileSync('/tmp/cold/sk.iife.js', 'utf8') + '\nundefined')
  console.log(evaluate(vm, `(() => { const t0 = now(); SK.skeletonOfCodePoint(0x3042); const t1 = now(); return (t1 - t0).toFixed(2) })()`))
  vm.dispose(); runtime.dispose()
}
