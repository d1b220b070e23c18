/**
 * Test harness for the real-browser tests: bundles the built library for browsers with esbuild
 * (no Node polyfills: any Node built-in fails the build), serves files from 127.0.0.1 with Node's
 * http module, and launches Debian's chromium through playwright-core with a fresh profile.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { chromium, type BrowserContext } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** An esbuild plugin that fails the build when anything imports a Node built-in. */
export const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    // esbuild needs a Go-compatible pattern: no `u` flag.
    b.onResolve({ filter: new RegExp(".*") }, (args) => {
      const bare = args.path.split('/')[0] ?? ''
      if (args.path.startsWith('node:') || NODE_BUILTINS.has(args.path) || NODE_BUILTINS.has(bare)) {
        return { errors: [{ text: `${args.importer} imports the Node built-in "${args.path}"` }] }
      }
      return undefined
    })
  },
}

/**
 * Bundles `dist/index.js` (the ESM build) into one file.
 *
 * @param platform - `browser` for pages and workers, `neutral` for embedded engines
 * @param format - `esm`, or `iife` with the exports on `globalThis.MastodonSpamFilter`
 * @returns the bundle's source
 */
export async function bundleCore(platform: 'browser' | 'neutral', format: 'esm' | 'iife'): Promise<string> {
  const entry = join(ROOT, 'dist/index.js')
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` first')
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    platform,
    target: 'es2020',
    ...(format === 'iife' ? { globalName: 'MastodonSpamFilter' } : {}),
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
    plugins: [noNodeBuiltins],
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

/** Every fixture status (fixtures/statuses/**\/*.json but the manifest), as [relative path, JSON]. */
export function fixtureStatuses(): [string, unknown][] {
  const dir = join(ROOT, 'fixtures/statuses')
  if (!existsSync(dir)) return []
  const out: [string, unknown][] = []
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === '' ? name : `${sub}/${name}`
      if (statSync(join(dir, rel)).isDirectory()) walk(rel)
      else if (name.endsWith('.json') && name !== 'manifest.json') out.push([rel, JSON.parse(readFileSync(join(dir, rel), 'utf8'))])
    }
  }
  walk('')
  return out
}

/** A local static server: path → [content type, body]. */
export async function serve(files: Record<string, [string, string | Buffer]>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const file = files[path === '/' ? '/index.html' : path]
    if (file === undefined) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Debian's chromium, from `command -v chromium`. */
export function chromiumPath(): string {
  const path = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim()
  if (path === '') throw new Error('chromium is not installed (apt-get install chromium)')
  return path
}

/** Launches headless chromium with a fresh profile; `close` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'msf-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
