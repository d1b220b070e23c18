import { describe, expect, test } from 'vitest'
import { newAccount } from '../../src/signals/new-account.js'
import { evaluate } from '../helpers/evaluate.js'
import { DAY, HOUR, makeStatus, NOW, snowflakeId } from '../helpers/make-status.js'

/** A status by an account created `age` ms before the post, with a precise `created_at`. */
/** Its profile has no bio, so the strength is not halved for a filled-in profile. */
const byAccountAged = (age: number): ReturnType<typeof makeStatus> => makeStatus({ account: { created_at: new Date(NOW - age).toISOString(), id: '1', note: '' } })

describe('newAccount', () => {
  describe('fires', () => {
    // case | account age in ms | strength | message
    test.each([
      ['for an account 10 minutes old', 10 * 60_000, 1, 'The account was created 10 minutes before this post.'],
      ['for an account 5 hours old', 5 * HOUR, 0.9, 'The account was created 5 hours before this post.'],
      ['for an account 2 days old', 2 * DAY, 0.7, 'The account was created 2 days before this post.'],
      ['for an account 5 days old', 5 * DAY, 0.5, 'The account was created 5 days before this post.'],
      ['for an account 20 days old', 20 * DAY, 0.25, 'The account was created 20 days before this post.'],
      ['for an account "created" after the post (clock skew)', -HOUR, 1, 'The account was created 0 minutes before this post.'],
    ])('%s', (_case, age, strength, message) => {
      const hit = evaluate(newAccount, byAccountAged(age))
      expect(hit?.strength).toBe(strength)
      expect(hit?.message).toBe(message)
      expect(hit?.evidence).toEqual([new Date(NOW - age).toISOString()])
    })

    test('at half strength when the profile is filled in (picture, bio, a name of its own)', () => {
      const status = makeStatus({ account: { created_at: new Date(NOW - 5 * HOUR).toISOString(), id: '1' } })
      expect(evaluate(newAccount, status)).toMatchObject({ strength: 0.45, message: 'The account was created 5 hours before this post, though its profile is filled in.' })
    })

    test('with the minute from the snowflake id when created_at is rounded to midnight', () => {
      const status = makeStatus({ account: { created_at: '2024-02-16T00:00:00.000Z', id: snowflakeId(NOW - 10 * 60_000), note: '' } })
      expect(evaluate(newAccount, status)).toMatchObject({ strength: 1, message: 'The account was created 10 minutes before this post.' })
    })

    test('with the post time from `now` when the status has none', () => {
      const status = makeStatus({ created_at: null, account: { created_at: '2024-02-16T11:30:00.000Z', note: '' } })
      expect(evaluate(newAccount, status, { now: NOW })?.strength).toBe(1)
    })
  })

  describe('stays silent', () => {
    // case | account
    test.each([
      ['for an account 30 days old', { created_at: new Date(NOW - 30 * DAY).toISOString() }],
      ['for an account two years old', { created_at: '2022-01-10T00:00:00.000Z' }],
      ['without created_at', { created_at: null }],
      ['for a malformed created_at', { created_at: 'last week' }],
      ['when only the snowflake id is recent (created_at is two years old)', { created_at: '2022-01-10T00:00:00.000Z', id: snowflakeId(NOW - HOUR) }],
    ])('%s', (_case, account) => {
      expect(evaluate(newAccount, makeStatus({ account }))).toBeUndefined()
    })
  })
})
