import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isoTime } from '../../src/signals/format.js'

describe('isoTime', () => {
  test.each([0, -1, 1, 0.5, -0.5, 1_709_251_199_999, 951_782_400_000, 951_868_800_000, -62_167_219_200_000, 253_402_300_799_999])('equals toISOString for %d', (ms) => {
    expect(isoTime(ms)).toBe(new Date(ms).toISOString())
  })

  test('takes toISOString outside the four-digit years', () => {
    expect(isoTime(-62_167_219_200_001)).toBe(new Date(-62_167_219_200_001).toISOString())
    expect(isoTime(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z')
    expect(() => isoTime(Number.NaN)).toThrow(RangeError)
  })

  test('equals toISOString for any valid time', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), fc.integer({ min: -1e13, max: 1e13 }), (anyTime, nearNow) => {
        expect(isoTime(anyTime)).toBe(new Date(anyTime).toISOString())
        expect(isoTime(nearNow)).toBe(new Date(nearNow).toISOString())
      }),
      { numRuns: 2_000 },
    )
  })
})
