import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { SpamFilterConfigError } from '../src/errors.js'
import { createSpamFilter } from '../src/filter.js'
import { resolveOptions, type ClassifyOptions } from '../src/options.js'
import { RECOMMENDED_SIGNALS } from '../src/presets/recommended.js'
import type { Signal } from '../src/signal.js'
import { mentionDensity } from '../src/signals/mention-density.js'
import { makeSpamAccount, makeStatus, makeWaveStatus } from './helpers/make-status.js'

const customSignal = (overrides: Partial<Signal> = {}): Signal => ({
  id: 'says-buy',
  group: 'text',
  evaluate: (status) => (status.text.includes('buy') ? { strength: 1, message: 'Says buy.', evidence: ['buy'] } : undefined),
  ...overrides,
})

/** Runs `run` and returns the SpamFilterConfigError it throws. */
function configError(run: () => unknown): SpamFilterConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof SpamFilterConfigError) return error
    throw error
  }
  throw new Error('no SpamFilterConfigError was thrown')
}

describe('resolveOptions', () => {
  describe('throws SpamFilterConfigError naming the option', () => {
    // case | options | option path
    test.each([
      ['for options that are not an object', 'strict', 'options'],
      ['for thresholds that are not an object', { thresholds: 5 }, 'thresholds'],
      ['for a non-numeric threshold', { thresholds: { spam: '6' } }, 'thresholds.spam'],
      ['for a NaN threshold', { thresholds: { suspicious: Number.NaN } }, 'thresholds.suspicious'],
      ['for a zero suspicious threshold', { thresholds: { suspicious: 0 } }, 'thresholds.suspicious'],
      ['for a spam threshold below the suspicious one', { thresholds: { suspicious: 4, spam: 3 } }, 'thresholds.spam'],
      ['for weights that are not an object', { weights: [1, 2] }, 'weights'],
      ['for weights that are null', { weights: null }, 'weights'],
      ['for a weight of an unknown signal', { weights: { 'no-such-signal': 1 } }, 'weights["no-such-signal"]'],
      ['for a non-finite weight', { weights: { 'mention-density': Number.POSITIVE_INFINITY } }, 'weights["mention-density"]'],
      ['for a string weight', { weights: { 'mention-density': '4' } }, 'weights["mention-density"]'],
      ['for signals that are not an array', { signals: mentionDensity }, 'signals'],
      ['for a signal without evaluate', { signals: [{ id: 'x', group: 'text' }] }, 'signals[0]'],
      ['for a signal id that is not kebab-case', { signals: [customSignal({ id: 'SaysBuy' })], weights: { SaysBuy: 1 } }, 'signals[0].id'],
      ['for a duplicate signal id', { signals: [mentionDensity, mentionDensity] }, 'signals[1].id'],
      ['for a bad group', { signals: [customSignal({ group: 'spam' as never })], weights: { 'says-buy': 1 } }, 'signals[0].group'],
      ['for a custom signal without a weight', { signals: [customSignal()] }, 'weights["says-buy"]'],
      ['for a viewer that is not an object', { viewer: 'me@example.social' }, 'viewer'],
      ['for a viewer acct that is not a string', { viewer: { acct: 42 } }, 'viewer.acct'],
      ['for viewer.follows of a wrong type', { viewer: { follows: 'bob@example.social' } }, 'viewer.follows'],
      ['for viewer.follows as an object', { viewer: { follows: { 'bob@example.social': true } } }, 'viewer.follows'],
      ['for a non-string entry of viewer.follows', { viewer: { follows: ['ok@example.social', 7] } }, 'viewer.follows[1]'],
      ['for limits that are not an object', { limits: 100 }, 'limits'],
      ['for a fractional content limit', { limits: { maxContentLength: 10.5 } }, 'limits.maxContentLength'],
      ['for a zero list limit', { limits: { maxListLength: 0 } }, 'limits.maxListLength'],
      ['for allow that is not an object', { allow: ['bob@example.social'] }, 'allow'],
      ['for allow.accounts that is not an array', { allow: { accounts: 'bob@example.social' } }, 'allow.accounts'],
      ['for an empty allow.accounts entry', { allow: { accounts: ['bob@example.social', ' '] } }, 'allow.accounts[1]'],
      ['for a non-string allow.domains entry', { allow: { domains: [null] } }, 'allow.domains[0]'],
      ['for a now that is not a time', { now: 'yesterday' }, 'now'],
      ['for an invalid Date now', { now: new Date('nope') }, 'now'],
    ])('%s', (_case, options, option) => {
      const error = configError(() => resolveOptions(options as ClassifyOptions))
      expect(error).toBeInstanceOf(TypeError)
      expect(error.name).toBe('SpamFilterConfigError')
      expect(error.option).toBe(option)
      expect(error.message).toContain(`mastodon-spam-filter: option ${option} `)
    })

    test('from classifyStatus and createSpamFilter too', () => {
      expect(() => classifyStatus(makeStatus(), { thresholds: { spam: -1 } })).toThrow(SpamFilterConfigError)
      expect(() => createSpamFilter({ weights: { nope: 1 } as never })).toThrow(SpamFilterConfigError)
      expect(() => createSpamFilter().classify(makeStatus(), { now: Number.NaN })).toThrow(/context\.now/u)
      expect(() => createSpamFilter().classify(makeStatus(), { viewer: { follows: 5 as never } })).toThrow(/context\.viewer\.follows/u)
    })
  })

  test('accepts the documented shapes', () => {
    const resolved = resolveOptions({
      now: new Date('2024-02-16T12:00:00Z'),
      thresholds: { suspicious: 2 },
      weights: { 'bot-account': 0 },
      viewer: { acct: '@Me@Example.Social', follows: new Set(['bob@example.social']) },
      allow: { accounts: ['friend'], domains: ['.Trusted.Example'] },
      limits: { maxListLength: 50 },
    })
    expect(resolved.thresholds).toEqual({ suspicious: 2, spam: 6 })
    expect(resolved.now).toBe(Date.parse('2024-02-16T12:00:00Z'))
    expect(resolved.viewer.acct).toBe('me@example.social')
    expect(resolved.viewer.host).toBe('example.social')
    expect([...resolved.allowAccounts]).toEqual(['friend@example.social'])
    expect(resolved.allowDomains).toEqual(['trusted.example'])
    expect(resolved.limits).toEqual({ maxContentLength: 100_000, maxListLength: 50, maxTextLength: 200_000 })
    expect(resolved.signals.map((s) => s.signal.id)).not.toContain('bot-account')
    expect(resolved.signals).toHaveLength(RECOMMENDED_SIGNALS.length - 1)
  })
})

