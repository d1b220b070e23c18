import { build } from 'esbuild'
const r = await build({ stdin: { contents: 'export { classifyPush, classifyStatus } from "/work/w-cold/src/index.ts"', resolveDir: '/work/w-cold', loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], minify: true, metafile: true, logLevel: 'silent' })
const rows = Object.entries(Object.values(r.metafile.outputs)[0]!.inputs).map(([k, v]) => [k.replace(/.*node_modules\//, 'nm/'), v.bytesInOutput] as const).sort((a, b) => b[1] - a[1])
let total = 0; for (const [, b] of rows) total += b
console.log('total', total)
for (const [k, b] of rows.slice(0, 45)) console.log(String(b).padStart(7), k)
