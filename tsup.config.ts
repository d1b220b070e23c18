import { defineConfig, type Options } from 'tsup'
import { suffixLookupPlugin } from './scripts/suffix-lookup-plugin.js'

// The command line (package.json "bin"): Node only, its own bundle, never imported by the core.
const CLI: Options = {
  entry: { cli: 'src/cli/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  dts: false,
  sourcemap: false,
  clean: false,
  noExternal: ['tldts', 'tldts-core', 'linkifyjs'],
  esbuildPlugins: [suffixLookupPlugin],
}

// The core for script tags (dist/browser/mastodon-spam-filter.global.js): one minified file that
// sets `globalThis.MastodonSpamFilter`, for pages and extensions without a bundler.
const GLOBAL: Options = {
  entry: { 'mastodon-spam-filter': 'src/index.ts' },
  format: ['iife'],
  globalName: 'MastodonSpamFilter',
  outDir: 'dist/browser',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  dts: false,
  // No source map in the package (it would point at src/, which is not shipped).
  sourcemap: false,
  clean: false,
  esbuildPlugins: [suffixLookupPlugin],
}

export default defineConfig([{
  entry: { index: 'src/index.ts', internals: 'src/internals.ts', ocr: 'src/ocr/index.ts', redis: 'src/redis/index.ts' },
  format: ['esm', 'cjs'],
  // The OCR engine and the Redis client: optional peers, never bundled, never reached from the core
  // entry.
  external: ['tesseract.js', 'redis'],
  // The public suffix list (tldts) and linkify are bundled in their ES module builds: Node loads a
  // CommonJS package imported from an ES module through a lexer pass over all of it (tldts: 199 KB,
  // about 30 ms of a cold start), and an app bundling the library ships the same bytes either way.
  // jsQR is bundled too, into the OCR entry's chunk only (the core entry never reaches it): users
  // who do not read images install nothing for it.
  noExternal: ['tldts', 'tldts-core', 'linkifyjs', 'jsqr'],
  // tldts's suffix lookup is bundled as ours (scripts/suffix-lookup-plugin.ts): the same answers
  // from a generated table read lazily, without tldts's pass over every rule when it loads.
  esbuildPlugins: [suffixLookupPlugin],
  dts: true,
  // No source maps in the package: they pointed at src/, which is not shipped, and were 1.26 MB of
  // the 2.1 MB tarball. The output is readable, unminified ES2020 with the TSDoc comments.
  sourcemap: false,
  // The CLI and script-tag builds write dist/cli.js and dist/browser/ at the same time: cleaning
  // must leave them alone.
  clean: ['!cli.js', '!browser/**'],
  // Shared chunks for CommonJS too: the internals and OCR entries reuse the core's code instead of
  // repeating it (and the error classes stay one class per build).
  splitting: true,
  treeshake: true,
  target: 'es2020',
  platform: 'neutral',
}, CLI, GLOBAL])
