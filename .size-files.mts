import { build } from 'esbuild'
const ROOT = process.argv[2] ?? '/work/w-mem4'
const r = await build({ stdin: { contents: `import { classifyStatus, createSpamFilter } from ${JSON.stringify(ROOT + '/src/index.ts')}\nexport { classifyStatus, createSpamFilter }\n`, resolveDir: ROOT, sourcefile: 'app.ts', loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2020', minify: true, metafile: true, external: ['linkifyjs', 'tldts'], logLevel: 'silent' })
const out = Object.values(r.metafile!.outputs)[0]!
for (const [file, info] of Object.entries(out.inputs)) if (/history|memory-record|minhash|shingles|separators|status-texts|filter|chain|hash32/.test(file)) console.log(info.bytesInOutput, file.replace(/.*\/src\//, ''))
