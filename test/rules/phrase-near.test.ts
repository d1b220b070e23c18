import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { SPAM_PHRASES } from '../../src/data/spam-phrases.js'
import { compilePhrase, createPhraseMatcher, NEAR_MIN_WORDS, nearTerms, wordsOf, type CompiledPhrase } from '../../src/rules/phrase-pattern.js'
import { resolveRules } from '../../src/rules/resolve-rules.js'
import { skeleton } from '../../src/text/deobfuscate.js'
import { nearReference, wordDistance } from '../helpers/near-phrase-reference.js'

const compiled = (pattern: string): CompiledPhrase => {
  const phrase = compilePhrase(pattern, false, undefined)
  if (typeof phrase === 'string') throw new Error(phrase)
  return phrase
}

/** The quoted sentences of the built-in list long enough to near-match, as written. */
const BUILT_IN = SPAM_PHRASES.map((p) => p.pattern)
  .filter((p) => /^"[^"]+"$/u.test(p))
  .map((p) => p.slice(1, -1))
  .filter((p) => wordsOf(skeleton(p)).length >= NEAR_MIN_WORDS)
const RULES = ['join our private server for free nitro', 'send me a message to claim your prize', 'click the link in my bio to earn']

/** Every text with exactly one word of the sentence changed, inside it (as the class is defined). */
function oneWordVariants(sentence: string): { kind: string; text: string }[] {
  // The words as the matcher reads them ("$1,000+" is two: 1, 000).
  const words = wordsOf(skeleton(sentence))
  const out: { kind: string; text: string }[] = []
  words.forEach((_, i) => out.push({ kind: `substitute ${i}`, text: words.map((w, j) => (j === i ? 'zyzzyva' : w)).join(' ') }))
  for (let i = 1; i < words.length; i++) out.push({ kind: `insert at ${i}`, text: [...words.slice(0, i), 'zyzzyva', ...words.slice(i)].join(' ') })
  for (let i = 1; i < words.length - 1; i++) out.push({ kind: `delete ${i}`, text: words.filter((_, j) => j !== i).join(' ') })
  return out
}

