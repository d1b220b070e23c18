import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { createSpamFilter } from '../src/filter.js'
import type { ClassifyOptions } from '../src/options.js'
import { DAY, makeMentionStatus, makeStatus, makeWaveStatus, NOW, someAccts } from './helpers/make-status.js'

const INPUTS: readonly [string, unknown][] = [
  ['a wave status', makeWaveStatus()],
  ['an ordinary status', makeStatus()],
  ['a status with mentions', makeMentionStatus(someAccts(5), 'hello all')],
  ['a reply', makeMentionStatus(someAccts(3), 'thanks', { in_reply_to_id: '1' })],
  ['a notification', { type: 'mention', status: makeWaveStatus() }],
  ['a value with no status', 'nothing'],
]

const OPTIONS: readonly [string, ClassifyOptions][] = [
  ['no options', {}],
  ['a viewer who follows a mentioned account', { viewer: { acct: 'me@example.social', follows: ['user1@a.example'] } }],
  ['stricter thresholds and a weight', { thresholds: { suspicious: 1, spam: 2 }, weights: { 'machine-username': 0 } }],
  ['an allow list', { allow: { domains: ['spam.example'] } }],
]

describe('createSpamFilter', () => {
  describe('classify', () => {
    // A new filter has seen nothing yet, so its first verdict is classifyStatus's.
    // input name | input | options name | options
    test.each(OPTIONS.flatMap(([optionsName, options]) => INPUTS.map(([name, input]) => [name, input, optionsName, options] as const)))(
      'of a new filter equals classifyStatus for %s with %s',
      (_name, input, _optionsName, options) => {
        expect(createSpamFilter(options).classify(input)).toEqual(classifyStatus(input, options))
      },
    )
  })

  describe('classify without memory', () => {
    test('equals classifyStatus for every status, however many it has seen', () => {
      const filter = createSpamFilter({ memory: false })
      for (let round = 0; round < 3; round++) {
        for (const [, input] of INPUTS) expect(filter.classify(input)).toEqual(classifyStatus(input))
      }
    })
  })

  describe('classifyAsync', () => {
    // input name | input
    test.each(INPUTS)('resolves to the verdict of classify for %s', async (_name, input) => {
      const options = { viewer: { acct: 'me@example.social' }, memory: false } as const
      await expect(createSpamFilter(options).classifyAsync(input)).resolves.toEqual(createSpamFilter(options).classify(input))
    })
  })

  describe('context', () => {
    test('overrides the viewer for one call', () => {
      const filter = createSpamFilter({ viewer: { acct: 'me@example.social' } })
      const status = makeWaveStatus()
      expect(filter.classify(status).label).toBe('spam')
      expect(filter.classify(status, { viewer: { acct: 'me@example.social', follows: ['5wq130rvkg@spam.example'] } }).label).toBe('clean')
      expect(filter.classify(status, { viewer: { acct: '5wq130rvkg@spam.example' } }).reasons[0]?.signal).toBe('allow-list')
      expect(filter.classify(status).label).toBe('spam')
    })

    test('overrides now for one call', () => {
      const filter = createSpamFilter({ now: NOW })
      const status = makeWaveStatus({ created_at: null })
      const signals = (now?: number): string[] => filter.classify(status, now === undefined ? undefined : { now }).reasons.map((r) => r.signal)
      expect(signals()).toContain('new-account')
      expect(signals(NOW + 60 * DAY)).not.toContain('new-account')
      expect(signals()).toContain('new-account')
    })

    test('keeps the options it does not name', () => {
      const options: ClassifyOptions = { thresholds: { suspicious: 1, spam: 2 }, now: NOW }
      const status = makeMentionStatus(someAccts(3), 'hello')
      expect(createSpamFilter(options).classify(status, { viewer: { acct: 'me@example.social' } })).toEqual(
        classifyStatus(status, { ...options, viewer: { acct: 'me@example.social' } }),
      )
    })

    test('must be an object', () => {
      expect(() => createSpamFilter().classify(makeStatus(), 'now' as never)).toThrow(/option context /u)
    })
  })
})
