import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { RECOMMENDED_PRESET } from '../src/presets/recommended.js'
import { scoreHits, type ScoringRules, type WeightedHit } from '../src/score.js'
import type { SignalGroup } from '../src/signal.js'
import { decideLabel, type Verdict } from '../src/verdict.js'
import { makeMentionStatus, makeSpamAccount, makeStatus, makeWaveStatus, someAccts } from './helpers/make-status.js'

const RULES: ScoringRules = RECOMMENDED_PRESET

/** A hit of `id` in `group` with `weight`, at `strength`; a `followed-author` hit clears, as the real one does. */
function hit(id: string, group: SignalGroup, weight: number, strength = 1, blatant?: boolean): WeightedHit {
  const clears = id === 'followed-author' ? { clears: true } : {}
  return { id, group, weight, hit: { strength, message: `${id} fired.`, evidence: [id], ...clears, ...(blatant === undefined ? {} : { blatant }) } }
}

/** The reasons add up to the score, up to the 0.01 rounding of each reason. */
function expectReasonsAddUp(verdict: Verdict): void {
  const sum = verdict.reasons.reduce((total, r) => total + r.score, 0)
  expect(Math.abs(sum - verdict.score)).toBeLessThanOrEqual(0.01 * verdict.reasons.length + 1e-9)
}

const scores = (verdict: Verdict): Record<string, number> => Object.fromEntries(verdict.reasons.map((r) => [r.signal, r.score]))

