import { describe, expect, test } from 'vitest'
import { botAccount } from '../../src/signals/bot-account.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeStatus } from '../helpers/make-status.js'

describe('botAccount', () => {
  describe('fires', () => {
    test('for an account marked as a bot', () => {
      expect(evaluate(botAccount, makeStatus({ account: { bot: true } }))).toEqual({
        strength: 1,
        message: 'The account is marked as automated (a bot).',
        params: { acct: 'alice@example.social' },
        evidence: ['@alice@example.social'],
      })
    })
  })

  describe('stays silent', () => {
    // bot field
    test.each([[false], [null], [undefined], ['true'], [1]])('for bot: %j', (bot) => {
      expect(evaluate(botAccount, makeStatus({ account: { bot: bot as boolean } }))).toBeUndefined()
    })
  })
})
