import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isMachineUsername, machineUsername } from '../../src/signals/machine-username.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeStatus } from '../helpers/make-status.js'

// Spam handles of the 2024 waves, as cited in public moderation lists
// (../shared/corpus/spam/spam-facts.md §1 and spam-account-handles.tsv).
const SPAM_HANDLES = ['5wq130rvkg', 'cs1x1ymita', 'bhkewcmcak', 'xo6sbc7j62', '9YolBr05AC']
// Made-up human handles in the styles people pick: names, words, name + birthday, underscores.
const HUMAN_HANDLES = ['iorin0225', 'cocoabottle', 'johnsmith', 'alice_w', 'alice', 'mastodonuser', 'catgirl99', 'john1234', 'Gargron', 'rhythms', 'waterproofepoxy', 'xoilac33', 'sunnygarden', 'bread_and_bikes', 'ゆきだるま']

describe('machineUsername', () => {
  describe('fires', () => {
    // username
    test.each(SPAM_HANDLES.map((h) => [h]))('at full strength for the 10-character spam handle %s', (username) => {
      const hit = evaluate(machineUsername, makeStatus({ account: { username, acct: `${username}@spam.example` } }))
      expect(hit).toEqual({ strength: 1, message: `The username "${username}" looks machine-made.`, params: { username }, evidence: [username] })
    })

    // username
    test.each([['x7k2m9q4'], ['a1b2c3d4e5f6g7']])('at 0.6 for the random handle %s of another length', (username) => {
      expect(evaluate(machineUsername, makeStatus({ account: { username } }))?.strength).toBe(0.6)
    })
  })

  describe('stays silent', () => {
    // username
    test.each(HUMAN_HANDLES.map((h) => [h]))('for the human handle %s', (username) => {
      expect(evaluate(machineUsername, makeStatus({ account: { username } }))).toBeUndefined()
    })

    test('without a username', () => {
      expect(evaluate(machineUsername, makeStatus({ account: { username: null, acct: null } }))).toBeUndefined()
    })
  })
})

describe('isMachineUsername', () => {
  // username | machine-made
  test.each([
    ['5wq130rvkg', true],
    ['9YolBr05AC', true],
    ['bhkewcmcak', true],
    ['abc', false],
    ['a'.repeat(17), false],
    ['has space1', false],
    ['under_sc0re', false],
  ])('%j is %j', (username, expected) => {
    expect(isMachineUsername(username)).toBe(expected)
  })
})

describe('isMachineUsername counts vowels in its one pass', () => {
  /** The rule written with a regex replace and match, as it was before the single pass. */
  function reference(username: string): boolean {
    if (!/^[a-zA-Z0-9]{8,16}$/u.test(username)) return false
    let switches = 0
    let previous = ''
    for (const char of username) {
      const kind = char >= '0' && char <= '9' ? 'd' : char >= 'a' && char <= 'z' ? 'l' : 'u'
      if (previous !== '' && kind !== previous) switches++
      previous = kind
    }
    if (switches >= 2) return true
    const letters = username.replace(/[0-9]/gu, '')
    const vowels = letters.match(/[aeiouy]/giu)?.length ?? 0
    return letters.length >= 6 && vowels / letters.length <= 0.2
  }

  test('agrees with the regex version on any short handle', () => {
    const char = fc.constantFrom(...'aeiouyAEIOUYbcdxzBCDXZ0189_é'.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 6, maxLength: 18 }), (chars) => {
        const username = chars.join('')
        expect(isMachineUsername(username)).toBe(reference(username))
      }),
      { numRuns: 3_000 },
    )
  })
})