describe('scoreHits', () => {
  describe('labels a blatant hit spam (issue 11)', () => {
    test('whatever its weight', () => {
      const verdict = scoreHits([hit('phrase-list', 'text', 4, 1, true)], RULES)
      expect(verdict.label).toBe('spam')
      // The label follows from the score (issue 13): the blatant reason counts what reaches the
      // spam threshold, and the reasons still add up.
      expect(verdict.score).toBe(RULES.thresholds.spam)
      expect(verdict.reasons).toEqual([expect.objectContaining({ signal: 'phrase-list', score: RULES.thresholds.spam })])
    })

    test('and a non-blatant hit of the same score suspicious', () => {
      expect(scoreHits([hit('phrase-list', 'text', 4, 1, false)], RULES).label).toBe('suspicious')
    })
  })

  describe('rounds the score once', () => {
    test('so a capped group scores its cap, with reasons that still add up exactly', () => {
      // text 4 + 3 + 1.5 = 8.5, capped at 6: the unrounded reasons add up to 6, the rounded ones to 5.99.
      const verdict = scoreHits([hit('phrase-list', 'text', 4), hit('credential-phishing', 'text', 3), hit('impersonation', 'text', 1.5)], RULES)
      expect(verdict.score).toBe(6)
      expect(verdict.label).toBe('spam')
      expect(Math.round(verdict.reasons.reduce((sum, r) => sum + r.score, 0) * 100) / 100).toBe(6)
    })
  })

  describe('caps groups', () => {
    test('scaling the reasons of a capped group so they add up to the score', () => {
      // mentions 4 (cap 4); author 2 + 1.5 + 1 = 4.5, capped to 4 and scaled by 8/9.
      const verdict = scoreHits([hit('mention-density', 'mentions', 4), hit('new-account', 'author', 2), hit('bare-profile', 'author', 1.5), hit('machine-username', 'author', 1)], RULES)
      expect(scores(verdict)).toEqual({ 'mention-density': 4, 'new-account': 1.78, 'bare-profile': 1.33, 'machine-username': 0.89 })
      expect(verdict.score).toBe(8)
      expect(verdict.label).toBe('spam')
      expectReasonsAddUp(verdict)
    })

    test('for two hits of one group above the cap', () => {
      const verdict = scoreHits([hit('a', 'mentions', 3), hit('b', 'mentions', 3)], RULES)
      expect(scores(verdict)).toEqual({ a: 2, b: 2 })
      expect(verdict.score).toBe(4)
    })

    test('so the trust group removes at most its cap', () => {
      const verdict = scoreHits([hit('links', 'links', 8), hit('established-author', 'trust', -2.5), hit('other-trust', 'trust', -4)], RULES)
      expect(verdict.score).toBe(3)
      expectReasonsAddUp(verdict)
    })
  })

  describe('gates author signals', () => {
    // case | hits | score | signals in the reasons
    test.each([
      ['drops author reasons without post evidence', [hit('new-account', 'author', 2), hit('bare-profile', 'author', 1.5)], 0, []],
      ['drops author reasons below the gate', [hit('m', 'mentions', 4, 0.2), hit('new-account', 'author', 2)], 0.8, ['m']],
      ['keeps author reasons at the gate', [hit('m', 'mentions', 4, 0.25), hit('new-account', 'author', 2)], 3, ['new-account', 'm']],
    ])('%s', (_case, hits, score, signals) => {
      const verdict = scoreHits(hits, RULES)
      expect(verdict.score).toBe(score)
      expect(verdict.reasons.map((r) => r.signal)).toEqual(signals)
      expectReasonsAddUp(verdict)
    })
  })

  describe('counts trust reasons', () => {
    test('only when something else added to the score', () => {
      const verdict = scoreHits([hit('established-author', 'trust', -2.5)], RULES)
      expect(verdict).toEqual({ label: 'clean', score: 0, reasons: [], skipped: [] })
    })

    test('lowering the score', () => {
      const verdict = scoreHits([hit('m', 'mentions', 4), hit('established-author', 'trust', -2.5)], RULES)
      expect(scores(verdict)).toEqual({ m: 4, 'established-author': -2.5 })
      expect(verdict.score).toBe(1.5)
    })

    test('lowering the score at most to 0, with reasons that still add up', () => {
      const verdict = scoreHits([hit('m', 'mentions', 4, 0.25), hit('established-author', 'trust', -2.5)], RULES)
      expect(scores(verdict)).toEqual({ m: 1, 'established-author': -1 })
      expect(verdict.score).toBe(0)
      expectReasonsAddUp(verdict)
    })
  })

  describe('applies the followed-author veto', () => {
    test('clearing a spam score', () => {
      const verdict = scoreHits([hit('links', 'links', 8), hit('followed-author', 'trust', -4)], RULES)
      // The label comes from the veto, and so does the score: the clearing reason takes it to 0
      // (a followed author's post once read "clean, score 4" where score >= 3 is suspicious).
      expect(verdict.score).toBe(0)
      expect(verdict.label).toBe('clean')
      expect(verdict.reasons.find((r) => r.signal === 'followed-author')?.score).toBe(-8)
      expectReasonsAddUp(verdict)
    })

    test('the label and the score never disagree', () => {
      const rules = { ...RULES, thresholds: { suspicious: 3, spam: 6 } }
      for (const hits of [[hit('links', 'links', 8), hit('followed-author', 'trust', -4)], [hit('links', 'links', 8), hit('m', 'mentions', 4), hit('established-author', 'trust', -2.5), hit('followed-author', 'trust', -4)], [hit('links', 'links', 2), hit('followed-author', 'trust', -4)]]) {
        const verdict = scoreHits(hits, rules)
        expect(decideLabel(verdict.score, rules.thresholds)).toBe(verdict.label)
      }
    })

    // Next to a blatant hit, trust does not count at all: blatant spam is spam whoever posts it.
    // case | hits | label | score
    test.each([
      ['except when a hit is blatant', [hit('campaign-domain', 'links', 8, 1, true), hit('followed-author', 'trust', -4)], 'spam', 8],
      ['except when a hit is blatant, with an established author too', [hit('campaign-domain', 'links', 8, 1, true), hit('established-author', 'trust', -2.5), hit('followed-author', 'trust', -4)], 'spam', 8],
    ])('%s', (_case, hits, label, score) => {
      const verdict = scoreHits(hits, RULES)
      expect(verdict.label).toBe(label)
      expect(verdict.score).toBe(score)
      expect(verdict.reasons.map((r) => r.signal)).toEqual(['campaign-domain'])
    })

    test('for any hit that clears, a custom signal too, and not for the id alone', () => {
      const custom: WeightedHit = { id: 'my-allow-list', group: 'trust', weight: -1, hit: { strength: 1, clears: true, message: 'On my list.', evidence: ['x'] } }
      expect(scoreHits([hit('links', 'links', 8), custom], RULES).label).toBe('clean')
      const noFlag: WeightedHit = { id: 'followed-author', group: 'trust', weight: -4, hit: { strength: 1, message: 'You follow this account.', evidence: ['x'] } }
      expect(scoreHits([hit('links', 'links', 8), noFlag], RULES).label).toBe('suspicious')
    })

    test('except when the blatant hit is switched off by a 0 weight', () => {
      const verdict = scoreHits([hit('links', 'links', 8), hit('campaign-domain', 'links', 0, 1, true), hit('followed-author', 'trust', -4)], RULES)
      expect(verdict.label).toBe('clean')
    })
  })

  describe('reads strength', () => {
    // strength | score
    test.each([
      [2, 4],
      [1, 4],
      [0.5, 2],
      [0, 0],
      [-1, 0],
      [Number.NaN, 0],
      [Number.POSITIVE_INFINITY, 0],
    ])('%d as %d points of a weight-4 signal', (strength, score) => {
      const verdict = scoreHits([hit('m', 'mentions', 4, strength)], RULES)
      expect(verdict.score).toBe(score)
      expect(verdict.reasons).toHaveLength(score === 0 ? 0 : 1)
    })
  })

  test('sorts reasons by score, highest first', () => {
    const verdict = scoreHits([hit('small', 'text', 0.5), hit('big', 'links', 5), hit('middle', 'mentions', 2), hit('established-author', 'trust', -1)], RULES)
    expect(verdict.reasons.map((r) => r.signal)).toEqual(['big', 'middle', 'small', 'established-author'])
  })

  test('keeps signal order between reasons of equal score, for any scores', () => {
    const groups: SignalGroup[] = ['mentions', 'links', 'text', 'media']
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...groups), fc.constantFrom(0.5, 1, 2)), { maxLength: 12 }), (specs) => {
        const hits = specs.map(([group, weight], i) => hit(`s${i}`, group, weight))
        const reasons = scoreHits(hits, RULES).reasons
        // Array#sort is stable: the order it gives is the order wanted.
        expect(reasons).toEqual([...reasons].sort((a, b) => b.score - a.score))
        const order = reasons.map((r) => Number(r.signal.slice(1)))
        for (let i = 1; i < reasons.length; i++) if (reasons[i]!.score === reasons[i - 1]!.score) expect(order[i]).toBeGreaterThan(order[i - 1]!)
      }),
      { seed: 20240219, numRuns: 500 },
    )
  })

  test('nothing scored gives the verdict of a score of 0, whichever way it is reached', () => {
    // A score of 0 is reached with no hit, with hits that all score 0, and with a hit that scores
    // but is kept out (an author hit below the author gate).
    const groups: SignalGroup[] = ['mentions', 'links', 'text', 'author', 'trust', 'media', 'duplicates']
    fc.assert(
      fc.property(
        fc.record({ suspicious: fc.double({ min: 0.01, max: 20, noNaN: true }), extra: fc.double({ min: 0, max: 20, noNaN: true }) }),
        fc.array(fc.tuple(fc.constantFrom(...groups), fc.constantFrom(0, -0, Number.NaN, 3), fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY, -1, 1)), { maxLength: 5 }),
        ({ suspicious, extra }, raw) => {
          const rules: ScoringRules = { ...RULES, thresholds: { suspicious, spam: suspicious + extra } }
          const zero = raw.map(([group, weight, strength], i) => hit(`s${i}`, group, weight === 3 ? 0 : weight, strength)).filter((h) => !(h.weight * (Number.isFinite(h.hit.strength) ? Math.min(1, Math.max(0, h.hit.strength)) : 0) !== 0))
          const skipped = [{ signal: 'x', because: 'error' as const }]
          const full = scoreHits([hit('new-account', 'author', 1, 1)], rules, skipped)
          expect(full.reasons).toEqual([])
          expect(scoreHits(zero, rules, skipped)).toEqual(full)
          expect(scoreHits([], rules, skipped)).toEqual(full)
        },
      ),
      { seed: 20261207, numRuns: 300 },
    )
  })

  test('passes skipped entries through', () => {
    expect(scoreHits([], RULES, [{ signal: 'x', because: 'error' }]).skipped).toEqual([{ signal: 'x', because: 'error' }])
  })
})

