/**
 * `readSpelledPunctuation` builds its expressions on first use and skips the katakana names for
 * all-ASCII text: a module whose first texts are ASCII gives what a module whose tables were built
 * up front gives, and the ASCII gate's premise (every katakana spelling starts with a non-ASCII
 * character) holds.
 */
import { describe, expect, test, vi } from 'vitest'
import type * as SpelledPunctuation from '../../src/text/transformers/spelled-punctuation.js'

type Module = typeof SpelledPunctuation
const fresh = async (): Promise<Module> => {
  vi.resetModules()
  return import('../../src/text/transformers/spelled-punctuation.js')
}

const TEXTS = ['discord (dot) gg', 'discord dot gg/abc', 'plain ascii text', 'a / b', 'discord.gg', 'てぃすこーと。gg', 'テイスコード。gg', '荒らしてんcom', 'gg スラッシュ abc', 'てぃすこ-と (てん) gg', 'ﾃﾞｨｽｺｰﾄﾞ']

describe('spelled punctuation built on first use', () => {
  test('ASCII texts first, then the rest: the same as with the tables built first', async () => {
    const lazy = await fresh()
    const lazyOut = TEXTS.map((t) => lazy.readSpelledPunctuation(t, undefined))
    const eager = await fresh()
    eager.spelledPunctuation()
    expect(lazyOut).toEqual(TEXTS.map((t) => eager.readSpelledPunctuation(t, undefined)))
    expect(lazyOut.some((out, i) => out.text !== TEXTS[i])).toBe(true)
  })

  test('every katakana spelling starts with a non-ASCII character (the gate for ASCII text)', async () => {
    const { nameOf } = (await fresh()).spelledPunctuation()
    expect(nameOf.size).toBeGreaterThan(0)
    for (const kana of nameOf.keys()) expect(kana.codePointAt(0)!).toBeGreaterThan(0x7f)
  })
})
