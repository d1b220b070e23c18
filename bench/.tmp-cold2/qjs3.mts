import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const files = process.argv.slice(2).map((f) => [f, readFileSync(f, 'utf8')] as const)
const t = new Map<string, number[]>()
for (let r = 0; r < 11; r++) for (const [file, code] of files) { const runtime = QuickJS.newRuntime(); const vm = runtime.newContext(); const c0 = cpu(); evaluate(vm, `(function(){${code}\n}); undefined`); t.set(file, [...(t.get(file) ?? []), cpu() - c0]); vm.dispose(); runtime.dispose() }
for (const [file, code] of files) console.log(file, code.length, t.get(file)!.sort((a, b) => a - b)[5]!.toFixed(2))
