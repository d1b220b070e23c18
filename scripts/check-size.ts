/**
 * The size budget of the core in an app's browser bundle, checked in CI (`npm run size`, part of
 * `npm test`): an app that imports `classifyStatus` and `createSpamFilter` from the built package,
 * bundled and minified by esbuild and by Vite (Rollup/Rolldown, what most apps use), gzipped.
 * Prints the sizes; exits 1 when one is over its budget. Budgets are bytes, gzipped, with about
 * 10% headroom over the sizes measured when they were set: raise one only with a CHANGELOG entry.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build as esbuild } from 'esbuild'

const ROOT = path.resolve(import.meta.dirname, '..')
const APP = `import { classifyStatus, createSpamFilter } from ${JSON.stringify(path.join(ROOT, 'dist/index.js'))}\nexport { classifyStatus, createSpamFilter }\n`

/** Budgets (gzipped bytes). */
const BUDGET = {
  /** The package's own code, from src/ with linkifyjs and tldts external (so without the suffix table the build puts in tldts's place): 63.2 kB when set, after the skeleton table's records became gaps. */
  // +2 kB for near phrase matches (issue 10, fourth pass: 69.76 → 71.52 kB measured on main 38f82bb).
  // +0.5 kB for the memory's speed (issue 14, fourth pass: 71.52 → 72.25 kB measured on main 201c529 merged; see the CHANGELOG).
  // +0.5 kB after merging the three fourth passes together (classify speed, memory speed, near phrases: 72.7 kB on main 28b4a99).
  ownEsbuild: 73_000,
  /** Everything an app ships from dist/ (tsup bundles tldts, with our suffix table in place of its trie, and linkifyjs in; the Public Suffix List is about 45 kB); 120.3 kB when set. */
  esbuild: 133_000,
  /**
   * Vite 8 with its defaults: 119.3 kB when set. (Before tsup bundled tldts, Rolldown inlined
   * tldts's 100 kB label string at each of its three uses: 188 kB.)
   */
  vite: 132_000,
  /** Vite 8 with `build.rolldownOptions.optimization.inlineConst: false`: 119.4 kB when set. */
  viteNoInline: 132_000,
} as const

const gz = (code: string): number => gzipSync(code, { level: 9 }).length

/** The same app on the package's source: tsup bundles tldts and linkifyjs into dist/, so our own code is measured from src/ with them external. */
const APP_SOURCE = `import { classifyStatus, createSpamFilter } from ${JSON.stringify(path.join(ROOT, 'src/index.ts'))}\nexport { classifyStatus, createSpamFilter }\n`

async function withEsbuild(external: readonly string[]): Promise<number> {
  const source = external.length > 0
  const result = await esbuild({
    stdin: { contents: source ? APP_SOURCE : APP, resolveDir: ROOT, sourcefile: source ? 'app.ts' : 'app.js', loader: source ? 'ts' : 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    external: [...external],
    logLevel: 'silent',
  })
  return gz(result.outputFiles.map((f) => f.text).join(''))
}

async function withVite(inlineConst: boolean): Promise<number> {
  const { build } = await import('vite')
  const dir = mkdtempSync(path.join(tmpdir(), 'msf-size-'))
  try {
    const entry = path.join(dir, 'app.js')
    writeFileSync(entry, APP)
    const output = await build({
      root: dir,
      logLevel: 'silent',
      configFile: false,
      // An app build, not library mode: Vite's library mode leaves ES output's white space unminified
      // (which is how a 156 kB figure was once measured).
      build: { write: false, minify: true, target: 'es2020', rolldownOptions: { input: entry, preserveEntrySignatures: 'exports-only', ...(inlineConst ? {} : { optimization: { inlineConst: false } }) } },
    })
    const outputs = (Array.isArray(output) ? output : [output]) as { output: { type: string; code?: string }[] }[]
    return gz(outputs.flatMap((o) => o.output).map((chunk) => (chunk.type === 'chunk' ? (chunk.code ?? '') : '')).join(''))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const sizes = {
  ownEsbuild: await withEsbuild(['linkifyjs', 'tldts']),
  esbuild: await withEsbuild([]),
  vite: await withVite(true),
  viteNoInline: await withVite(false),
}
let over = false
for (const [key, size] of Object.entries(sizes) as [keyof typeof BUDGET, number][]) {
  const budget = BUDGET[key]
  const ok = size <= budget
  if (!ok) over = true
  console.log(`${ok ? 'ok  ' : 'OVER'} ${key.padEnd(12)} ${(size / 1000).toFixed(1).padStart(6)} kB gz (budget ${(budget / 1000).toFixed(0)} kB)`)
}
if (over) {
  console.error('check-size: the core bundle is over its budget (scripts/check-size.ts)')
  process.exit(1)
}
