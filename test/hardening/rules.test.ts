/**
 * Issue 12, row "rules from JS": own properties only, lists capped before iteration, hostile
 * objects reported as problems, compile linear. On the landed main the inherited keys were
 * accepted and a sparse `Array(2 ** 32 - 1)` kept `validateRules` running for minutes.
 */
import { describe, expect, test } from 'vitest'
import { SpamFilterConfigError } from '../../src/errors.js'
import { createSpamFilter } from '../../src/filter.js'
import { resolveRules } from '../../src/rules/resolve-rules.js'
import type { RulesDocument } from '../../src/rules/rules-document.js'
import { validateRules } from '../../src/rules/validate-rules.js'
import { costRatio } from '../helpers/cost-ratio.js'

const HUGE = 2 ** 32 - 1

describe('rules validation on hostile documents', () => {
  test('inherited keys are not read: a prototype carrying blockDomains is a problem', () => {
    const document = { version: 1, __proto__: { blockDomains: ['spam.example'] } }
    expect(validateRules(document)).toEqual([expect.objectContaining({ path: 'rules.blockDomains', problem: expect.stringContaining('inherited') })])
    expect(() => createSpamFilter({ rules: document as never })).toThrow(SpamFilterConfigError)
    // Not even `version` is taken from a prototype.
    expect(validateRules(Object.create({ version: 1 }) as unknown)).toContainEqual(expect.objectContaining({ path: 'rules.version' }))
  })

  test.each(['blockDomains', 'allowDomains', 'shorteners', 'phrases', 'servers', 'usernames'])('a sparse Array(2**32-1) as %s is refused before iteration', (key) => {
    const problems = validateRules({ version: 1, [key]: new Array(HUGE) })
    expect(problems).toEqual([expect.objectContaining({ path: `rules.${key}`, problem: expect.stringContaining('more than') })])
  })

  test('a username rule reads own properties only, and a list of bad entries stops at the problem cap', () => {
    const inherited = Object.create({ username: 'admin' }) as object
    expect(validateRules({ version: 1, usernames: [inherited] })).toContainEqual(expect.objectContaining({ path: 'rules.usernames[0].username' }))
    expect(validateRules({ version: 1, usernames: Array.from({ length: 50_000 }, () => 7) }).length).toBeLessThanOrEqual(1_000)
  })

  test('a sparse list of server domains and a sparse list of documents are refused at once', () => {
    expect(validateRules({ version: 1, servers: { domains: new Array(HUGE) } })[0]?.path).toBe('rules.servers.domains')
    expect(() => resolveRules(new Array(HUGE) as never)).toThrow(SpamFilterConfigError)
    expect(() => createSpamFilter({ allow: { accounts: new Array(HUGE) } })).toThrow(SpamFilterConfigError)
  })

  test('hostile values are problems, not crashes: cycles, throwing getters, revoked proxies', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(validateRules({ version: cyclic })[0]?.path).toBe('rules.version')
    expect(validateRules({ version: 1, phrases: [{ pattern: 'x y', blatant: cyclic }] })[0]?.path).toBe('rules.phrases[0].blatant')
    const getter = { version: 1, get phrases(): never { throw new Error('boom') } }
    expect(validateRules(getter)).toEqual([expect.objectContaining({ path: 'rules', problem: expect.stringContaining('could not be read') })])
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(validateRules(proxy)[0]?.path).toBe('rules')
    expect(validateRules({ version: 1, blockDomains: proxy })[0]?.path).toBe('rules')
    expect(() => resolveRules(proxy as never)).toThrow(SpamFilterConfigError)
  })

  test('an overlong domain entry is refused without normalizing it', () => {
    expect(validateRules({ version: 1, blockDomains: ['a'.repeat(1_000_000)] })[0]?.problem).toContain('longer than')
  })
})

describe('rules compile in linear time', () => {
  const documentOf = (n: number): RulesDocument => ({
    version: 1,
    phrases: Array.from({ length: n }, (_, i) => `"w${i.toString(36)}x free" nitro${i % 97}`),
    blockDomains: Array.from({ length: n }, (_, i) => `s${i}.example.com`),
  })

  test('4× the entries costs well under 8× the time (a ratio, not a time limit)', () => {
    const small = documentOf(4_000)
    const large = documentOf(16_000)
    expect(costRatio(() => resolveRules(small), () => resolveRules(large), 3, 150)).toBeLessThan(8)
  })
})
