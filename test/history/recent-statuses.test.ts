import { describe, expect, test } from 'vitest'
import { createSpamFilter, SpamFilterConfigError, SpamFilterMemoryError, type Verdict } from '../../src/index.js'
import { statusMaker, strangers } from './fixtures.js'

const TEXT = 'Claim your exclusive reward now: the first hundred people to join our server win a gift card'
const HOUR = 3_600_000
const near = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'near-duplicate')

describe('createSpamFilter memory', () => {
  describe('forgets', () => {
    test('the oldest statuses beyond memory.maxStatuses', () => {
      const filter = createSpamFilter({ memory: { maxStatuses: 16 } })
      const make = statusMaker()
      filter.classify(make('a', TEXT, { bare: true, mentions: strangers(1) }))
      filter.classify(make('b', TEXT, { bare: true, mentions: strangers(2) }))
      for (let i = 0; i < 16; i++) filter.classify(make(`filler${i}`, `Filler post number ${i} about gardening, tomatoes and the weather today`))
      expect(filter.memorySize()).toBe(16)
      expect(near(filter.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))).toBeUndefined()
    })

    test('statuses further apart than memory.windowMs', () => {
      const filter = createSpamFilter({ memory: { windowMs: 2 * HOUR } })
      const make = statusMaker()
      filter.classify(make('a', TEXT, { bare: true, mentions: strangers(1), at: 0 }))
      filter.classify(make('b', TEXT, { bare: true, mentions: strangers(2), at: HOUR }))
      expect(near(filter.classify(make('c', TEXT, { bare: true, mentions: strangers(3), at: 2.5 * HOUR })))).toBeUndefined()
      expect(near(filter.classify(make('d', TEXT, { bare: true, mentions: strangers(4), at: 2.6 * HOUR })))?.evidence[0]).toBe('3 accounts')
    })
  })

  describe('observe', () => {
    test('remembers statuses without classifying them, each once', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const page = [make('a', TEXT, { bare: true, mentions: strangers(1) }), make('b', TEXT, { bare: true, mentions: strangers(2) })]
      expect(filter.observe(page)).toBe(2)
      expect(filter.observe(page)).toBe(0)
      expect(filter.observe([null, 'text', 42])).toBe(0)
      expect(near(filter.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('3 accounts')
    })

    test('counts a status without text once too', () => {
      const filter = createSpamFilter()
      const make = statusMaker()
      const picture = make('a', '', { media: [{ blurhash: 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH' }] })
      expect(filter.observe([picture, picture])).toBe(1)
      filter.classify(picture)
      expect(filter.memorySize()).toBe(1)
    })
  })

  describe('exportMemory and importMemory', () => {
    // columns: format
    test.each([['bytes'], ['base64']] as const)('carry copies and feedback over in %s', (format) => {
      const make = statusMaker()
      const before = createSpamFilter()
      before.classify(make('a', TEXT, { bare: true, mentions: strangers(1) }))
      before.classify(make('b', TEXT, { bare: true, mentions: strangers(2) }))
      const spam = make('s', 'Limited offer from our shop: buy two get three, only today, visit us')
      before.markSpam(spam)
      const friend = make('friend', 'Some text that is not spam at all')
      before.markNotSpam(friend)
      const data = format === 'bytes' ? before.exportMemory() : before.exportMemory('base64')

      const after = createSpamFilter()
      after.importMemory(data)
      expect(after.memorySize()).toBe(2)
      expect(near(after.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('3 accounts')
      expect(after.classify(make('s2', 'Limited offer from our shop: buy two get three, only today, visit us')).reasons[0]?.signal).toBe('known-spam-text')
      expect(after.classify(make('friend', 'Anything at all from this author', { mentions: strangers(9) })).reasons[0]?.message).toBe('You marked a status by @friend@good.example as not spam.')
    })

    test('keep the newest statuses when imported into a smaller memory', () => {
      const make = statusMaker()
      const big = createSpamFilter({ memory: { maxStatuses: 1024 } })
      big.classify(make('a', TEXT, { bare: true, mentions: strangers(1) }))
      big.classify(make('b', TEXT, { bare: true, mentions: strangers(2) }))
      const small = createSpamFilter({ memory: { maxStatuses: 64 } })
      small.importMemory(big.exportMemory())
      expect(near(small.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('3 accounts')
    })

    test('keep the feedback but not the statuses when imported into a larger memory', () => {
      const make = statusMaker()
      const small = createSpamFilter({ memory: { maxStatuses: 64 } })
      small.observe([make('a', TEXT), make('b', TEXT)])
      small.markSpam(make('s', 'Limited offer from our shop: buy two get three, only today, visit us'))
      const big = createSpamFilter({ memory: { maxStatuses: 4096 } })
      big.importMemory(small.exportMemory())
      expect(big.memorySize()).toBe(0)
      expect(big.classify(make('s2', 'Limited offer from our shop: buy two get three, only today, visit us')).reasons.map((r) => r.signal)).toContain('known-spam-text')
    })

    test('are compact: under 100 bytes per status', () => {
      const make = statusMaker()
      const filter = createSpamFilter()
      for (let i = 0; i < 200; i++) filter.observe(make(`user${i}`, `Status number ${i}: thoughts about trains, tea and the long winter evenings ahead`))
      expect(filter.exportMemory().length / 200).toBeLessThan(100)
    })
  })

  describe('importMemory throws SpamFilterMemoryError and keeps the memory', () => {
    const good = (() => {
      const make = statusMaker()
      const filter = createSpamFilter()
      filter.observe([make('a', TEXT), make('b', TEXT)])
      return filter.exportMemory()
    })()
    const flipped = good.slice()
    flipped[20] = flipped[20]! ^ 0xff
    const otherVersion = good.slice()
    otherVersion[4] = 99
    // columns: case, data, expected problem
    test.each([
      ['other bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]), 'format'],
      ['another version', otherVersion, 'version'],
      ['a flipped byte', flipped, 'checksum'],
      ['a truncated export', good.slice(0, good.length - 10), 'checksum'],
      ['bad base64', 'not base64!', 'format'],
      ['a number', 42, 'format'],
    ] as const)('for %s', (_case, data, problem) => {
      const make = statusMaker()
      const filter = createSpamFilter()
      filter.observe(make('x', TEXT))
      let error: unknown
      try {
        filter.importMemory(data as Uint8Array)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(SpamFilterMemoryError)
      expect((error as SpamFilterMemoryError).problem).toBe(problem)
      expect(filter.memorySize()).toBe(1)
    })
  })

  describe('options', () => {
    // columns: memory option, option path named in the error
    test.each([
      [{ maxStatuses: 0 }, 'memory.maxStatuses'],
      [{ maxStatuses: 1.5 }, 'memory.maxStatuses'],
      [{ windowMs: -1 }, 'memory.windowMs'],
      [{ windowMs: Number.NaN }, 'memory.windowMs'],
      [{ minAccounts: 1 }, 'memory.minAccounts'],
      [{ maxImages: 'many' }, 'memory.maxImages'],
      ['big', 'memory'],
    ])('throw SpamFilterConfigError for %j', (memory, option) => {
      expect(() => createSpamFilter({ memory: memory as never })).toThrow(SpamFilterConfigError)
      expect(() => createSpamFilter({ memory: memory as never })).toThrow(`option ${option} `)
    })

    test('memory: false keeps no memory', () => {
      const filter = createSpamFilter({ memory: false })
      const make = statusMaker()
      for (const user of ['a', 'b', 'c']) expect(near(filter.classify(make(user, TEXT, { bare: true, mentions: strangers(1) })))).toBeUndefined()
      expect(filter.memorySize()).toBe(0)
      expect(() => filter.markSpam(make('a', TEXT))).toThrow('option memory is false')
    })
  })
})

describe('similarEnough (early exit) against estimateJaccard ≥ MIN_SIMILARITY (the reference)', () => {
  test('agrees on random pairs of packed signatures at every level of agreement', async () => {
    const { similarEnough, MIN_SIMILARITY } = await import('../../src/history/status-ring.js')
    const { estimateJaccard, MINHASH_SIZE } = await import('../../src/text/minhash.js')
    let seed = 99
    const random = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    let both = 0
    for (let trial = 0; trial < 4000; trial++) {
      const a = Uint8Array.from({ length: MINHASH_SIZE }, () => random() & 255)
      const b = a.map((byte) => (random() % MINHASH_SIZE < trial % (MINHASH_SIZE + 1) ? (byte + 1 + (random() % 255)) & 255 : byte))
      const offset = random() % 5
      const host = new Uint8Array(offset + MINHASH_SIZE)
      host.set(b, offset)
      const expected = estimateJaccard(host, offset, a, 0) >= MIN_SIMILARITY
      expect(similarEnough(host, offset, a)).toBe(expected)
      if (expected) both++
    }
    // Both outcomes occur (the comparison above can fail either way).
    expect(both).toBeGreaterThan(100)
    expect(both).toBeLessThan(3900)
  })
})

describe('ringTextCopies leaves a chain after MAX_MISS_RUN candidates in a row that are not copies', () => {
  const setup = async () => {
    const ring = await import('../../src/history/status-ring.js')
    const { MINHASH_SIZE } = await import('../../src/text/minhash.js')
    const store = ring.createStatusRing(64)
    const copy = new Uint8Array(MINHASH_SIZE).fill(7)
    // Shares the band key but not the signature: a candidate that is not a copy.
    const decoy = (n: number) => Uint8Array.from({ length: MINHASH_SIZE }, (_, i) => (n * 31 + i) & 255)
    let author = 100
    const file = (packed: Uint8Array) => ring.ringAppend(store, { kind: 'long', packed, keys: Uint32Array.of(0xabcdef12), author: author++ }, 0, 1_000, undefined)
    const find = () => ring.ringTextCopies(store, { kind: 'long', packed: copy, keys: Uint32Array.of(0xabcdef12), author: 1, id: undefined }, 0, 1_000, 60)
    return { file, find, copy, decoy, limit: ring.MAX_MISS_RUN }
  }

  test('a copy behind fewer decoys than the limit is found; behind the limit, the chain is left', async () => {
    const { file, find, copy, decoy, limit } = await setup()
    file(copy)
    for (let i = 0; i < limit - 1; i++) file(decoy(i))
    expect(find()?.statuses).toBe(1)
    file(decoy(99))
    expect(find()).toBeUndefined()
  })

  test('copies interleaved with decoys (fewer than the limit between two copies) are all counted', async () => {
    const { file, find, copy, decoy, limit } = await setup()
    for (let c = 0; c < 5; c++) {
      file(copy)
      for (let i = 0; i < limit - 1; i++) file(decoy(c * 10 + i))
    }
    expect(find()).toMatchObject({ statuses: 5, accounts: 6 })
  })
})
