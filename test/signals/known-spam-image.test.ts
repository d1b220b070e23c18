import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/index.js'
import { KNOWN_SPAM_IMAGES } from '../../src/internals.js'
import { statusMaker, strangers } from '../history/fixtures.js'

const hit = (media: { blurhash: string; width?: number; height?: number }[]) => {
  const make = statusMaker()
  return classifyStatus(make('xk3v9qm2pa', '', { bare: true, mentions: strangers(1), media })).reasons.find((r) => r.signal === 'known-spam-image')
}

describe('knownSpamImage', () => {
  describe('fires', () => {
    test.each(KNOWN_SPAM_IMAGES.map((image) => [image.blurhash, image]))('for the documented Feb 2024 image %s', (_hash, image) => {
      expect(hit([image])?.evidence[0]).toContain(image.blurhash)
    })

    // columns: case, blurhash, width, height (all re-encodings differ from every listed hash)
    test.each([
      ['the SPAM can with its DC colour one step off', 'UkK2FEk8Oas:t1f9V[ae|;agoJofs;bYovjZ', 1080, 1080],
      ['the SPAM can at another size with an AC digit changed', 'UkKBv%k8Oas:t1f9V[ae|;agoJofs;bYowjZ', 640, 640],
      ['the invite image without its size', 'UTQcbkVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', undefined, undefined],
    ])('for %s', (_case, blurhash, width, height) => {
      expect(KNOWN_SPAM_IMAGES.map((k) => k.blurhash)).not.toContain(blurhash)
      const found = hit([{ blurhash, ...(width === undefined ? {} : { width, height }) }])
      expect(found?.message).toBe('The picture is a known spam image.')
    })

    test('blatant, so it is not cleared by following the author', () => {
      const make = statusMaker()
      const status = make('pal', '', { bare: true, media: [{ blurhash: 'UkK2FEk8Oas:t1f9V[ae|;agoJofs;bYowjZ', width: 200, height: 200 }] })
      const verdict = classifyStatus(status, { viewer: { acct: 'me@good.example', follows: ['pal@spam.example'] } })
      // Without the blatant flag, a followed author's verdict would be cleared to 'clean'; with
      // it, trust does not count at all.
      expect(verdict.reasons.map((r) => r.signal)).not.toContain('followed-author')
      expect(verdict.label).toBe('spam')
    })
  })

  describe('stays silent', () => {
    // columns: case, blurhash, width, height
    test.each([
      ['an ordinary photo', 'LEHV6nWB2yk8pyo0adR*.7kCMdnj', 800, 600],
      ['a white screenshot', 'L6PZfSi_.AyE_3t7t7R**0o#DgR4', 1009, 200],
      ['the invite image at a square size', 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', 500, 500],
      ['a malformed hash', 'UkK2FEk8Oas', 200, 200],
    ])('for %s', (_case, blurhash, width, height) => {
      expect(hit([{ blurhash, width, height }])).toBeUndefined()
    })
  })
})
