/** Shared wording for reason messages and evidence lists. */

const MAX_EVIDENCE = 20

// English wording of evidence lists: the same helpers as the English message catalog.
export { durationEn as formatDuration, plural } from '../messages/en.js'

/** At most 20 distinct evidence items, then a count of the rest. */
export function listEvidence(items: readonly string[]): string[] {
  if (items.length < 2) return [...items]
  // A few items (what a status has): an array searched in place, without a Set (the same items
  // in the same order).
  if (items.length <= MAX_EVIDENCE) {
    const few: string[] = []
    for (const item of items) if (!few.includes(item)) few.push(item)
    return few
  }
  const unique = [...new Set(items)]
  if (unique.length <= MAX_EVIDENCE) return unique
  return [...unique.slice(0, MAX_EVIDENCE), `…and ${unique.length - MAX_EVIDENCE} more`]
}

const MINUTE = 60_000

/** A duration rounded to the minute, the finest unit a message shows: params stay stable data. */
export function toMinute(ms: number): number {
  return Math.round(ms / MINUTE) * MINUTE
}

const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`)
// The times `toISOString` writes with a four-digit year: 0000-01-01 to 9999-12-31.
const FIRST_FOUR_DIGIT_YEAR = -62_167_219_200_000
const LAST_FOUR_DIGIT_YEAR = 253_402_300_799_999

/**
 * `new Date(ms).toISOString()` without a Date: the same text (`2024-02-16T09:12:31.000Z`), about
 * three times faster, from the day count (civil-from-days, proleptic Gregorian calendar). Times
 * outside the years 0000–9999 and invalid times take `toISOString` itself.
 *
 * @param ms - ms since the epoch
 * @returns the ISO 8601 text `toISOString` gives
 */
export function isoTime(ms: number): string {
  const time = Math.trunc(ms)
  if (!(time >= FIRST_FOUR_DIGIT_YEAR && time <= LAST_FOUR_DIGIT_YEAR)) return new Date(ms).toISOString()
  const days = Math.floor(time / DAY)
  let rest = time - days * DAY
  const shifted = days + 719_468 // days since 0000-03-01
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(rest / HOUR)
  rest -= hours * HOUR
  const minutes = Math.floor(rest / MINUTE)
  rest -= minutes * MINUTE
  const seconds = Math.floor(rest / 1_000)
  const milli = rest - seconds * 1_000
  const millis = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${millis}Z`
}
