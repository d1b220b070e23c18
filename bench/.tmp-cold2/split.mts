import { writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { suffixLookupPlugin } from '/work/w-cold2/scripts/suffix-lookup-plugin.js'
await build({ entryPoints: { index: '/work/w-cold2/src/index.ts', internals: '/work/w-cold2/src/internals.ts' }, plugins: [suffixLookupPlugin], bundle: true, splitting: true, outdir: '/tmp/cold2-split2', format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', logLevel: 'silent' })
writeFileSync('/tmp/cold2-split2/package.json', '{"type":"module"}')
