import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { asArray, asCount, asId, asString, asTime, field } from '../../src/status/fields.js'

describe('asTime', () => {
  // input | ms since the epoch
  test.each([
    ['2024-02-16T12:00:00.000Z', Date.UTC(2024, 1, 16, 12)],
    ['2024-02-16T12:00:00Z', Date.UTC(2024, 1, 16, 12)],
    ['2024-02-16T12:00:00+09:00', Date.UTC(2024, 1, 16, 3)],
    ['2024-02-16T12:00:00.123456789Z', Date.UTC(2024, 1, 16, 12, 0, 0, 123)],
    ['2024-02-16', Date.UTC(2024, 1, 16)],
    ['2024-02-16T12:00:00', Date.UTC(2024, 1, 16, 12)],
    ['2024-02-16 12:00', Date.UTC(2024, 1, 16, 12)],
  ])('reads %j as UTC', (input, ms) => {
    expect(asTime(input)).toBe(ms)
  })

  // input
  test.each([['1'], ['Feb 2, 2024'], ['yesterday'], ['2024-13-45'], [''], ['2024-02-16T12:00:00Z'.padEnd(80, ' ')], [1708084800000], [null], [new Date(0)]])('is undefined for %j', (input) => {
    expect(asTime(input)).toBeUndefined()
  })
})

describe('field', () => {
  test('reads a property, or undefined when the value is not an object or the read throws', () => {
    const throwing = Object.defineProperty({}, 'x', {
      get: () => {
        throw new Error('x')
      },
    })
    expect(field({ x: 1 }, 'x')).toBe(1)
    expect(field(null, 'x')).toBeUndefined()
    expect(field('string', 'length')).toBeUndefined()
    expect(field(throwing, 'x')).toBeUndefined()
  })
})

describe('readers', () => {
  // reader | input | output
  test.each([
    ['asString', asString('a'), 'a'],
    ['asString', asString(1), undefined],
    ['asId', asId('109'), '109'],
    ['asId', asId(109), '109'],
    ['asId', asId(''), undefined],
    ['asId', asId(Number.NaN), undefined],
    ['asCount', asCount(3), 3],
    ['asCount', asCount('42'), 42],
    ['asCount', asCount('4.2'), undefined],
    ['asCount', asCount(-1), undefined],
    ['asCount', asCount(Number.POSITIVE_INFINITY), undefined],
  ])('%s gives %j', (_reader, output, expected) => {
    expect(output).toBe(expected)
  })

  test('asArray copies at most the limit and survives throwing elements', () => {
    const hostile: unknown[] = [1]
    Object.defineProperty(hostile, 0, {
      get: () => {
        throw new Error('x')
      },
    })
    expect(asArray([1, 2, 3], 2)).toEqual([1, 2])
    expect(asArray('abc', 2)).toEqual([])
    expect(asArray(hostile, 5)).toEqual([])
  })
})

describe('asTime on the canonical Mastodon form', () => {
  test('reads it exactly as Date.parse does, with and without milliseconds', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString()
        expect(asTime(iso)).toBe(Date.parse(iso))
        const seconds = `${iso.slice(0, 19)}Z`
        expect(asTime(seconds)).toBe(Date.parse(seconds))
      }),
      { seed: 20240216, numRuns: 2000 },
    )
  })

  test('reads any year from 0100 to 9999 as Date.parse does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString()
        expect(asTime(iso)).toBe(Date.parse(iso))
      }),
      { seed: 20240216, numRuns: 5000 },
    )
  })

  test('reads the years 0000 to 0099 as written, as Date.parse does (not as 1900 to 1999)', () => {
    expect(asTime('0050-03-01T10:20:30.400Z')).toBe(Date.parse('0050-03-01T10:20:30.400Z'))
    expect(asTime('0000-02-29T00:00:00Z')).toBe(Date.parse('0000-02-29T00:00:00Z'))
    expect(new Date(asTime('0050-03-01T10:20:30.400Z') ?? 0).getUTCFullYear()).toBe(50)
  })

  // text | expected
  test.each([
    ['2024-02-29T12:00:00.000Z', Date.UTC(2024, 1, 29, 12)],
    ['2023-02-29T00:00:00.000Z', Date.parse('2023-02-29T00:00:00.000Z')],
    ['2024-13-01T00:00:00.000Z', undefined],
    ['2024-02-16T25:00:00.000Z', undefined],
    ['2024-02-16X09:12:31.000Z', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(asTime(text)).toBe(Number.isFinite(expected) ? expected : undefined)
  })
})
