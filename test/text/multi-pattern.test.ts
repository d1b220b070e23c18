import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createMultiPatternMatcher } from '../../src/text/multi-pattern.js'
import { compilePhrase, createPhraseMatcher, type CompiledPhrase } from '../../src/rules/phrase-pattern.js'
import { compactForPhrases } from '../../src/rules/phrase-pattern.js'

/** The first occurrence of each pattern by indexOf: the plain reference. */
function reference(patterns: readonly string[], text: string): Map<number, number> {
  const found = new Map<number, number>()
  patterns.forEach((p, id) => {
    if (p === '' || patterns.indexOf(p) !== id) return
    const at = text.indexOf(p)
    if (at >= 0) found.set(id, at)
  })
  return found
}

describe('createMultiPatternMatcher', () => {
  test('finds the first occurrence of every pattern, as indexOf does', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ба', 'б', '荒', '😀')
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((p) => p.join('')), { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }), (patterns, parts) => {
        const text = parts.join('')
        // The dense table from the first scan, and never (the edge map alone).
        for (const denseAfter of [0, 1e9]) {
          const found = new Map(createMultiPatternMatcher(patterns, { denseAfter }).scan(text).map(({ id, at }) => [id, at]))
          expect(found).toEqual(reference(patterns, text))
        }
      }),
      { seed: 20261207, numRuns: 1500 },
    )
  })

  test('is linear in the text for 10,000 phrases of any script: a text 4× as long takes 4× the steps', () => {
    // 10,000 phrases of three words each, Latin and Cyrillic, from a seeded generator.
    let seed = 12345
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed
    }
    const letters = 'abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщ'
    const word = (): string => Array.from({ length: 3 + (next() % 6) }, () => letters[next() % letters.length]).join('')
    const phrases = Array.from({ length: 10_000 }, () => {
      const compiled = compilePhrase(`"${word()} ${word()}" ${word()}`, false, undefined)
      if (typeof compiled === 'string') throw new Error(compiled)
      return compiled
    })
    const matcher = createPhraseMatcher(phrases)
    // 100 KB of words from the same letters (many near-misses), with a Cyrillic letter throughout.
    const text = (length: number): string => {
      let out = ''
      while (out.length < length) out += `${word()} д `
      return compactForPhrases(out.slice(0, length))
    }
    const short = text(25_000)
    const long = text(100_000)
    const ratio = matcher.pieces.steps(long) / matcher.pieces.steps(short)
    expect(ratio).toBeGreaterThan(3)
    expect(ratio).toBeLessThan(5)
    // At most about two steps a character, plus one per pattern reported.
    expect(matcher.pieces.steps(long)).toBeLessThan(2 * long.length + matcher.pieces.patterns.length)
  })

  test('stays linear on text that walks failure links (aaaa…b against a, aa, aaa, …)', () => {
    const patterns = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(i + 1)}b`)
    const matcher = createMultiPatternMatcher(patterns)
    const n = matcher.steps('a'.repeat(10_000))
    const n4 = matcher.steps('a'.repeat(40_000))
    expect(n4 / n).toBeGreaterThan(3.5)
    expect(n4 / n).toBeLessThan(4.5)
  })

  test('reports nothing for no patterns or only empty ones', () => {
    expect(createMultiPatternMatcher([]).scan('abc')).toEqual([])
    expect(createMultiPatternMatcher(['']).scan('abc')).toEqual([])
  })
})

describe('createPhraseMatcher', () => {
  test('finds phrases in list order', () => {
    const phrases = ['"b c"', 'a'].map((p) => compilePhrase(p, false, undefined) as CompiledPhrase)
    expect(createPhraseMatcher(phrases).match(compactForPhrases('b, c and a')).map((p) => p.pattern)).toEqual(['"b c"', 'a'])
  })
})

describe('scanWords', () => {
  test('finds what scan finds in the compact text, dense transitions or not', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ба', '#', ' ', '.', 'Z', '😀', '1', '荒')
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'ab', 'ба', '#', '1', '荒'), { minLength: 1, maxLength: 4 }).map((p) => p.join('')), { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }), (patterns, parts) => {
        const text = parts.join('')
        const compact = text.replace(/[^\p{L}\p{N}#]+/gu, '')
        const expected = new Set(createMultiPatternMatcher(patterns).scan(compact).map((f) => f.id))
        // The dense table from the first scan, and never (the edge map alone).
        for (const denseAfter of [0, 1e9]) expect(new Set(createMultiPatternMatcher(patterns, { denseAfter }).scanWords(text))).toEqual(expected)
      }),
      { seed: 20261207, numRuns: 1500 },
    )
  })
})

describe('dense transitions past the dense nodes', () => {
  // A node among the first 4096 whose failure node is numbered past them (patterns listed later):
  // its row must follow the failure links in the edge map, not read a row that is not there.
  test('a pattern listed after 5,000 others is found from a dense node that fails to it', () => {
    const fillers = Array.from({ length: 5000 }, (_, i) => `q${i.toString().padStart(4, '0')}`)
    const patterns = ['xaz', ...fillers, 'ac']
    const matcher = createMultiPatternMatcher(patterns)
    expect(matcher.scan('xac').map((f) => f.id)).toEqual([5001])
    expect(matcher.scanWords('xac')).toEqual([5001])
    const spans: number[] = []
    matcher.scanSpans('x a c', 2, (id) => {
      spans.push(id)
      return true
    })
    expect(spans).toEqual([5001])
  })

  test('scanWords equals scan on the compact text for 6,000 random patterns', () => {
    let seed = 7
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed
    }
    const letters = 'abcdefgh'
    const word = (n: number): string => Array.from({ length: n }, () => letters[next() % letters.length]).join('')
    const patterns = Array.from({ length: 6000 }, () => word(2 + (next() % 5)))
    const matcher = createMultiPatternMatcher(patterns)
    for (let run = 0; run < 50; run++) {
      const text = Array.from({ length: 40 }, () => word(1 + (next() % 3))).join(' ')
      const compact = text.replace(/[^\p{L}\p{N}#]+/gu, '')
      expect(new Set(matcher.scanWords(text))).toEqual(new Set(matcher.scan(compact).map((f) => f.id)))
      // scan itself (dense rows too) against indexOf.
      expect(new Map(matcher.scan(compact).map((f) => [f.id, f.at]))).toEqual(reference(patterns, compact))
    }
  })
})

describe('the dense table built after the first scans (denseAfter)', () => {
  test('a matcher gives the same results before, while and after its dense table is built', () => {
    let seed = 11
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed
    }
    const pieces = ['ab', 'ba', 'a', 'c.d', '荒ら', '#x', 'ДА', 'A', ' ', '. ', '/', '😀']
    const text = (): string => Array.from({ length: 1 + (next() % 20) }, () => pieces[next() % pieces.length]).join('')
    for (let list = 0; list < 40; list++) {
      const patterns = Array.from({ length: 1 + (next() % 10) }, () => text().replace(/[^\p{L}\p{N}#.]+/gu, '').toLowerCase().slice(0, 6))
      const late = createMultiPatternMatcher(patterns, { gateAfter: 1e9 })
      const early = createMultiPatternMatcher(patterns, { gateAfter: 1e9, denseAfter: 0 })
      // 40 rounds of each kind of scan: the default builds the dense table at the 16th scan.
      for (let scan = 0; scan < 40; scan++) {
        const t = text()
        expect(late.scanWords(t), t).toEqual(early.scanWords(t))
        expect(late.scan(t), t).toEqual(early.scan(t))
        const spans = (m: typeof late): number[][] => {
          const got: number[][] = []
          m.scanSpans(t, 2, (id, start, end) => (got.push([id, start, end]), false))
          return got
        }
        expect(spans(late), t).toEqual(spans(early))
      }
    }
  })
})
