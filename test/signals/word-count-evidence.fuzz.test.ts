/**
 * `countWords` reads text outside ASCII by character code (the classes asked once per code unit),
 * `listEvidence` keeps a few items without a Set;
 * both fuzzed here against the plain readings they replaced.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { countWords } from '../../src/signals/mention-density.js'

function referenceCountWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0
  const latin = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0
  return latin + Math.ceil(cjk / 2)
}

describe('countWords against the plain expressions', () => {
  test('the same count for any text', () => {
    const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '’', '-', '—', 'é', 'ア', 'ー', '々', '〇', '漢', '한', '𠀋', '🔥', '\ud800', '\udc00', '\u0000', 'ß', '٣', '\n', '.')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 30 }).map((p) => p.join(''))), (text) => {
        expect(countWords(text)).toBe(referenceCountWords(text))
      }),
      { seed: 20261213, numRuns: 3000 },
    )
  })
})

describe('listEvidence against a Set', () => {
  test('the same items in the same order, for a few or many', async () => {
    const { listEvidence } = await import('../../src/signals/format.js')
    const reference = (items: readonly string[]): string[] => {
      const unique = [...new Set(items)]
      return unique.length <= 20 ? unique : [...unique.slice(0, 20), `…and ${unique.length - 20} more`]
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', '@x', '@y', '', ...Array.from({ length: 30 }, (_, i) => `h${i}`)), { maxLength: 40 }), (items) => {
        expect(listEvidence(items)).toEqual(reference(items))
      }),
      { seed: 20261214, numRuns: 2000 },
    )
  })
})
