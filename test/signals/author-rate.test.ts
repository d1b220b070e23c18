import { describe, expect, test } from 'vitest'
import { classifyStatus, createMemoryStore, createSpamFilter, type SpamFilterOptions, type Verdict } from '../../src/index.js'
import { statusMaker } from '../history/fixtures.js'

const HOUR = 3_600_000
const rate = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'author-rate')
/** Distinct strangers: `count` accounts from `start`. */
const accts = (start: number, count: number): string[] => Array.from({ length: count }, (_, i) => `person${start + i}@far${(start + i) % 5}.example`)
/** A text of eight made-up words of its own, different for every `n` (no shared 3-grams to speak of). */
const own = (n: number): string => {
  let seed = (n + 1) * 2654435761
  const letter = (): string => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return 'abcdefghijklmnopqrstuvwxyz'[(seed >>> 16) % 26]!
  }
  return Array.from({ length: 8 }, () => Array.from({ length: 6 }, letter).join('')).join(' ')
}

/** One author posts `statuses` different texts, each mentioning `per` new strangers; the verdict of the last. */
function spread(statuses: number, per: number, options: SpamFilterOptions = {}, extra: { reply?: boolean; spacing?: number } = {}): Verdict {
  const filter = createSpamFilter(options)
  const make = statusMaker()
  let last: Verdict | undefined
  for (let i = 0; i < statuses; i++) {
    const input = make('blaster', own(i), { mentions: accts(i * per, per), at: i * (extra.spacing ?? 60_000) })
    last = filter.classify(extra.reply === true ? { ...input, in_reply_to_id: '1' } : input)
  }
  return last!
}

describe('authorRate', () => {
  describe('fires', () => {
    // statuses | mentions each | strength
    test.each([
      [8, 2, 0.5 + (0.5 * 1) / 15],
      [15, 2, 1],
      [5, 3, 0.5],
    ])('when %i statuses with %i strangers each add up to 15 or more distinct accounts', (statuses, per, strength) => {
      const hit = rate(spread(statuses, per))
      expect(hit?.evidence[0]).toBe(`${statuses * per} accounts mentioned`)
      expect(hit?.score).toBeCloseTo(3 * strength, 5)
    })

    test('when one author posts the same text three times at new strangers', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const text = 'Hello, we are giving away free art commissions to everyone who joins our server this week'
      expect(rate(filter.classify(make('echo', text, { mentions: accts(0, 1) })))).toBeUndefined()
      expect(rate(filter.classify(make('echo', text, { mentions: accts(1, 1) })))).toBeUndefined()
      const third = rate(filter.classify(make('echo', text, { mentions: accts(2, 1) })))
      expect(third?.evidence).toEqual(['3 copies of this text'])
      expect(third?.message).toContain('posted this text 3 times')
    })

    test('across two filters sharing one store', () => {
      const memory = createMemoryStore()
      const filters = [createSpamFilter({ memory }), createSpamFilter({ memory })]
      const make = statusMaker()
      let last: Verdict | undefined
      for (let i = 0; i < 8; i++) last = filters[i % 2]!.classify(make('blaster', own(i), { mentions: accts(i * 2, 2) }))
      expect(rate(last!)?.evidence[0]).toBe('16 accounts mentioned')
    })
  })

  describe('stays silent', () => {
    test('under 15 distinct accounts', () => {
      expect(rate(spread(7, 2))).toBeUndefined()
    })

    test('when the same accounts are mentioned again and again', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      let last: Verdict | undefined
      for (let i = 0; i < 20; i++) last = filter.classify(make('friend', own(i), { mentions: accts(0, 3) }))
      expect(rate(last!)).toBeUndefined()
    })

    test('for replies', () => {
      expect(rate(spread(15, 2, {}, { reply: true }))).toBeUndefined()
    })

    test('for accounts the viewer follows', () => {
      expect(rate(spread(15, 2, { viewer: { acct: 'me@home.example', follows: accts(0, 30) } }))).toBeUndefined()
    })

    test('for mentions spread wider than memory.windowMs', () => {
      expect(rate(spread(8, 2, { memory: { windowMs: HOUR } }, { spacing: HOUR / 2 }))).toBeUndefined()
      expect(rate(spread(8, 2, { memory: { windowMs: 24 * HOUR } }, { spacing: HOUR / 2 }))).toBeDefined()
    })

    test('for a templated bot repeating a text that mentions no one', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      let last: Verdict | undefined
      for (let i = 0; i < 5; i++) last = filter.classify(make('bot', 'Reminder: drink some water and stretch your legs, friends of the timeline'))
      expect(rate(last!)).toBeUndefined()
    })

    test('for the same status classified again (same id)', () => {
      const filter = createSpamFilter()
      const input = statusMaker()('echo', 'Hello, we are giving away free art commissions to everyone who joins', { mentions: accts(0, 1) })
      for (let i = 0; i < 4; i++) expect(rate(filter.classify(input))).toBeUndefined()
    })

    test('for an author without an acct (all such authors share one key)', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      let last: Verdict | undefined
      for (let i = 0; i < 4; i++) {
        const input = make('someone', 'We are giving away free art commissions to everyone who joins our server', { mentions: accts(i, 1) })
        last = filter.classify({ ...input, account: { ...input.account, acct: '', username: '' } })
      }
      expect(rate(last!)).toBeUndefined()
    })

    test('in classifyStatus, which has no memory', () => {
      const make = statusMaker()
      expect(rate(classifyStatus(make('blaster', 'hello', { mentions: accts(0, 40) })))).toBeUndefined()
    })
  })
})

describe('authorRate with ActivityPub ids (URLs longer than the ids the memory keeps whole)', () => {
  const urlId = (n: number): string => `https://social.example/users/echo/statuses/11350000000000${n}`

  test('counts the same author posting one text again under other long ids', () => {
    const filter = createSpamFilter()
    const make = statusMaker()
    const text = 'Hello, we are giving away free art commissions to everyone who joins our server this week'
    let last: Verdict | undefined
    for (let i = 0; i < 3; i++) last = filter.classify(make('echo', text, { id: urlId(i), mentions: accts(i, 1) }))
    expect(rate(last!)?.evidence).toEqual(['3 copies of this text'])
  })

  test('does not count one long-id status classified again, nor after an export and import', () => {
    const filter = createSpamFilter()
    const input = statusMaker()('echo', 'Hello, we are giving away free art commissions to everyone who joins', { id: urlId(7), mentions: accts(0, 1) })
    for (let i = 0; i < 3; i++) expect(rate(filter.classify(input))).toBeUndefined()
    const copy = createSpamFilter()
    copy.importMemory(filter.exportMemory())
    expect(copy.observe(input)).toBe(0)
    expect(rate(copy.classify(input))).toBeUndefined()
  })
})
