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

// The core and its internals: one build, sharing chunks. The core entry loads as dist/index.js
// and one chunk (Node resolves, reads and compiles each module of an import on its own: six
// modules cost about 2 ms of a cold start more than two).
const CORE: Options = {
  entry: { index: 'src/index.ts', internals: 'src/internals.ts' },
  format: ['esm', 'cjs'],
  // The public suffix list (tldts) and linkify are bundled in their ES module builds: Node loads a
  // CommonJS package imported from an ES module through a lexer pass over all of it (tldts: 199 KB,
  // about 30 ms of a cold start), and an app bundling the library ships the same bytes either way.
  noExternal: ['tldts', 'tldts-core', 'linkifyjs'],
  // tldts's suffix lookup is bundled as ours (scripts/suffix-lookup-plugin.ts): the same answers
  // from a generated table read lazily, without tldts's pass over every rule when it loads.
  esbuildPlugins: [suffixLookupPlugin],
  dts: true,
  // No source maps in the package: they pointed at src/, which is not shipped, and were 1.26 MB of
  // the 2.1 MB tarball. The output is readable, unminified ES2020 with the TSDoc comments.
  sourcemap: false,
  // The other builds write dist/cli.js, dist/browser/, and the optional subpaths at the same time:
  // cleaning (before anything is written) must leave them alone.
  clean: ['!cli.js', '!browser/**', '!ocr.*', '!redis.*'],
  // Shared chunks for CommonJS too: the internals entry reuses the core's code instead of repeating
  // it (and the error classes stay one class per build).
  splitting: true,
  treeshake: true,
  target: 'es2020',
  platform: 'neutral',
}

// The optional subpaths (OCR, Redis): their own build, so that the core entry does not load the
// small chunks it would share with them. What they share with the core (the error classes, the
// memory store's records, invite reading) is repeated here; the errors are branded with
// `Symbol.for`, so `instanceof` works across the copies as across the ESM and CommonJS builds
// (test/package/errors-across-builds.test.ts).
const SUBPATHS: Options = {
  ...CORE,
  entry: { ocr: 'src/ocr/index.ts', redis: 'src/redis/index.ts' },
  // The OCR engine and the Redis client: optional peers, never bundled, never reached from the core
  // entry. jsQR is bundled into the OCR entry: users who do not read images install nothing for it.
  external: ['tesseract.js', 'redis'],
  noExternal: ['tldts', 'tldts-core', 'linkifyjs', 'jsqr'],
  clean: false,
}

export default defineConfig([CORE, SUBPATHS, CLI, GLOBAL])
