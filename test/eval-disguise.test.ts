import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { DISGUISE_CLASSES, disguise, oneWordChanged, oneWordDisguise, plain, type SpamBase } from '../eval/disguise.js'
import { createRandom } from '../eval/prng.js'
import { wordDistance } from './helpers/near-phrase-reference.js'

const LINK: SpamBase = { before: 'join us', item: 'https://discord.gg/ctkpaarr', after: 'now', isLink: true }
const SENTENCE: SpamBase = { before: '', item: '画像が貼れなかったのでメンションだけします', after: '', isLink: false }
const PHISHING: SpamBase = { before: 'Your account has been suspended. Please verify immediately.', item: 'https://verify.example/x', after: 'Failure to verify will lock it.', isLink: true }

const allText = (d: ReturnType<typeof disguise>): string => [d.spoilerText ?? '', d.html, ...(d.pollOptions ?? [])].join('\n')

describe('the disguise generator (eval/disguise.ts)', () => {
  test.each(DISGUISE_CLASSES.filter((c) => c !== 'reworded' && c !== 'href behind a hashtag'))('%s hides the link as written', (kind) => {
    const out = allText(disguise(LINK, kind, createRandom(1)))
    expect(out).not.toContain('discord.gg/ctkpaarr')
    expect(out).not.toBe(plain(LINK).html)
  })

  test('the hashtag class keeps the link only in an href behind a hashtag', () => {
    const out = disguise(LINK, 'href behind a hashtag', createRandom(1)).html
    expect(out).toMatch(/<a href="https:\/\/discord\.gg\/ctkpaarr" class="mention hashtag" rel="tag">#<span>\w+<\/span><\/a>/u)
  })

  test('rewording changes the words around the link', () => {
    const out = disguise(PHISHING, 'reworded', createRandom(3)).html
    expect(out).toContain('verify.example/x')
    expect(out).not.toContain('Your account has been suspended. Please verify immediately.')
  })

  test.each(['look-alike letters', 'small capitals', 'enclosing marks', 'right-to-left override', 'reworded'] as const)('%s changes a sentence', (kind) => {
    expect(disguise(SENTENCE, kind, createRandom(2)).html).not.toContain(SENTENCE.item)
  })

  test('is seeded: the same seed gives the same disguise', () => {
    for (const kind of DISGUISE_CLASSES) expect(disguise(LINK, kind, createRandom(9))).toEqual(disguise(LINK, kind, createRandom(9)))
  })

  describe('one word changed (oneWordChanged, for eval/near-phrases.ts)', () => {
    const words = (text: string): string[] => text.split(' ')
    const distance = wordDistance

    test('changes exactly one inner word of each sentence of 5+ words, and leaves short ones', () => {
      const sentence = 'Your account has been suspended due to content violating new EU legislation.'
      for (let seed = 0; seed < 50; seed++) {
        const out = oneWordChanged(`${sentence} Hi there.`, createRandom(seed))
        const [changed, rest] = [out.slice(0, out.lastIndexOf(' Hi there.')), out.slice(out.lastIndexOf(' Hi there.'))]
        expect(rest).toBe(' Hi there.')
        expect(distance(words(sentence), words(changed))).toBe(1)
        expect(changed.startsWith('Your ')).toBe(true)
        expect(changed.endsWith(' legislation.')).toBe(true)
      }
    })

    test('keeps the link and is seeded', () => {
      const out = oneWordDisguise(PHISHING, createRandom(4)).html
      expect(out).toContain('https://verify.example/x')
      expect(oneWordDisguise(PHISHING, createRandom(4))).toEqual(oneWordDisguise(PHISHING, createRandom(4)))
    })

    test('is written apart from the matchers (imports nothing from src/)', () => {
      expect(readFileSync(new URL('../eval/disguise.ts', import.meta.url), 'utf8')).not.toMatch(/from '\.\.\/src\//u)
    })
  })
})
