/**
 * `matchableName` reads the leet digits by character code; fuzzed here against the expression it
 * replaced, over any name.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { matchableName } from '../../src/signals/matchable-text.js'
import { skeleton } from '../../src/text/deobfuscate.js'

const LEET: Readonly<Record<string, string>> = { '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '0': 'o', '@': 'a', $: 's' }
const reference = (name: string): string => (/^[\x20-\x7e]*$/u.test(name) ? name.toLowerCase() : skeleton(name)).replace(/[0-9@$]/gu, (c) => LEET[c] ?? c)

describe('matchableName against the plain expression', () => {
  test('the same folding for any name', () => {
    const piece = fc.constantFrom('a', 'M', '0', '1', '6', '@', '$', ' ', '_', '4', 'ѕ', '𝐌', '０', '＄', 'ア', '\u200b', '-')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 24 }).map((p) => p.join(''))), (name) => {
        expect(matchableName(name)).toBe(reference(name))
      }),
      { seed: 20261210, numRuns: 2000 },
    )
  })
})