describe('near phrase matches (one word substituted, inserted or deleted)', () => {
  const builtIn = resolveRules([]).phraseMatcher
  const rules = resolveRules([{ version: 1, phrases: RULES.map((r) => `"${r}"`) }]).phraseMatcher

  test('the built-in list has sentences long enough', () => {
    expect(BUILT_IN.length).toBeGreaterThanOrEqual(6)
  })

  describe.each([...BUILT_IN.map((s) => [s, builtIn] as const), ...RULES.map((s) => [s, rules] as const)])('%s', (sentence, matcher) => {
    test.each(oneWordVariants(sentence))('$kind matches near, not whole', ({ text }) => {
      const scan = matcher.scanSkeleton(skeleton(`Hello there. ${text}! Bye.`))
      expect(scan.matched.map((p) => p.pattern)).not.toContain(`"${sentence}"`)
      expect(scan.near().map((n) => n.phrase.pattern)).toContain(`"${sentence}"`)
    })

    test('the sentence whole matches whole, not near', () => {
      const scan = matcher.scanSkeleton(skeleton(sentence))
      expect(scan.matched.map((p) => p.pattern)).toContain(`"${sentence}"`)
      expect(scan.near().map((n) => n.phrase.pattern)).not.toContain(`"${sentence}"`)
    })

    test('two words changed do not match', () => {
      const words = wordsOf(skeleton(sentence))
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const text = words.map((w, k) => (k === i || k === j ? 'zyzzyva' : w)).join(' ')
          expect(matcher.scanSkeleton(skeleton(text)).near().map((n) => n.phrase.pattern), text).not.toContain(`"${sentence}"`)
        }
      }
    })

    test('its first or last word cut (a quote fragment) does not match', () => {
      const words = wordsOf(skeleton(sentence))
      for (const text of [words.slice(1).join(' '), words.slice(0, -1).join(' ')]) expect(matcher.scanSkeleton(skeleton(text)).near()).toEqual([])
    })
  })

  test('names the changed word', () => {
    const [near] = builtIn.scanSkeleton(skeleton('Your PROFILE has been suspended due to content violating new EU legislation')).near()
    expect(near).toMatchObject({ change: 'substituted', word: 'account', by: 'profile' })
    expect(builtIn.scanSkeleton(skeleton('you can call me the real fediverse chick')).near()[0]).toMatchObject({ change: 'inserted', word: 'real' })
    expect(builtIn.scanSkeleton(skeleton('my hobby is sending nukes to sites')).near()[0]).toMatchObject({ change: 'deleted', word: 'various' })
  })

  test('reads through the de-obfuscation layer, as whole phrases do', () => {
    expect(builtIn.scanSkeleton(skeleton('Ｙｏｕ ｃａｎ ｃａｌｌ ｍｅ the fediverse-QUEEN')).near()[0]).toMatchObject({ change: 'substituted', word: 'chick', by: 'queen' })
    expect(builtIn.scanSkeleton(skeleton('уоu can call me the fediverse queen')).near()).toHaveLength(1)
  })

  test(`phrases of fewer than ${NEAR_MIN_WORDS} words do not near-match`, () => {
    const matcher = createPhraseMatcher([compiled('"join my private server"'), compiled('"buy cheap followers now"')])
    for (const text of ['join my minecraft server', 'join my private discord server', 'buy followers now', 'buy cheap real followers now']) expect(matcher.scanSkeleton(skeleton(text)).near()).toEqual([])
    // …and a phrase of exactly NEAR_MIN_WORDS words does.
    const long = createPhraseMatcher([compiled('"buy cheap followers right now"')])
    expect(long.scanSkeleton(skeleton('buy cheap likes right now')).near()).toHaveLength(1)
  })

  test('the other terms of the phrase must match whole, and excluded terms still exclude', () => {
    const matcher = createPhraseMatcher([compiled('verif* "please join our private server today" -scam')])
    expect(matcher.scanSkeleton(skeleton('Verify: please join our secret server today')).near()).toHaveLength(1)
    expect(matcher.scanSkeleton(skeleton('please join our secret server today')).near()).toEqual([])
    expect(matcher.scanSkeleton(skeleton('verify: please join our secret server today, a scam')).near()).toEqual([])
    // Two long terms: one edit in each is two edits.
    const two = createPhraseMatcher([compiled('"please join our private server" "free nitro for all members"')])
    expect(two.scanSkeleton(skeleton('please join our private server: free nitro for all users')).near()).toHaveLength(1)
    expect(two.scanSkeleton(skeleton('please join our secret server: free nitro for all users')).near()).toEqual([])
  })

  test('a term with * never near-matches', () => {
    const matcher = createPhraseMatcher([compiled('"please join our * server today"')])
    expect(matcher.scanSkeleton(skeleton('please join our secret server now')).near()).toEqual([])
  })

  test('agrees with the plain reference (every window, full edit distance) on random texts', () => {
    const vocabulary = fc.constantFrom('a', 'b', 'c', 'd', 'e')
    let tried = 0
    let positives = 0
    fc.assert(
      fc.property(fc.array(vocabulary, { minLength: 2, maxLength: 8 }), fc.array(vocabulary, { maxLength: 24 }), (term, words) => {
        tried++
        // nearTerms is asked only when the term does not stand whole (a whole term is an exact match).
        fc.pre(!` ${words.join(' ')} `.includes(` ${term.join(' ')} `))
        const found = nearTerms([term], words)[0]
        expect(found !== undefined).toBe(nearReference(term, words))
        if (found === undefined) return
        positives++
        // The change reported names words of the term and the text.
        if (found.change !== 'inserted') expect(term).toContain(found.word)
        if (found.change !== 'deleted') expect(words).toContain(found.change === 'substituted' ? found.by : found.word)
      }),
      { seed: 20261207, numRuns: 4000 },
    )
    expect(positives).toBeGreaterThan(tried / 10)
  })

  test('the matcher (halves in the automaton, the gate) agrees with the reference on random texts', () => {
    const vocabulary = fc.constantFrom('send', 'me', 'a', 'message', 'now', 'to', 'win', 'x')
    // The text: words around the term with up to two random edits (substitute, insert, delete).
    const edit = fc.record({ kind: fc.constantFrom('substitute', 'insert', 'delete'), at: fc.nat(), word: vocabulary })
    let positives = 0
    fc.assert(
      fc.property(fc.array(vocabulary, { minLength: NEAR_MIN_WORDS, maxLength: 8 }), fc.array(edit, { maxLength: 2 }), fc.array(vocabulary, { maxLength: 8 }), fc.array(vocabulary, { maxLength: 8 }), fc.constantFrom(' ', '-', ', ', '  🔥 '), (term, edits, before, after, separator) => {
        const middle = [...term]
        for (const { kind, at, word } of edits) {
          const i = at % (middle.length + (kind === 'insert' ? 1 : 0))
          if (kind === 'substitute') middle[i] = word
          else if (kind === 'insert') middle.splice(i, 0, word)
          else if (middle.length > 1) middle.splice(i, 1)
        }
        const words = [...before, ...middle, ...after]
        const phrase = compiled(`"${term.join(' ')}"`)
        const matcher = createPhraseMatcher([phrase])
        const read = skeleton(words.join(separator))
        const scan = matcher.scanSkeleton(read)
        const whole = scan.matched.length > 0
        // The reference reads the words the layer leaves (it joins single letters spaced out).
        const termWords = phrase.words?.[0] ?? []
        const near = scan.near().length > 0
        expect(near).toBe(!whole && termWords.length >= NEAR_MIN_WORDS && nearReference(termWords, wordsOf(read)))
        if (near) positives++
      }),
      { seed: 20261208, numRuns: 3000 },
    )
    // The generator reaches near matches often (the comparison is not all "no").
    expect(positives).toBeGreaterThan(500)
  })

  test('the reference’s distance is the textbook one', () => {
    expect(wordDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1)
    expect(wordDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1)
    expect(wordDistance(['a', 'b', 'c'], ['a', 'b', 'x', 'c'])).toBe(1)
    expect(wordDistance(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(2)
  })

  test('is linear in the text: a text full of halves 4× as long takes about 4× the words compared', () => {
    // Every word position starts a half of several phrases, none of which ever verifies.
    const phrases = ['"send me a message now to win"', '"send me a message today to win big"', '"me a message now send me a"'].map(compiled)
    const matcher = createPhraseMatcher(phrases)
    const text = (repeats: number): string => skeleton('send me a message '.repeat(repeats))
    const steps = (repeats: number): number => {
      const counter = { steps: 0 }
      matcher.scanSkeleton(text(repeats)).near(counter)
      return counter.steps
    }
    const short = steps(2_000)
    const long = steps(8_000)
    expect(short).toBeGreaterThan(0)
    expect(long / short).toBeGreaterThan(3.5)
    expect(long / short).toBeLessThan(4.5)
    // Bounded per word of the text by the halves of the list (each compared once, three windows each).
    const words = 4 * 8_000
    expect(long).toBeLessThan(words * phrases.length * 2 * (8 + 3 * 9))
  })

  test('a hostile text against thousands of phrases sharing words stays within a bound per word', () => {
    // 2,000 phrases whose halves all start with "send": every word of the text starts halves of
    // all of them, and none ever verifies.
    const phrases = Array.from({ length: 2_000 }, (_, i) => compiled(`"send me w${i} now send me x${i} please"`))
    const matcher = createPhraseMatcher(phrases)
    const steps = (repeats: number): { steps: number; words: number } => {
      const text = skeleton('send me w1 now send me '.repeat(repeats))
      const counter = { steps: 0 }
      matcher.scanSkeleton(text).near(counter)
      return { steps: counter.steps, words: wordsOf(text).length }
    }
    const short = steps(500)
    const long = steps(2_000)
    for (const { steps: s, words } of [short, long]) expect(s).toBeLessThanOrEqual(64 * words + 4096 + 2 * 8 * 3)
    expect(long.steps / short.steps).toBeLessThan(4.5)
  })
})
