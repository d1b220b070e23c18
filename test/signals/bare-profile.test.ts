import { describe, expect, test } from 'vitest'
import { bareProfile } from '../../src/signals/bare-profile.js'
import type { AccountInput } from '../../src/status/status-input.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeSpamAccount, makeStatus } from '../helpers/make-status.js'

const MISSING = 'https://example.social/avatars/original/missing.png'
const NO_FOLLOWS = { followers_count: 0, following_count: 0 }

describe('bareProfile', () => {
  describe('fires', () => {
    // case | account overrides (over an ordinary account) | strength | evidence
    test.each([
      ['for the February 2024 account (all four)', makeSpamAccount(), 1, ['default avatar', 'display name is the username', 'empty bio', 'no followers, follows nobody']],
      ['for a default avatar, no display name and an empty bio', { avatar: MISSING, display_name: '', note: '' }, 0.75, ['default avatar', 'no display name', 'empty bio']],
      ['for a display name equal to the username in another case', { display_name: 'ALICE', ...NO_FOLLOWS }, 0.5, ['display name is the username', 'no followers, follows nobody']],
      ['for an empty HTML bio and no avatar', { note: '<p></p>', avatar: '' }, 0.5, ['default avatar', 'empty bio']],
      ['for a blank display name and no follows', { display_name: '   ', ...NO_FOLLOWS }, 0.5, ['no display name', 'no followers, follows nobody']],
    ] as [string, Partial<AccountInput>, number, string[]][])('%s', (_case, account, strength, evidence) => {
      const hit = evaluate(bareProfile, makeStatus({ account }))
      expect(hit?.strength).toBe(strength)
      expect(hit?.evidence).toEqual(evidence)
      expect(hit?.message).toBe(`The profile is bare: ${evidence.join(', ')}.`)
    })
  })

  describe('stays silent', () => {
    // case | account overrides
    test.each([
      ['for an ordinary profile', {}],
      ['for only a default avatar', { avatar: MISSING }],
      ['for only no followers and no follows', NO_FOLLOWS],
      ['for no followers but some follows, and a default avatar', { avatar: MISSING, followers_count: 0, following_count: 5 }],
      ['for an empty bio with profile fields, and a default avatar', { avatar: MISSING, note: '', fields: [{ name: 'web', value: 'https://alice.example' }] }],
      ['for unknown follower counts and a default avatar', { avatar: MISSING, followers_count: null, following_count: null }],
    ] as [string, Partial<AccountInput>][])('%s', (_case, account) => {
      expect(evaluate(bareProfile, makeStatus({ account }))).toBeUndefined()
    })

    test('for a status with no account', () => {
      expect(evaluate(bareProfile, makeStatus({ account: null }))).toBeUndefined()
    })
  })
})
