import { describe, expect, test } from 'vitest'
import { createSpamFilter } from '../../src/filter.js'
import { createCopyWaves, type WaveReport, watchCopyWaves } from '../../src/signals/copy-waves.js'
import { SpamFilterConfigError } from '../../src/errors.js'
import type { Verdict, VerdictLabel } from '../../src/verdict.js'
import { makeSpamAccount, makeStatus, NOW } from '../helpers/make-status.js'

const WAVE = 'Hello! I am collecting signatures for our petition about the new park, please sign it and share it with your friends today'
const verdict = (label: VerdictLabel): Verdict => ({ label, score: 0, reasons: [], skipped: [] })
const PAD = ['orange', 'violin', 'quartz', 'meadow', 'lantern', 'pepper', 'harbor', 'velvet', 'canyon', 'marble', 'thistle', 'copper']

/** A copy of `text` by a distinct scripted account, padded with `pad` random words at the end. */
function copy(n: number, text: string, pad = 0, minutes = n): ReturnType<typeof makeStatus> {
  const words = Array.from({ length: pad }, (_, i) => PAD[(n * 5 + i * 7) % PAD.length] ?? 'x').join(' ')
  const username = `acct${String(n).padStart(6, '0')}x`
  return makeStatus({
    id: String(112_000_000_000_000_000n + BigInt(n)),
    created_at: new Date(NOW + minutes * 60_000).toISOString(),
    content: `<p>${text}${words === '' ? '' : ` ${words}`}</p>`,
    account: makeSpamAccount({ username, acct: `${username}@spam.example` }),
  })
}

describe('createCopyWaves', () => {
  test('reports a wave at its third account, with the first two copies it had let through', () => {
    const waves = createCopyWaves()
    expect(waves.observe(copy(1, WAVE), verdict('clean'))).toBeUndefined()
    expect(waves.observe(copy(2, WAVE), verdict('suspicious'))).toBeUndefined()
    const report = waves.observe(copy(3, WAVE), verdict('suspicious'))
    expect(report?.accounts).toBe(3)
    expect(report?.earlier.map((e) => [e.id, e.label])).toEqual([
      ['112000000000000001', 'clean'],
      ['112000000000000002', 'suspicious'],
    ])
    // The next copy is in the wave; the earlier ones are not reported twice.
    expect(waves.observe(copy(4, WAVE), verdict('spam'))).toMatchObject({ accounts: 4, earlier: [] })
  })

  test('catches copies padded with random words (containment, not similarity of the whole)', () => {
    const waves = createCopyWaves()
    waves.observe(copy(1, WAVE, 8), verdict('clean'))
    waves.observe(copy(2, WAVE, 10), verdict('clean'))
    const report = waves.observe(copy(3, WAVE, 12), verdict('clean'))
    expect(report?.accounts).toBe(3)
    expect(report?.containment).toBeGreaterThanOrEqual(0.6)
    expect(report?.earlier).toHaveLength(2)
  })

  test('does not report earlier statuses labeled spam (the client folded them already)', () => {
    const waves = createCopyWaves()
    waves.observe(copy(1, WAVE), verdict('spam'))
    waves.observe(copy(2, WAVE), verdict('clean'))
    expect(waves.observe(copy(3, WAVE), verdict('spam'))?.earlier.map((e) => e.id)).toEqual(['112000000000000002'])
  })

  describe('stays silent', () => {
    test('for one account repeating itself', () => {
      const waves = createCopyWaves()
      const first = copy(1, WAVE).account ?? null
      const same = (n: number): ReturnType<typeof makeStatus> => ({ ...copy(n, WAVE), account: first })
      for (let n = 1; n <= 5; n++) expect(waves.observe(same(n), verdict('clean'))).toBeUndefined()
    })

    test('for different texts', () => {
      const waves = createCopyWaves()
      expect(waves.observe(copy(1, WAVE), verdict('clean'))).toBeUndefined()
      expect(waves.observe(copy(2, 'The bread came out great today, with a crisp crust and an open crumb, thanks to a long cold proof'), verdict('clean'))).toBeUndefined()
      expect(waves.observe(copy(3, 'Our choir meets on Thursday evenings in the old library, new voices are always welcome to join us'), verdict('clean'))).toBeUndefined()
    })

    test('for copies further apart than the window', () => {
      const waves = createCopyWaves({ windowMs: 3_600_000 })
      waves.observe(copy(1, WAVE, 0, 0), verdict('clean'))
      waves.observe(copy(2, WAVE, 0, 120), verdict('clean'))
      expect(waves.observe(copy(3, WAVE, 0, 240), verdict('clean'))).toBeUndefined()
    })

    test('for a short text and for input holding no status', () => {
      const waves = createCopyWaves()
      for (let n = 1; n <= 4; n++) expect(waves.observe(copy(n, 'happy new year'), verdict('clean'))).toBeUndefined()
      expect(waves.observe(null, verdict('clean'))).toBeUndefined()
    })
  })

  test('forgets the oldest statuses beyond maxStatuses', () => {
    const waves = createCopyWaves({ maxStatuses: 2 })
    waves.observe(copy(1, WAVE), verdict('clean'))
    waves.observe(copy(2, WAVE), verdict('clean'))
    waves.observe(copy(3, 'The bread came out great today, with a crisp crust and an open crumb, thanks to a long cold proof'), verdict('clean'))
    expect(waves.size()).toBe(2)
    expect(waves.observe(copy(4, WAVE), verdict('clean'))).toBeUndefined()
  })

  test('throws SpamFilterConfigError for a bad option', () => {
    expect(() => createCopyWaves({ minAccounts: 0 })).toThrow(SpamFilterConfigError)
    expect(() => createCopyWaves({ windowMs: Number.NaN })).toThrow(/windowMs/u)
  })

  test('watchCopyWaves calls back with the first copies a filter let through, verdicts unchanged', async () => {
    const waves: WaveReport[] = []
    const plainFilter = createSpamFilter()
    const filter = watchCopyWaves(createSpamFilter(), (wave) => waves.push(wave))
    const copies = [copy(1, WAVE, 8), copy(2, WAVE, 10), copy(3, WAVE, 12)]
    for (const status of copies.slice(0, 2)) expect(filter.classify(status)).toEqual(plainFilter.classify(status))
    expect(waves).toEqual([])
    await filter.classifyAsync(copies[2])
    expect(waves).toHaveLength(1)
    expect(waves[0]?.earlier.map((e) => e.id)).toEqual(['112000000000000001', '112000000000000002'])
    expect(filter.memorySize()).toBe(3)
  })
})
