import { describe, expect, test } from 'vitest'

import { classifyStatus } from '../../src/classify.js'
import { authorServer } from '../../src/signals/author-server.js'
import { evaluate } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeSpamAccount, makeStatus, makeWaveStatus } from '../helpers/make-status.js'

const RULES = {
  version: 1,
  servers: [{ domains: ['open.example'] }, { domains: ['blocked.example'], blocked: true }],
} as const
const from = (acct: string): ReturnType<typeof makeStatus> => makeStatus({ account: { acct, username: acct.split('@')[0] ?? '' } })

describe('authorServer', () => {
  describe('fires', () => {
    // case | author acct | strength | evidence
    test.each([
      ['weakly for a listed server', 'spammer@open.example', 0.25, 'open.example'],
      ['weakly for a subdomain of a listed server', 'spammer@social.open.example', 0.25, 'open.example'],
      ['strongly for a blocked server', 'spammer@blocked.example', 1, 'blocked.example'],
      ['for a Punycode acct host', 'spammer@XN--68J5E377Y.COM', 0.25, '荒らし.com'],
    ])('%s', (_case, acct, strength, domain) => {
      const rules = { ...RULES, servers: [...RULES.servers, { domains: ['荒らし.com'] }] }
      const hit = evaluateWithRules(authorServer, from(acct), rules)
      expect(hit?.strength).toBe(strength)
      expect(hit?.evidence).toEqual([domain])
    })
  })

  describe('does not fire', () => {
    test('without a server list', () => {
      expect(evaluate(authorServer, from('spammer@open.example'))).toBeUndefined()
    })

    test('for another server', () => {
      expect(evaluateWithRules(authorServer, from('alice@example.social'), RULES)).toBeUndefined()
    })

    test('for a server whose name only ends the same', () => {
      expect(evaluateWithRules(authorServer, from('alice@notopen.example'), RULES)).toBeUndefined()
    })
  })

  test('adds to the wave shape only (an author signal)', () => {
    const plain = makeStatus({ account: makeSpamAccount({ acct: 'x@blocked.example' }) })
    expect(classifyStatus(plain, { rules: RULES }).label).toBe('clean')
    const wave = makeWaveStatus({ account: makeSpamAccount({ acct: 'x@blocked.example' }) })
    expect(classifyStatus(wave, { rules: RULES }).reasons.map((r) => r.signal)).toContain('author-server')
  })
})
