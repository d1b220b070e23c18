import { describe, expect, test } from 'vitest'
import { RECOMMENDED_SIGNALS, RECOMMENDED_WEIGHTS } from '../../src/presets/recommended.js'
import { describeSignalContract } from './signal-contract.js'

for (const signal of RECOMMENDED_SIGNALS) describeSignalContract(signal, { builtin: true })

describe('RECOMMENDED_SIGNALS', () => {
  test('have unique ids, each with a finite recommended weight', () => {
    const ids = RECOMMENDED_SIGNALS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(Number.isFinite(RECOMMENDED_WEIGHTS[id])).toBe(true)
  })

  test('give trust signals negative weights and the others positive ones', () => {
    for (const { id, group } of RECOMMENDED_SIGNALS) {
      const weight = RECOMMENDED_WEIGHTS[id] ?? 0
      expect(group === 'trust' ? weight < 0 : weight > 0, `${id} (${group}) has weight ${weight}`).toBe(true)
    }
  })
})