describe('classifyStatus scoring', () => {
  test('labels the February 2024 shape spam with reasons that add up', () => {
    const verdict = classifyStatus(makeWaveStatus())
    expect(verdict.label).toBe('spam')
    expect(verdict.reasons.map((r) => r.signal)).toEqual(['mention-density', 'new-account', 'bare-profile', 'machine-username'])
    expectReasonsAddUp(verdict)
  })

  test("keeps a new user's first post clean", () => {
    const first = makeStatus({ content: '<p>Hello fediverse! My first post here, nice to meet you all.</p>', account: makeSpamAccount({ username: 'mika', acct: 'mika@new.example', display_name: '' }) })
    expect(classifyStatus(first)).toEqual({ label: 'clean', score: 0, reasons: [], skipped: [] })
  })

  test("keeps a new machine-named account's plain post clean", () => {
    expect(classifyStatus(makeStatus({ account: makeSpamAccount() })).label).toBe('clean')
  })

  test('lets an established author with many mentions stay clean', () => {
    const verdict = classifyStatus(makeMentionStatus(someAccts(10), 'happy #FollowFriday to these lovely people'))
    expect(verdict.label).toBe('clean')
    expect(verdict.reasons.map((r) => r.signal)).toContain('established-author')
  })

  test('clears the wave shape when the viewer follows its author', () => {
    const verdict = classifyStatus(makeWaveStatus(), { viewer: { acct: 'me@example.social', follows: ['5wq130rvkg@spam.example'] } })
    expect(verdict.label).toBe('clean')
    expect(verdict.reasons.map((r) => r.signal)).toContain('followed-author')
  })

  test('never gives a negative score', () => {
    const verdict = classifyStatus(makeMentionStatus(someAccts(2), 'lunch tomorrow with everyone we know from the bakery down the road near the park', { in_reply_to_id: '1' }))
    expect(verdict.score).toBeGreaterThanOrEqual(0)
    expectReasonsAddUp(verdict)
  })
})
