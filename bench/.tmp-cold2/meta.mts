import { build } from 'esbuild'
import { suffixLookupPlugin } from '/work/w-cold2/scripts/suffix-lookup-plugin.js'
const r = await build({ entryPoints: ['/work/w-cold2/src/index.ts'], plugins: [suffixLookupPlugin], bundle: true, write: false, format: 'iife', globalName: 'M', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: true, logLevel: 'silent', metafile: true })
const out = Object.values(r.metafile!.outputs)[0]!
console.log('total', out.bytes)
for (const [k, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40)) console.log(v.bytesInOutput, k)
