import { readFileSync } from 'node:fs'
import { getQuickJS } from 'quickjs-emscripten'
import { evaluateIn as evaluate } from '/work/w-cold/test/helpers/quickjs-eval.ts'
const src = readFileSync('/work/w-cold/src/data/skeleton-table.ts', 'utf8')
const T = eval(src.slice(src.indexOf('export const SKELETON_TABLE =') + 29).replace(/;\s*$/, '')) as string
const QuickJS = await getQuickJS()
for (let r = 0; r < 3; r++) {
  const runtime = QuickJS.newRuntime(); const vm = runtime.newContext()
  const fn = vm.newFunction('now', () => vm.newNumber(performance.now())); vm.setProp(vm.global, 'now', fn); fn.dispose()
  evaluate(vm, `globalThis.T = ${JSON.stringify(T)}; undefined`)
  console.log(evaluate(vm, `(() => { const out = []; let t = now(); const lap = (l) => { const n = now(); out.push(l + ' ' + (n - t).toFixed(2)); t = n }
    const recs = T.split(/(?<!\\\\);/u); lap('split-lookbehind')
    const recs2 = T.split(';'); lap('split-plain')
    let n = 0; for (const r of recs) { const a = r.indexOf(','); const b = r.indexOf(',', a + 1); n += Number.parseInt(r.slice(0, a), 36); const l = r.slice(a + 1, b); const w = r.slice(b + 1); w.includes('\\\\') } lap('parse records')
    const bmp = new Uint16Array(0x10000); lap('alloc')
    const m = new Map(); for (let i = 0; i < 3000; i++) m.set(0x1d400 + i, 5); lap('3000 map sets')
    for (let i = 0; i < 2435; i++) bmp.fill(3, i * 20, i * 20 + 3); lap('2435 fills')
    return out.join(', ') })()`))
  vm.dispose(); runtime.dispose()
}
