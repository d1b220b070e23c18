import { describe, expect, test } from 'vitest'
import { classifyStatus, createMemoryStore, createSpamFilter, MemoryUnavailableError, SpamFilterConfigError, type AsyncMemoryStore, type MemoryStore, type Verdict } from '../../src/index.js'
import { statusMaker, strangers } from './fixtures.js'

const TEXT = 'Claim your exclusive reward now: the first hundred people to join our server win a gift card'
const near = (verdict: Verdict) => verdict.reasons.find((r) => r.signal === 'near-duplicate')

/** The in-process store behind promises: what a network store looks like to the filter. */
function asyncOver(store = createMemoryStore()): AsyncMemoryStore & { calls: number } {
  const wrapped = {
    synchronous: false as const,
    windowMs: store.windowMs,
    minAccounts: store.minAccounts,
    calls: 0,
    lookup: async (record: Parameters<typeof store.lookup>[0], remember: boolean) => {
      wrapped.calls++
      await Promise.resolve()
      return store.lookup(record, remember)
    },
    remember: async (record: Parameters<typeof store.remember>[0]) => store.remember(record),
    mark: async (record: Parameters<typeof store.mark>[0], verdict: 'spam' | 'not-spam') => store.mark(record, verdict),
    size: async () => store.size(),
  }
  return wrapped
}

describe('the memory option', () => {
  test('takes a store shared by two filters: a wave split across them is caught', () => {
    const memory = createMemoryStore()
    const one = createSpamFilter({ memory })
    const two = createSpamFilter({ memory })
    const make = statusMaker()
    one.classify(make('a', TEXT, { bare: true, mentions: strangers(1) }))
    two.classify(make('b', TEXT, { bare: true, mentions: strangers(2) }))
    expect(near(one.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))?.evidence[0]).toBe('3 accounts')
    expect(memory.size()).toBe(3)
  })

  test('with separate stores, the same split wave is not caught (the check above can fail)', () => {
    const one = createSpamFilter()
    const two = createSpamFilter()
    const make = statusMaker()
    one.classify(make('a', TEXT, { bare: true, mentions: strangers(1) }))
    two.classify(make('b', TEXT, { bare: true, mentions: strangers(2) }))
    expect(near(one.classify(make('c', TEXT, { bare: true, mentions: strangers(3) })))).toBeUndefined()
  })

  // value | option named in the error
  test.each([
    [{ lookup: (): undefined => undefined }, 'memory'],
    [{ lookup: (): undefined => undefined, remember: () => true, mark: () => undefined, size: () => 0, windowMs: 1000, minAccounts: 3 }, 'memory.synchronous'],
    [{ maxStatuses: 3 }, 'memory.maxStatuses'],
    ['big', 'memory'],
  ])('rejects %j naming %s', (memory, option) => {
    expect(() => createSpamFilter({ memory } as never)).toThrow(SpamFilterConfigError)
    expect(() => createSpamFilter({ memory } as never)).toThrow(new RegExp(`\\b${option.replace('.', '\\.')}\\b`))
  })
})

describe('an asynchronous store', () => {
  test('catches a wave through classifyAsync, one lookup per status', async () => {
    const store = asyncOver()
    const filter = createSpamFilter({ memory: store })
    const make = statusMaker()
    await filter.classifyAsync(make('a', TEXT, { bare: true, mentions: strangers(1) }))
    await filter.classifyAsync(make('b', TEXT, { bare: true, mentions: strangers(2) }))
    const third = await filter.classifyAsync(make('c', TEXT, { bare: true, mentions: strangers(3) }))
    expect(near(third)?.evidence[0]).toBe('3 accounts')
    expect(store.calls).toBe(3)
    expect(await filter.memorySize()).toBe(3)
  })

  test('gives the verdicts of the same store used synchronously', async () => {
    const make = statusMaker()
    const inputs = [1, 2, 3, 4].map((n) => make(`u${n}`, TEXT, { bare: n % 2 === 0, mentions: strangers(n) }))
    const syncFilter = createSpamFilter()
    const asyncFilter = createSpamFilter({ memory: asyncOver() })
    for (const input of inputs) expect(await asyncFilter.classifyAsync(input)).toEqual(syncFilter.classify(input))
  })

  test('makes classify throw SpamFilterConfigError that says to use classifyAsync', () => {
    const filter = createSpamFilter({ memory: asyncOver() })
    expect(() => filter.classify(statusMaker()('a', TEXT))).toThrow(SpamFilterConfigError)
    expect(() => filter.classify(statusMaker()('a', TEXT))).toThrow(/classifyAsync/)
  })

  test('observes, marks and counts through promises', async () => {
    const filter = createSpamFilter({ memory: asyncOver() })
    const make = statusMaker()
    expect(await filter.observe([make('a', TEXT), make('b', 'another post about the weather in the hills today')])).toBe(2)
    expect(await filter.markSpam(make('c', TEXT))).toBe(true)
    expect(await filter.markSpam('nothing')).toBe(false)
    const verdict = await filter.classifyAsync(make('d', TEXT))
    expect(verdict.reasons.map((r) => r.signal)).toContain('known-spam-text')
    expect(await filter.markNotSpam(make('d', TEXT))).toBe(true)
    expect((await filter.classifyAsync(make('d', 'a new post by the same person'))).reasons[0]?.signal).toBe('allow-list')
  })

  // what the store does | the skipped entry's reason
  test.each([
    ['rejects with a timeout', () => Promise.reject(new MemoryUnavailableError('timeout', 'no answer in 50 ms')), 'timeout'],
    ['rejects with a connection error', () => Promise.reject(new MemoryUnavailableError('connection', 'refused')), 'error'],
    ['rejects with anything else', () => Promise.reject(new Error('boom')), 'error'],
    ['throws', () => {
      throw new Error('boom')
    }, 'error'],
  ] as const)('that %s gives the stateless verdict with a skipped memory entry', async (_name, lookup, because) => {
    const store: MemoryStore = { ...asyncOver(), lookup: lookup as AsyncMemoryStore['lookup'] }
    const filter = createSpamFilter({ memory: store })
    const input = statusMaker()('a', TEXT, { bare: true, mentions: strangers(1) })
    const verdict = await filter.classifyAsync(input)
    const stateless = classifyStatus(input)
    expect(verdict.label).toBe(stateless.label)
    expect(verdict.reasons).toEqual(stateless.reasons)
    expect(verdict.skipped).toEqual([...stateless.skipped, expect.objectContaining({ signal: 'memory', because })])
  })
})

describe('a synchronous store that throws', () => {
  test('gives the stateless verdict with a skipped memory entry from classify', () => {
    const inner = createMemoryStore()
    const store: MemoryStore = {
      ...inner,
      synchronous: true,
      lookup: () => {
        throw new Error('disk full')
      },
    }
    const input = statusMaker()('a', TEXT, { bare: true, mentions: strangers(1) })
    const verdict = createSpamFilter({ memory: store }).classify(input)
    expect(verdict.reasons).toEqual(classifyStatus(input).reasons)
    expect(verdict.skipped).toEqual([expect.objectContaining({ signal: 'memory', because: 'error', detail: 'disk full' })])
  })
})
