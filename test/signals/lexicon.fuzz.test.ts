/**
 * `findCuesInText` reads the words where they lie in the folded text and skips words its
 * prefilters rule out; `wordText` reads words by character code. Both are fuzzed here against the
 * plain readings (the word text split into words, a lookup per word; the Unicode class for every
 * text), so a prefilter can never drop a cue.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileLexicon, type CueHit, findCuesInText, type Lexicon } from '../../src/signals/lexicon.js'
import { wordText } from '../../src/signals/matchable-text.js'
import { PHISHING_CUES, WARNING_CUES } from '../../src/data/phishing-lexicon.js'
import { hasNonAscii } from '../../src/text/ascii.js'

const RUNS = { seed: 20261207, numRuns: 500 }

/** The reading before the prefilters: every word split out and looked up. */
function referenceFindCues<T>(lexicon: Lexicon<T>, words: string): CueHit<T>[] {
  const hits: CueHit<T>[] = []
  const list = words.split(' ')
  let at = 0
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? ''
    if (word !== '') {
      for (const sequence of lexicon.byFirstWord.get(word) ?? []) {
        let match = true
        const last = sequence.rest.length - 1
        for (let k = 0; k <= last && match; k++) {
          const next = list[i + 1 + k] ?? ''
          const want = sequence.rest[k] ?? ''
          match = k === last && sequence.stem ? next.startsWith(want) : next === want
        }
        if (match) hits.push({ tag: sequence.tag, cue: sequence.cue, at })
      }
      if (word.length >= 3) for (const start of lexicon.starts.get(word.slice(0, 3)) ?? []) if (word.startsWith(start.stem)) hits.push({ tag: start.tag, cue: start.cue, at })
    }
    at += word.length + 1
  }
  if (hasNonAscii(words)) {
    for (const cue of lexicon.anywhere) {
      const found = words.indexOf(cue.text)
      if (found >= 0) hits.push({ tag: cue.tag, cue: cue.text, at: found })
    }
  }
  return hits
}

const referenceWordText = (folded: string): string => ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `

const phishing = compileLexicon(Object.entries(PHISHING_CUES).flatMap(([part, cues]) => (cues as readonly string[]).map((cue) => [cue, part] as const)))
const warnings = compileLexicon(WARNING_CUES.map((cue) => [cue, true] as const))
// Words of the lexicons themselves (whole, cut, run on) and others, so hits are frequent.
const vocabulary = [...phishing.byFirstWord.keys(), ...[...phishing.byFirstWord.values()].flat().flatMap((s) => s.rest), ...[...phishing.starts.values()].flat().map((s) => s.stem), ...warnings.byFirstWord.keys()].filter((w) => w !== '')
const word = fc.oneof(
  fc.constantFrom(...vocabulary),
  fc.constantFrom(...vocabulary).map((w) => w.slice(0, Math.max(1, w.length - 2))),
  fc.constantFrom(...vocabulary).map((w) => `${w}s`),
  fc.stringMatching(/^[a-zà-ÿ0-9]{1,12}$/u),
  fc.constantFrom('', 'ログイン', 'アカウント', 'é', 'x'.repeat(40)),
)
describe('wordText against the Unicode class', () => {
  test('the same words for any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[ -~\n]{0,60}$/u)), (text) => {
      expect(wordText(text)).toBe(referenceWordText(text))
    }), RUNS)
  })
  test('the same words with lone surrogates, astral letters and emoji between words', () => {
    const piece = fc.constantFrom('a', 'Z', '9', ' ', '-', 'é', 'ア', '漢', '\ud835\udc00', '🔥', '\ud800', '\udc00', '\u3000', '٣', 'ǅ', '\u200b', '_')
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('')
      expect(wordText(text)).toBe(referenceWordText(text))
    }), RUNS)
  })
})

describe('findCuesInText against findCues over the plain word text', () => {
  // Folded texts as matchableText gives them: words of the lexicons with any separators between.
  const separator = fc.constantFrom(' ', '  ', '\n', '. ', ', ', '-', '!', '🔥', '「', '」', '\u3000', '/', '')
  // The kana and kanji cues too, alone, run together, and inside other words.
  const anywhere = fc.constantFrom(...phishing.anywhere.map((c) => c.text), ...warnings.anywhere.map((c) => c.text))
  const textWord = fc.oneof(word, anywhere, fc.tuple(anywhere, anywhere).map(([a, b]) => `${a}${b}`), fc.tuple(word, anywhere, word).map(([a, b, c]) => `${a}${b}${c}`))
  const textOf = fc.array(fc.tuple(textWord, separator), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => `${w}${s}`).join(''))
  test('the same hits, at the same word-text offsets, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(textOf, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const words = referenceWordText(text)
        expect(findCuesInText(phishing, text)).toEqual(referenceFindCues(phishing, words))
        expect(findCuesInText(warnings, text)).toEqual(referenceFindCues(warnings, words))
      }),
      { seed: 20261209, numRuns: 2000 },
    )
  })
  test('the same hits for ASCII text with frequent cues and capitals', () => {
    const asciiWord = fc.oneof(fc.constantFrom(...vocabulary.filter((w) => !hasNonAscii(w))), fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/u))
    const asciiSeparator = fc.constantFrom(' ', '  ', '\n', '. ', ', ', '-', '!', '/', "'", '')
    const asciiText = fc.array(fc.tuple(asciiWord, asciiSeparator), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => `${w}${s}`).join(''))
    fc.assert(
      fc.property(fc.oneof(asciiText, fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) })), (text) => {
        const words = referenceWordText(text)
        expect(findCuesInText(phishing, text)).toEqual(referenceFindCues(phishing, words))
        expect(findCuesInText(warnings, text)).toEqual(referenceFindCues(warnings, words))
      }),
      { seed: 20261210, numRuns: 2000 },
    )
  })
  test('a sequence cut by the end of the text, and one found', () => {
    for (const text of ['please verify your', 'please verify your account', 'verify your account now!', 'アカウントが停止されます。24時間以内に本人確認を']) {
      expect(findCuesInText(phishing, text)).toEqual(referenceFindCues(phishing, referenceWordText(text)))
    }
    expect(findCuesInText(phishing, 'verify your account now').length).toBeGreaterThan(0)
    expect(findCuesInText(phishing, 'please verify your account now')).toEqual(referenceFindCues(phishing, wordText('please verify your account now')))
  })
})
