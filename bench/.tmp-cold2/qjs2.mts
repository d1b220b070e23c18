import { build } from 'esbuild'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold2/test/helpers/quickjs-eval.js'
const entry = process.argv[2] ?? '/work/w-cold2/dist/index.js'
const code = (await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'MastodonSpamFilter', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: true, logLevel: 'silent' })).outputFiles[0]!.text
const QuickJS = await getQuickJS()
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const parse: number[] = [], full: number[] = []
for (let r = 0; r < 7; r++) {
  for (const kind of ['parse', 'full']) {
    const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
    const c0 = cpu()
    evaluate(vm, kind === 'parse' ? `(function(){${code}\n}); undefined` : `${code}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
    ;(kind === 'parse' ? parse : full).push(cpu() - c0)
    vm.dispose(); runtime.dispose()
  }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(1)
console.log('parse only', med(parse), 'parse+run top level', med(full))
