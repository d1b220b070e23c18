import { build } from 'esbuild'
import { suffixLookupPlugin } from '/work/w-cold2/scripts/suffix-lookup-plugin.js'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const entry = process.argv[2] ?? '/work/w-cold2/dist/index.js'
let code = (await build({ entryPoints: [process.argv[2] ?? '/work/w-cold2/src/index.ts'], plugins: [suffixLookupPlugin], bundle: true, write: false, format: 'iife', globalName: 'MastodonSpamFilter', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: false, logLevel: 'silent' })).outputFiles[0]!.text
code = code.replace(/^  \/\/ ((?:src|node_modules)\/\S+)$/gmu, (_, name) => `  __mark(${JSON.stringify(name)});`)
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const sums = new Map<string, number[]>()
for (let r = 0; r < 5; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  let last = ''; let t = 0
  const fn = vm.newFunction('__mark', (h) => { const now = cpu(); if (last) sums.set(last, [...(sums.get(last) ?? []), now - t]); last = vm.getString(h); t = cpu(); return vm.undefined })
  vm.setProp(vm.global, '__mark', fn); fn.dispose()
  evaluate(vm, `${code}\n__mark('end'); undefined`)
  vm.dispose(); runtime.dispose()
}
const rows = [...sums].map(([k, v]) => [k, v.sort((a, b) => a - b)[2]!] as const).sort((a, b) => b[1] - a[1])
for (const [k, v] of rows.slice(0, 15)) console.log(v.toFixed(2), k)
console.log('sum', rows.reduce((a, [, v]) => a + v, 0).toFixed(1))
