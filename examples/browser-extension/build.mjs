// Builds the extension into a folder Chrome can load ("Load unpacked"):
//   npm run build && node examples/browser-extension/build.mjs [out-dir]
// The scripts are bundled with esbuild from the library's ESM build (dist/index.js, through the
// package's own "exports"), one file each, as Manifest V3 wants (no remote code).
import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const out = resolve(process.argv[2] ?? join(here, 'dist'))

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first')
  process.exit(1)
}
mkdirSync(out, { recursive: true })
await build({
  entryPoints: { content: join(here, 'src/content.ts'), options: join(here, 'src/options.ts'), background: join(here, 'src/background.ts') },
  outdir: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome102',
  // The library's ESM build, as an app would import it from npm.
  alias: { 'mastodon-spam-filter': join(root, 'dist/index.js') },
  logLevel: 'warning',
})
for (const file of ['manifest.json', 'options.html', 'content.css']) copyFileSync(join(here, file), join(out, file))
console.log(`built the extension in ${out}`)
