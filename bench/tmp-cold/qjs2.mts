import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold/test/helpers/quickjs-eval.ts'
const QuickJS = await getQuickJS()
for (const f of process.argv.slice(2)) { const t: number[] = []; for (let r = 0; r < 5; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext(); const src = readFileSync(f, 'utf8')
  const c0 = process.cpuUsage(); try { evaluate(vm, src + '\nundefined') } catch (e) { console.log(String(e).slice(0, 200)) } const c1 = process.cpuUsage(c0); t.push((c1.user + c1.system) / 1000); vm.dispose(); runtime.dispose() }
  console.log(f, t.sort((a, b) => a - b)[2]!.toFixed(1)) }
