import { describe, expect, test } from 'vitest'
import { classifyStatus, createSpamFilter } from '../../src/index.js'
import { statusMaker, strangers } from '../history/fixtures.js'

const SPAM = 'Dear friends, I am offering cheap followers and likes for your account, message me today for prices'

describe('knownSpamText', () => {
  describe('fires', () => {
    test('for a short text after it was marked, once it matches exactly after folding', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      filter.markSpam(make('a', 'Ｃheap followers!'))
      const hit = filter.classify(make('b', 'cheap   followers', { bare: true })).reasons.find((r) => r.signal === 'known-spam-text')
      expect(hit).toMatchObject({ score: 6, evidence: ['marked as spam'] })
    })
  })

  describe('stays silent', () => {
    test('in classifyStatus, which has no memory', () => {
      const make = statusMaker()
      expect(classifyStatus(make('b', SPAM, { bare: true, mentions: strangers(1) })).reasons.map((r) => r.signal)).not.toContain('known-spam-text')
    })

    test('for a short text that only contains the marked one', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      filter.markSpam(make('a', 'cheap followers'))
      expect(filter.classify(make('b', 'cheap followers are not worth it', { bare: true })).reasons.map((r) => r.signal)).not.toContain('known-spam-text')
    })
  })
})
