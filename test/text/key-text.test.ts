import fc from 'fast-check'
import { describe, test } from 'vitest'
import { duplicateKeyText } from '../../src/text/shingles.js'
import { skeleton } from '../../src/text/deobfuscate.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'

/** duplicateKeyText as it was before its gates and its separator loop: the reference for the key text. */
function referenceKeyText(status: Pick<NormalizedStatus, 'spoilerText' | 'prose'>): string {
  const raw = status.spoilerText === '' ? status.prose : `${status.spoilerText}\n${status.prose}`
  const folded = skeleton(raw.length > 4_000 ? raw.slice(0, 4_000) : raw)
  const text = folded
    .replace(/(?:https?:\/\/|www\.)[^\s]{1,2048}/gu, ' ')
    .replace(/@[\p{L}\p{N}_.-]{1,64}(?:@[\p{L}\p{N}.-]{1,253})?/gu, ' ')
    .replace(/#[\p{L}\p{N}_]{1,200}/gu, ' ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
  return text.length > 2_000 ? Array.from(text).slice(0, 2_000).join('') : text
}

// Text made of the characters that matter: ASCII letters, digits, punctuation, spaces, the
// link/mention/hashtag markers, and a few non-ASCII letters, marks and spaces.
const PIECES = ['a', 'Z', '7', ' ', '  ', '\t', '\n', '.', ',', '!', '_', '-', '/', '@', '#', 'www.', 'https://', 'é', 'ß', '日本', '\u0301', '\u3000', '\u200b', '😀', 'ｗｗｗ．', '＠', '＃']
const pieced = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''))
const anyText = fc.oneof(pieced, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }))

describe('duplicateKeyText', () => {
  test('is unchanged by the gates on URLs, mentions and hashtags', () => {
    fc.assert(
      fc.property(anyText, anyText, (spoilerText, prose) => duplicateKeyText({ spoilerText, prose } as NormalizedStatus) === referenceKeyText({ spoilerText, prose })),
      { seed: 14, numRuns: 2_000 },
    )
  })
})
