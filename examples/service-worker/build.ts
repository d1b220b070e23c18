/**
 * Bundles the service worker with the library into one script, as an app's build would:
 * `npm run build && tsx examples/service-worker/build.ts <out-dir>` writes `<out-dir>/sw.js` and
 * `<out-dir>/index.html`. The library comes from `dist/` (the published ESM build).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const ROOT = join(HERE, '../..')

/**
 * Bundles `sw.ts` for browsers (a Node built-in anywhere in the graph fails the build).
 *
 * @returns the service worker's source
 */
export async function buildServiceWorker(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, 'sw.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    alias: { 'mastodon-spam-filter': join(ROOT, 'dist/index.js') },
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

/** The page that registers the worker and stores the settings. */
export function servicePage(): string {
  return readFileSync(join(HERE, 'index.html'), 'utf8')
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(ROOT, 'examples/service-worker/out')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'sw.js'), await buildServiceWorker())
  writeFileSync(join(out, 'index.html'), servicePage())
  console.log(`wrote ${join(out, 'sw.js')} and index.html`)
}