describe('allow lists', () => {
  const wave = makeWaveStatus()

  // case | options
  test.each([
    ['an allowed account', { allow: { accounts: ['5wq130rvkg@spam.example'] } }],
    ['an allowed account written with @ and capitals', { allow: { accounts: ['@5WQ130RVKG@Spam.Example'] } }],
    ['an allowed domain', { allow: { domains: ['spam.example'] } }],
    ['an allowed parent domain', { allow: { domains: ['example'] } }],
    ["the viewer's own status", { viewer: { acct: '5wq130rvkg@spam.example' } }],
  ] as [string, ClassifyOptions][])('keep %s clean', (_case, options) => {
    const verdict = classifyStatus(wave, options)
    expect(verdict.label).toBe('clean')
    expect(verdict.score).toBe(0)
    expect(verdict.reasons).toHaveLength(1)
    expect(verdict.reasons[0]?.signal).toBe('allow-list')
  })

  test('keep an author on a subdomain of an allowed domain clean', () => {
    const sub = makeWaveStatus({ account: makeSpamAccount({ acct: '5wq130rvkg@social.spam.example' }) })
    expect(classifyStatus(sub, { allow: { domains: ['spam.example'] } }).label).toBe('clean')
    expect(classifyStatus(sub, { allow: { domains: ['other.spam.example'] } }).label).toBe('spam')
  })

  test('keep a local account of the viewer server clean', () => {
    const local = makeWaveStatus({ account: makeSpamAccount({ acct: '5wq130rvkg', url: 'https://example.social/@5wq130rvkg' }) })
    expect(classifyStatus(local, { viewer: { acct: 'me@example.social' }, allow: { accounts: ['5wq130rvkg'] } }).label).toBe('clean')
  })

  // case | options
  test.each([
    ['a domain that only ends the same way', { allow: { domains: ['am.example'] } }],
    ['another account', { allow: { accounts: ['5wq130rvkg@other.example'] } }],
  ] as [string, ClassifyOptions][])('do not clear %s', (_case, options) => {
    expect(classifyStatus(wave, options).label).toBe('spam')
  })
})

describe('weights', () => {
  test('of 0 turn a signal off', () => {
    const verdict = classifyStatus(makeWaveStatus(), { weights: { 'mention-density': 0 } })
    expect(verdict.reasons).toEqual([])
    expect(verdict.label).toBe('clean')
  })

  test('override the preset', () => {
    const verdict = classifyStatus(makeWaveStatus(), { weights: { 'mention-density': 2 } })
    expect(verdict.reasons.find((r) => r.signal === 'mention-density')?.score).toBe(1.7)
  })
})

