import { describe, expect, test } from 'vitest'
import type { FollowsOption } from '../../src/options.js'
import { followedAuthor } from '../../src/signals/followed-author.js'
import type { AccountInput } from '../../src/status/status-input.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeStatus } from '../helpers/make-status.js'

const VIEWER = 'me@example.social'

describe('followedAuthor', () => {
  describe('fires', () => {
    // case | author account | follows
    test.each([
      ['for an author in a follow list', {}, ['alice@example.social']],
      ['for an author in a follow list written with @ and capitals', {}, ['@Alice@Example.Social']],
      ['for an author in a follow set', {}, new Set(['alice@example.social'])],
      ['for an author in a follow set written with a leading @', {}, new Set(['@alice@example.social'])],
      ['for a local author in a set of bare usernames', { acct: 'alice' }, new Set(['alice'])],
      ['for a local author qualified with the viewer host', { acct: 'alice' }, ['alice@example.social']],
      ['for an author a predicate accepts', {}, (acct: string) => acct === 'alice@example.social'],
    ] as [string, Partial<AccountInput>, FollowsOption][])('%s', (_case, account, follows) => {
      expect(evaluate(followedAuthor, makeStatus({ account }), { viewer: { acct: VIEWER, follows } })).toEqual({
        strength: 1,
        clears: true,
        message: 'You follow this account.',
        params: { acct: 'alice@example.social' },
        evidence: ['@alice@example.social'],
      })
    })
  })

  describe('stays silent', () => {
    // case | author account | follows (undefined: the app did not say)
    test.each([
      ['when the viewer does not follow the author', {}, ['bob@example.social']],
      ['when the app did not say whom the viewer follows', {}, undefined],
      ['when the predicate throws', {}, () => {
        throw new Error('storage locked')
      }],
      ['when the predicate returns something other than true', {}, () => 'yes' as unknown as boolean],
      ['when the author is unknown', { acct: null, username: null }, () => true],
      ['for the same username on another server', { acct: 'alice@other.example' }, ['alice@example.social']],
    ] as [string, Partial<AccountInput>, FollowsOption | undefined][])('%s', (_case, account, follows) => {
      const viewer = follows === undefined ? { acct: VIEWER } : { acct: VIEWER, follows }
      expect(evaluate(followedAuthor, makeStatus({ account }), { viewer })).toBeUndefined()
    })
  })
})
