import { describe, expect, test } from 'vitest'
import { classifyStatus, validateRules } from '../../src/index.js'
import { usernameBlock } from '../../src/internals.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeSpamAccount, makeStatus, makeWaveStatus } from '../helpers/make-status.js'

const RULES = { version: 1 as const, usernames: ['spambot', { username: 'admin', comparison: 'equals' as const, blocked: false }, { username: 'ctkpaarr', comparison: 'equals' as const }] }
const by = (username: string) => makeStatus({ account: { username, acct: `${username}@spam.example` } })

describe('usernameBlock', () => {
  describe('fires', () => {
    // case | username | rule | strength
    test.each([
      ['for a name containing a blocked word', 'thespambot', 'spambot', 1],
      ['with digits read as letters, as Mastodon 4.4 does', 'sp4mb0t99', 'spambot', 1],
      ['with upper case and look-alike letters', 'SPАMBOT', 'spambot', 1],
      ['at half strength for an allow-with-approval name', 'Admin', 'admin', 0.5],
      ['for an exact name with digits', 'ctkp44rr', 'ctkpaarr', 1],
    ])('%s (%s)', (_case, username, rule, strength) => {
      const hit = evaluateWithRules(usernameBlock, by(username), RULES)
      expect(hit?.strength).toBe(strength)
      expect(hit?.evidence).toEqual([`@${username.toLowerCase()}@spam.example`, rule])
      expect(hit?.params).toMatchObject({ username, rule })
    })
  })

  describe('does not fire', () => {
    test.each([
      ['for an equals rule inside a longer name', 'admins'],
      ['for an unrelated name', 'alice'],
      ['for a name that only shares letters', 'spam'],
    ])('%s (%s)', (_case, username) => {
      expect(evaluateWithRules(usernameBlock, by(username), RULES)).toBeUndefined()
    })

    test('without rules', () => {
      expect(classifyStatus(by('spambot')).reasons.map((r) => r.signal)).not.toContain('username-block')
    })
  })

  test('counts as an author signal: only next to post evidence', () => {
    expect(classifyStatus(by('spambot'), { rules: RULES }).label).toBe('clean')
    const wave = makeWaveStatus({ account: makeSpamAccount({ username: 'spambot1', acct: 'spambot1@spam.example' }) })
    expect(classifyStatus(wave, { rules: RULES }).reasons.map((r) => r.signal)).toContain('username-block')
  })

  test('rules are checked, naming the bad entry', () => {
    expect(validateRules({ version: 1, usernames: ['a', { username: 'x1', comparison: 'like' }, { name: 'y' }, 42] })).toEqual([
      { path: 'rules.usernames[0]', problem: 'must be at least 2 letters, so it cannot match nearly every name, got "a"' },
      { path: 'rules.usernames[1].comparison', problem: 'must be "equals" or "contains", got "like"' },
      { path: 'rules.usernames[2].name', problem: 'is not a known key (known: username, comparison, blocked, note)' },
      { path: 'rules.usernames[2].username', problem: 'must be a non-empty username, got undefined' },
      { path: 'rules.usernames[3]', problem: 'must be a username or { username, comparison?, blocked? }, got 42' },
    ])
  })
})
