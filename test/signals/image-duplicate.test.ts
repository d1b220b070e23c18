import { describe, expect, test } from 'vitest'
import { createSpamFilter } from '../../src/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'

const PHOTO = 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH'
const REENCODED = 'LKO2?U%2Tw=w]~RBVZRi};RPxuwI'

describe('imageDuplicate', () => {
  describe('fires', () => {
    test('for the same picture, re-encoded, from three accounts', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      filter.classify(make('a', '', { bare: true, mentions: strangers(1), media: [{ blurhash: PHOTO, width: 800, height: 600 }] }))
      filter.classify(make('b', '', { bare: true, mentions: strangers(2), media: [{ blurhash: PHOTO }] }))
      const verdict = filter.classify(make('c', '', { bare: true, mentions: strangers(3), media: [{ blurhash: REENCODED, width: 1600, height: 1200 }] }))
      const hit = verdict.reasons.find((r) => r.signal === 'image-duplicate')
      expect(hit?.evidence).toEqual(['3 accounts', 'first seen 2026-11-20T12:01:00.000Z: status 113500000000000001'])
      expect(verdict.label).toBe('spam')
    })
  })

  describe('stays silent', () => {
    // columns: case, second picture
    test.each([
      ['for one account posting its picture again', undefined],
      ['for another aspect ratio', { blurhash: PHOTO, width: 600, height: 800 }],
      ['for a flat white picture', { blurhash: 'L6PZfSi_.AyE_3t7t7R**0o#DgR4' }],
    ])('%s', (_case, other) => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const picture = other ?? { blurhash: PHOTO, width: 800, height: 600 }
      const verdicts = ['a', 'b', 'c'].map((user) => filter.classify(make(other === undefined ? 'same' : user, '', { media: [other === undefined || user !== 'c' ? picture : { blurhash: PHOTO, width: 800, height: 600 }] })))
      for (const verdict of verdicts) expect(verdict.reasons.map((r) => r.signal)).not.toContain('image-duplicate')
    })
  })
})
