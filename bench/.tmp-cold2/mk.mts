import { writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { suffixLookupPlugin } from '/work/w-cold2/scripts/suffix-lookup-plugin.js'
const r = await build({ entryPoints: ['/work/w-cold2/src/index.ts'], plugins: [suffixLookupPlugin], bundle: true, write: false, format: 'iife', globalName: 'MastodonSpamFilter', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minify: true, logLevel: 'silent' })
writeFileSync(process.argv[2]!, r.outputFiles[0]!.text)
