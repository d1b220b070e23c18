/**
 * A build step for tsup (tsup.config.ts): tldts's suffix trie (`tldts/dist/es6/src/data/trie.js`,
 * the Public Suffix List as four typed arrays written as array literals of 21,000 numbers, and a
 * label string) is bundled with each array literal read by `JSON.parse` from a string instead.
 * The arrays hold the same numbers (a test in test/package/ compares every export of the module
 * with tldts's own); the engine reads a JSON string much faster than it compiles an array literal:
 * in QuickJS (what a native app embeds) evaluating tldts went from about 24 to 17 ms, in Node the
 * import by about 1 ms. The gzipped size does not change.
 *
 * The build fails when the file no longer has the expected shape (a tldts update that changes it
 * must be looked at, not shipped unnoticed).
 */
import { readFile } from 'node:fs/promises'
import type { Plugin } from 'esbuild'

// No `u` flag: esbuild reads the filter as a Go regular expression.
const TRIE = /[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/
const ARRAY = /new (Uint8Array|Uint16Array|Uint32Array|Int32Array)\(\[([\d,\s]*)\]\)/gu

/**
 * The trie module's source with each typed-array literal read from JSON.
 *
 * @param source - the text of tldts's `trie.js`
 * @returns the rewritten text
 * @throws when fewer than four arrays are found
 */
export function trieAsJson(source: string): string {
  let count = 0
  const out = source.replace(ARRAY, (_all, type: string, body: string) => {
    count++
    return `new ${type}(JSON.parse("[${body.replace(/\s+/gu, '')}]"))`
  })
  if (count < 4) throw new Error(`tldts-trie-as-json: expected the four typed arrays of tldts's trie.js, found ${count}; has tldts changed its data format?`)
  return out
}

/** The esbuild plugin (tsup `esbuildPlugins`). */
export const tldtsTrieAsJson: Plugin = {
  name: 'tldts-trie-as-json',
  setup(build) {
    build.onLoad({ filter: TRIE }, async (args) => ({ contents: trieAsJson(await readFile(args.path, 'utf8')), loader: 'js' }))
  },
}