describe('custom signals', () => {
  test('run next to the built-in ones with their weight', () => {
    const verdict = classifyStatus(makeStatus({ content: '<p>buy now</p>' }), { signals: [...RECOMMENDED_SIGNALS, customSignal()], weights: { 'says-buy': 3.5 } })
    expect(verdict).toMatchObject({ label: 'clean', score: 1, reasons: [{ signal: 'says-buy', score: 3.5, message: 'Says buy.', evidence: ['buy'] }, { signal: 'established-author', score: -2.5 }] })
  })

  test('become a skipped entry when they throw', () => {
    const throwing = customSignal({
      id: 'throws',
      evaluate: () => {
        throw new Error('broken signal')
      },
    })
    const verdict = classifyStatus(makeWaveStatus(), { signals: [...RECOMMENDED_SIGNALS, throwing], weights: { throws: 1 } })
    expect(verdict.label).toBe('spam')
    expect(verdict.skipped).toEqual([{ signal: 'throws', because: 'error', detail: 'broken signal' }])
  })

  test('report a thrown non-Error value', () => {
    const throwing = customSignal({
      evaluate: () => {
        throw 'plain string'
      },
    })
    expect(classifyStatus(makeStatus(), { signals: [throwing], weights: { 'says-buy': 1 } }).skipped).toEqual([{ signal: 'says-buy', because: 'error', detail: 'plain string' }])
  })
})

describe('unknown option keys', () => {
  // options | the message names
  test.each([
    [{ threshold: { spam: 7 } }, 'option threshold is not an option: did you mean thresholds?'],
    [{ viwer: { acct: 'me@home.example' } }, 'option viwer is not an option: did you mean viewer?'],
    [{ weight: {} }, 'option weight is not an option: did you mean weights?'],
    [{ thresholds: { spamm: 7 } }, 'option thresholds.spamm is not an option: did you mean thresholds.spam?'],
    [{ viewer: { folows: [] } }, 'option viewer.folows is not an option: did you mean viewer.follows?'],
    [{ limits: { maxContent: 5 } }, 'option limits.maxContent is not an option: did you mean limits.maxContentLength?'],
    [{ allow: { account: [] } }, 'option allow.account is not an option: did you mean allow.accounts?'],
    [{ zzzzzz: 1 }, 'option zzzzzz is not an option (known: viewer, now'],
  ])('%j throws, naming the nearest known key', (options, message) => {
    expect(() => classifyStatus(makeStatus(), options as never)).toThrow(message)
    expect(() => createSpamFilter(options as never)).toThrow(message)
  })

  test('a filter option given to classifyStatus says where it belongs', () => {
    expect(() => classifyStatus(makeStatus(), { memory: false } as never)).toThrow('option memory is an option of createSpamFilter, not here')
    expect(() => createSpamFilter({ memory: false, ocrMode: 'never' })).not.toThrow()
  })

  test('memory options are checked too', () => {
    expect(() => createSpamFilter({ memory: { maxStatus: 10 } as never })).toThrow('option memory.maxStatus is not an option: did you mean memory.maxStatuses?')
  })

  test('per-call context keys are checked too', () => {
    expect(() => createSpamFilter().classify(makeStatus(), { vewer: {} } as never)).toThrow('option context.vewer is not an option: did you mean context.viewer?')
  })
})

describe('createSpamFilter(null) and other non-objects', () => {
  test.each([[null], [42], ['viewer'], [[]]])('%j throws a clear SpamFilterConfigError', (value) => {
    expect(() => createSpamFilter(value as never)).toThrow(SpamFilterConfigError)
    expect(() => createSpamFilter(value as never)).toThrow(/option options must be an object or undefined/u)
    expect(() => classifyStatus(makeStatus(), value as never)).toThrow(/option options must be an object or undefined/u)
  })
})

describe('classifyStatus: per-call options', () => {
  const status = makeWaveStatus()
  test('{ now } and { viewer } give what fully resolved options give', () => {
    for (const options of [{ now: Date.parse('2024-02-16T13:00:00Z') }, { viewer: { acct: 'me@example.social', follows: ['x@y.example'] } }, {}] as ClassifyOptions[]) {
      expect(classifyStatus(status, options)).toEqual(classifyStatus(status, { ...options, thresholds: {} }))
    }
  })

  test('still names a bad per-call option', () => {
    expect(configError(() => classifyStatus(status, { now: Number.NaN })).option).toBe('now')
    expect(configError(() => classifyStatus(status, { viewer: { acct: 5 as never } })).option).toBe('viewer.acct')
  })

  test('the same options object is resolved once', () => {
    let reads = 0
    const options = {
      get thresholds() {
        reads++
        return { spam: 6 }
      },
    }
    classifyStatus(status, options)
    const once = reads
    expect(once).toBeGreaterThan(0)
    classifyStatus(status, options)
    classifyStatus(status, options)
    expect(reads).toBe(once)
  })
})
