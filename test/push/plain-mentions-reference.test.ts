/**
 * `plainMentions` reads the push body by code point (no `\p{…}` class compiled for ASCII text):
 * compared here with the plain reading, the expression it replaces, on written cases and on
 * random texts over the characters that matter (openers, `@`, letters of several scripts and
 * planes, digits, `_ . -`, separators, lone surrogates), including runs past the length caps.
 */
import { describe, expect, test } from 'vitest'
import { plainMentions } from '../../src/push/payload-status.js'

const PLAIN_MENTION = /(?:^|[\s(（])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63})(?:@([\p{L}\p{N}][\p{L}\p{N}.-]{0,252}))?/gu

/** The plain reading: the expression with `matchAll`, then the same folding as `plainMentions`. */
function reference(body: string, limit = 100): { acct: string; username: string }[] {
  const seen = new Set<string>()
  const mentions: { acct: string; username: string }[] = []
  for (const match of body.matchAll(PLAIN_MENTION)) {
    const username = (match[1] ?? '').replace(/[.-]+$/u, '')
    const host = match[2]?.replace(/[.-]+$/u, '')
    if (username === '') continue
    const acct = host === undefined || host === '' ? username : `${username}@${host}`
    if (seen.has(acct.toLowerCase())) continue
    seen.add(acct.toLowerCase())
    mentions.push({ acct, username })
    if (mentions.length >= limit) break
  }
  return mentions
}

const PIECES = ['@', '@', '@', ' ', '\n', '\u3000', '\u00a0', '(', '（', ')', 'a', 'Z', '9', '_', '.', '-', 'é', 'ß', '荒', 'ら', 'ー', '٣', '𝐀', '😀', '\ud800', '\udc00', ',', ':', '/', '#', 'x'.repeat(70), 'b'.repeat(260), '\u0301', '\u200b']

function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('plainMentions against the expression it replaces', () => {
  test.each([
    '@a @b@example.social (@c.) @a hello@notamention',
    '@荒らし @user33 @user34\n@user36',
    `@${'u'.repeat(80)}@host.example`,
    `@u@${'h'.repeat(300)}`,
    '（@名前@例え.jp）@𝐀𝐁 @_ @- @.a @a@ @a@-b @a@b- @@a  @',
    '@a@b@c @d@e.f@g',
    '',
  ])('%j', (body) => {
    expect(plainMentions(body)).toEqual(reference(body))
    expect(plainMentions(body, 2)).toEqual(reference(body, 2))
  })

  test('random texts', () => {
    const random = seeded(16)
    for (let n = 0; n < 3000; n++) {
      let body = ''
      const length = Math.floor(random() * 30)
      for (let i = 0; i < length; i++) body += PIECES[Math.floor(random() * PIECES.length)]
      expect(plainMentions(body), JSON.stringify(body)).toEqual(reference(body))
    }
  })
})
