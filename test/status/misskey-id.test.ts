import { describe, expect, test } from 'vitest'
import { misskeyIdTime } from '../../src/status/misskey-id.js'

const AT = Date.parse('2024-02-16T03:05:11.000Z')

describe('misskeyIdTime', () => {
  describe('decodes', () => {
    // columns: format, id made at AT (see fixtures/misskey/README.md for the layouts)
    test.each([
      ['aid', '9prmsnywx1'],
      ['aidx', '9prmsnyw0a1b0001'],
      ['meid', '818dafe006580123456789ab'],
      ['meidg', 'g18dafe006580123456789ab'],
      ['ulid', '01HPQY01JRABCDEFGHJKMNPQRS'],
    ])('an %s id', (_format, id) => {
      expect(misskeyIdTime(id)).toBe(AT)
    })

    test('an objectid id to the second', () => {
      expect(misskeyIdTime('65ced0e70123456789abcdef')).toBe(AT)
    })
  })

  describe('returns undefined', () => {
    // columns: what, value
    test.each([
      ['for a Mastodon snowflake', '111355050000000001'],
      ['for an empty string', ''],
      ['for a number', 42],
      ['for an aid before Misskey existed', '0000000000'],
      ['for text', 'hello-world'],
    ])('%s', (_what, id) => {
      expect(misskeyIdTime(id)).toBeUndefined()
    })
  })
})
