import { describe, expect, test } from 'vitest'
import { DISGUISE_CLASSES, disguise, plain, type SpamBase } from '../eval/disguise.js'
import { createRandom } from '../eval/prng.js'

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
})
