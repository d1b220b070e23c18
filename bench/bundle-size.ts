/**
 * Size of the core bundle as an app ships it: dist/index.js (npm run build first) bundled for the
 * browser, minified, then gzipped; with esbuild and with Vite; and the share of each dependency
 * (esbuild's metafile, minified bytes before gzip).
 *
 * Usage: npx tsx bench/bundle-size.ts [--alias tldts=<package dir>] [--no-vite]
 * (`--alias` measures another build of a dependency in its place, e.g. tldts-icann.)
 */
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'
import { suffixLookupPlugin } from '../scripts/suffix-lookup-plugin.js'

const args = process.argv.slice(2)
const aliasAt = args.indexOf('--alias')
const alias: Record<string, string> = {}
if (aliasAt >= 0) {
  const [name = '', target = ''] = (args[aliasAt + 1] ?? '').split('=')
  alias[name] = target
}
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url))

// dist/ holds tldts and linkifyjs bundled in (tsup.config.ts, noExternal): the shipped total is
// measured from dist/, and the shares (and any --alias) from the same code bundled from src/,
// where each dependency is still a module of its own.
const source = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const options: BuildOptions & { write: false; metafile: true } = { bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, nodePaths: [nodeModules], logLevel: 'silent', mainFields: ['module', 'main'] }
const shipped = (await build({ ...options, entryPoints: [entry] })).outputFiles[0]!.contents
console.log(`esbuild (browser, min), dist/: ${(shipped.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(shipped, { level: 9 }).length / 1024).toFixed(1)} KB`)
// With the build's suffix lookup in place of tldts's (tsup.config.ts), as dist/ has it.
const result = await build({ ...options, entryPoints: [source], alias, plugins: [suffixLookupPlugin] })
const code = result.outputFiles[0]!.contents
console.log(`esbuild (browser, min), from src/: ${(code.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB${aliasAt >= 0 ? ` (with ${args[aliasAt + 1]})` : ''}`)
const shares = new Map<string, number>()
for (const output of Object.values(result.metafile.outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(input)?.[1] ?? (input.includes('skeleton-table') || input.includes('src/text/') ? 'src/text (the layer and its table)' : input.includes('public-suffix') ? 'src: the Public Suffix List and its lookup' : input.includes('src/data/') ? 'src/data (lists)' : 'src (the rest of the core)')
    shares.set(key, (shares.get(key) ?? 0) + bytesInOutput)
  }
}
for (const [name, bytes] of [...shares].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(40)} ${(bytes / 1024).toFixed(1).padStart(6)} KB min`)
// Where our own code's size goes: its largest modules (minified bytes in the output, before gzip;
// the Public Suffix List and its lookup apart, as above).
const own = Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs)).filter(([input]) => !input.includes('node_modules/') && !input.includes('public-suffix'))
console.log(`our own code, largest modules of ${own.length}:`)
for (const [input, { bytesInOutput }] of own.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 15)) console.log(`  ${input.replace(/^.*?src\//u, 'src/').padEnd(40)} ${(bytesInOutput / 1024).toFixed(1).padStart(6)} KB min`)

if (!args.includes('--no-vite')) {
  const vite = await import('vite')
  const out = (await vite.build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias },
    // An app build with the core as its entry (Vite minifies app chunks fully; its library mode
    // keeps the whitespace of ES output). Exports kept, so nothing is shaken away.
    build: { write: false, minify: 'esbuild', rollupOptions: { input: entry, preserveEntrySignatures: 'strict' } },
  })) as { output: { type: string; code?: string }[] }[] | { output: { type: string; code?: string }[] }
  const outputs = Array.isArray(out) ? out : [out]
  let size = 0
  let gz = 0
  for (const o of outputs) for (const chunk of o.output) if (chunk.type === 'chunk' && chunk.code !== undefined) {
    size += Buffer.byteLength(chunk.code)
    gz += gzipSync(chunk.code, { level: 9 }).length
  }
  console.log(`Vite (app build, min): ${(size / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`)
}
