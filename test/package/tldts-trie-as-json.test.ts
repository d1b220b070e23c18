import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import { describe, expect, test } from 'vitest'

import { trieAsJson } from '../../scripts/tldts-trie-as-json.js'

// tldts's own trie module (its ES module build, the one tsup bundles) and the same module as the
// build step rewrites it: every export must hold the same values.
const TRIE = join(dirname(createRequire(import.meta.url).resolve('tldts/package.json')), 'dist/es6/src/data/trie.js')
const load = async (source: string): Promise<Record<string, unknown>> => (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as Record<string, unknown>

describe('tldts trie read from JSON (scripts/tldts-trie-as-json.ts)', () => {
  test('every export of the rewritten module equals tldts’s own, array by array', async () => {
    const source = readFileSync(TRIE, 'utf8')
    const rewritten = trieAsJson(source)
    expect(rewritten).not.toBe(source)
    expect(rewritten).toContain('JSON.parse(')
    const [original, json] = await Promise.all([load(source), load(rewritten)])
    expect(Object.keys(json).sort()).toEqual(Object.keys(original).sort())
    for (const [name, value] of Object.entries(original)) {
      const other = json[name]
      if (ArrayBuffer.isView(value)) {
        expect(other?.constructor).toBe(value.constructor)
        expect(Array.from(other as Uint8Array)).toEqual(Array.from(value as Uint8Array))
      } else {
        expect(other).toEqual(value)
      }
    }
  })

  test('fails the build on a file of another shape', () => {
    expect(() => trieAsJson('export const labelText = "com"')).toThrow(/tldts-trie-as-json/u)
  })
})
