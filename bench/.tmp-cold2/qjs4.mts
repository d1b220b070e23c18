import { build } from 'esbuild'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const code = (await build({ entryPoints: ['/work/w-cold2/bench/.tmp-cold2/entry.ts'], bundle: true, write: false, format: 'iife', globalName: 'E', platform: 'neutral', target: 'es2020', minify: true, logLevel: 'silent' })).outputFiles[0]!.text
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const t = new Map<string, number[]>()
for (let r = 0; r < 9; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  let c0 = cpu(); evaluate(vm, `${code}\nglobalThis.E = E; undefined`); t.set('load', [...(t.get('load') ?? []), cpu() - c0])
  for (const s of (process.argv[2] ?? 'warm,compile,matcher,hosts').split(',')) { c0 = cpu(); evaluate(vm, `E.steps.${s}(); undefined`); t.set(s, [...(t.get(s) ?? []), cpu() - c0]) }
  vm.dispose(); runtime.dispose()
}
for (const [k, v] of t) console.log(k, v.sort((a, b) => a - b)[4]!.toFixed(2))
