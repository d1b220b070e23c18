import { describe, expect, test } from 'vitest'
import { accountCreatedAt, snowflakeTime } from '../../src/status/snowflake.js'
import { DAY, HOUR, snowflakeId } from '../helpers/make-status.js'

const MIDNIGHT = Date.UTC(2024, 1, 16)

describe('snowflakeTime', () => {
  test('reads the time of a Mastodon snowflake id', () => {
    const at = MIDNIGHT + 11 * HOUR + 50 * 60_000 + 123
    expect(snowflakeTime(snowflakeId(at, 40_000))).toBe(at)
  })

  // id
  test.each([[undefined], [''], ['1'], ['123456'], ['abc111939393945600000'], ['1119393939456000001234'], ['100000000000000'], ['-111939393945600000']])(
    'is undefined for %j',
    (id) => {
      expect(snowflakeTime(id)).toBeUndefined()
    },
  )
})

describe('accountCreatedAt', () => {
  // case | created_at | snowflake time | result
  test.each([
    ['the snowflake time within the day of a midnight created_at', MIDNIGHT, MIDNIGHT + 5 * HOUR, MIDNIGHT + 5 * HOUR],
    ['the snowflake time at midnight itself', MIDNIGHT, MIDNIGHT, MIDNIGHT],
    ['created_at when the snowflake is a day later (a remote account seen later)', MIDNIGHT, MIDNIGHT + DAY + HOUR, MIDNIGHT],
    ['created_at when the snowflake is before it', MIDNIGHT, MIDNIGHT - HOUR, MIDNIGHT],
    ['created_at when created_at is already precise', MIDNIGHT + 3 * HOUR, MIDNIGHT + 4 * HOUR, MIDNIGHT + 3 * HOUR],
  ])('uses %s', (_case, createdAt, idTime, expected) => {
    expect(accountCreatedAt(createdAt, snowflakeId(idTime))).toBe(expected)
  })

  test('uses created_at when the id is not a snowflake', () => {
    expect(accountCreatedAt(MIDNIGHT, '12345')).toBe(MIDNIGHT)
    expect(accountCreatedAt(MIDNIGHT, undefined)).toBe(MIDNIGHT)
  })

  test('is undefined without created_at, whatever the id says', () => {
    expect(accountCreatedAt(undefined, snowflakeId(MIDNIGHT))).toBeUndefined()
  })
})
