/**
 * Generates src/data/compiled-lists.ts: the built-in lists as the rules compiler would compile them
 * at load (src/rules/resolve-rules.ts), so a cold start does not run the de-obfuscation layer over
 * every built-in phrase and host (about 2 ms in QuickJS, issue 16):
 * - each phrase of `SPAM_PHRASES` compiled by `compilePhrase` (its required and excluded pieces);
 * - each campaign domain's `hostSkeleton` (the blocked list also holds the skeleton);
 * - the `hostPatterns` of every invite host, campaign domain and skeleton of one.
 *
 * Usage: npx tsx scripts/generate-compiled-lists.ts [--check]
 *
 * Inputs: src/data/spam-phrases.ts, src/data/campaign-domains.ts, src/data/discord-invite-hosts.ts,
 * compiled by the library's own functions (which read src/data/skeleton-table.ts). Regenerate after
 * changing any of them or the layer; test/rules/compiled-lists.test.ts fails until then, and the
 * compiler falls back to compiling an entry whose pattern or host is not in the table.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compiledListsSource } from '../test/helpers/compiled-lists-source.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const target = join(root, 'src/data/compiled-lists.ts')
const out = compiledListsSource()
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== out) {
    console.error('src/data/compiled-lists.ts is not what the generator writes: npx tsx scripts/generate-compiled-lists.ts')
    process.exitCode = 1
  }
} else {
  writeFileSync(target, out)
  console.log(`wrote ${target}: ${out.length} characters`)
}
