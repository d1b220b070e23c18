/**
 * A build step for tsup (tsup.config.ts): tldts's suffix lookup (`tldts/dist/es6/src/suffix-trie.js`,
 * which derives hashes for every rule of its trie when it loads) is bundled as our lookup,
 * src/links/public-suffix-lookup.ts, which reads the generated table src/data/public-suffix-table.ts
 * lazily (scripts/generate-suffix-table.ts writes it from tldts's own trie). Same contract, same
 * answers: test/links/public-suffix-lookup.test.ts compares them with tldts over every rule and
 * random hosts, and test/package/ compares the built package with the source. tldts's trie then
 * leaves the bundle; everything else of tldts (reading and validating the hostname, the
 * registrable domain) stays tldts's.
 *
 * The build fails when tldts no longer imports its lookup from that module (a tldts update that
 * changes it must be looked at, not shipped unnoticed).
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'esbuild'

const LOOKUP = fileURLToPath(new URL('../src/links/public-suffix-lookup.ts', import.meta.url))
// No `u` flag: esbuild reads the filters as Go regular expressions.
const TLDTS_INDEX = /[\\/]tldts[\\/]dist[\\/]es6[\\/]index\.js$/
const TLDTS_LOOKUP = /[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]suffix-trie\.js$/
const IMPORT = "import suffixLookup from './src/suffix-trie';"

/** The esbuild plugin (tsup `esbuildPlugins`). */
export const suffixLookupPlugin: Plugin = {
  name: 'suffix-lookup',
  setup(build) {
    build.onLoad({ filter: TLDTS_INDEX }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      if (!source.includes(IMPORT)) throw new Error(`suffix-lookup: ${args.path} no longer has \`${IMPORT}\`; has tldts changed? (scripts/suffix-lookup-plugin.ts)`)
      return { contents: source, loader: 'js' }
    })
    build.onLoad({ filter: TLDTS_LOOKUP }, () => ({ contents: `export { suffixLookup as default } from ${JSON.stringify(LOOKUP)}\n`, loader: 'js' }))
  },
}
