import { describe, expect, test } from 'vitest'
import { establishedAuthor } from '../../src/signals/established-author.js'
import type { AccountInput } from '../../src/status/status-input.js'
import { evaluate } from '../helpers/evaluate.js'
import { DAY, makeStatus, NOW } from '../helpers/make-status.js'

const OLD = new Date(NOW - 400 * DAY).toISOString()
const NEW = new Date(NOW - 10 * DAY).toISOString()

describe('establishedAuthor', () => {
  describe('fires', () => {
    // case | account | strength | evidence
    test.each([
      ['for an old account with followers and posts', { created_at: OLD, followers_count: 120, statuses_count: 300 }, 1, ['account 400 days old', '120 followers', '300 posts']],
      ['for an old account with followers', { created_at: OLD, followers_count: 50, statuses_count: 3 }, 2 / 3, ['account 400 days old', '50 followers']],
      ['for a new account with followers and posts', { created_at: NEW, followers_count: 80, statuses_count: 50 }, 2 / 3, ['80 followers', '50 posts']],
      ['for an old account with posts and unknown followers', { created_at: OLD, followers_count: null, statuses_count: 51 }, 2 / 3, ['account 400 days old', '51 posts']],
    ] as [string, Partial<AccountInput>, number, string[]][])('%s', (_case, account, strength, evidence) => {
      const hit = evaluate(establishedAuthor, makeStatus({ account }))
      expect(hit?.strength).toBeCloseTo(strength, 5)
      expect(hit?.evidence).toEqual(evidence)
      expect(hit?.message).toBe(`The author is established: ${evidence.join(', ')}.`)
    })
  })

  describe('stays silent', () => {
    // case | account
    test.each([
      ['for a new account with few followers', { created_at: NEW, followers_count: 3, statuses_count: 300 }],
      ['for an old account with nothing else', { created_at: OLD, followers_count: 0, statuses_count: 0 }],
      ['for a February 2024 spam account', { created_at: NEW, followers_count: 0, following_count: 0, statuses_count: 1 }],
      ['for an account with no facts at all', { created_at: null, followers_count: null, statuses_count: null }],
      ['for 49 followers and 49 posts', { created_at: NEW, followers_count: 49, statuses_count: 49 }],
    ] as [string, Partial<AccountInput>][])('%s', (_case, account) => {
      expect(evaluate(establishedAuthor, makeStatus({ account }))).toBeUndefined()
    })
  })
})
