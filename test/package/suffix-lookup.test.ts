/**
 * The built package reads public suffixes with the generated table (scripts/suffix-lookup-plugin.ts
 * puts it in place of tldts's lookup); the source reads them with tldts. Both must give the same
 * registrable domains. Needs the built package (npm run build).
 */
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type * as Internals from '../../src/internals.js'
import { registrableDomain } from '../../src/links/host.js'

const require = createRequire(import.meta.url)

describe('the built package reads public suffixes as the source does', () => {
  test('registrable domains from the ESM and CommonJS builds equal the source’s (tldts), and tldts’s trie is not bundled', async () => {
    // A variable path: the typecheck runs before the build, so it must not resolve dist/.
    const DIST = '../../dist/internals.js'
    const esm = (await import(DIST)) as typeof Internals
    const cjs = require('../../dist/internals.cjs') as typeof Internals
    const hosts = ['midokuriserver.github.io', 'github.io', 'a.b.example.co.uk', 'www.ck', 'x.www.ck', 'foo.kawasaki.jp', 'city.kawasaki.jp', '荒らし.com', 'пример.рф', 'a.s3.us-east-1.amazonaws.com', 'example.notatld', 'localhost', 'foo.blogspot.com', 'x.y.z.compute.amazonaws.com', 'a.bd', 'b.a.bd']
    for (const host of hosts) {
      expect(esm.registrableDomain(host), host).toBe(registrableDomain(host))
      expect(cjs.registrableDomain(host), host).toBe(registrableDomain(host))
    }
    // tldts's trie (its label string) is in none of the built files.
    const dist = dirname(require.resolve('../../dist/internals.js'))
    const files = readdirSync(dist).filter((name) => /\.c?js$/u.test(name))
    expect(files.length).toBeGreaterThan(5)
    for (const name of files) expect(readFileSync(join(dist, name), 'utf8'), name).not.toContain('labelText')
  })
})
