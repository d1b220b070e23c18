import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const ROOT = process.argv[2] ?? '/work/w-mem4'
const r = await build({ stdin: { contents: `import { classifyStatus, createSpamFilter } from ${JSON.stringify(ROOT + '/src/index.ts')}\nexport { classifyStatus, createSpamFilter }\n`, resolveDir: ROOT, sourcefile: 'app.ts', loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2020', minify: true, external: ['linkifyjs', 'tldts'], logLevel: 'silent' })
const code = r.outputFiles.map((f) => f.text).join('')
console.log('gz', gzipSync(code, { level: 9 }).length, 'min', code.length)
