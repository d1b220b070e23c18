// Mastodon switched to snowflake ids in v2.0 (October 2017); older ids are small integers.
const EARLIEST_SNOWFLAKE_MS = Date.UTC(2017, 0, 1)
const DAY_MS = 86_400_000

/**
 * Reads the time in a Mastodon snowflake id: the top 48 bits are ms since the epoch.
 * Precision loss from parsing a 64-bit id as a double is far below a millisecond after the shift.
 *
 * @param id - an id as the API gives it
 * @returns ms since the epoch, or `undefined` when the id is not a plausible snowflake
 */
export function snowflakeTime(id: string | undefined): number | undefined {
  if (id === undefined || !/^\d{15,20}$/u.test(id)) return undefined
  const ms = Math.floor(Number(id) / 65_536)
  return ms >= EARLIEST_SNOWFLAKE_MS ? ms : undefined
}

/**
 * The account's creation time: the snowflake id's time when it falls on the day `created_at`
 * names (Mastodon rounds `created_at` to midnight UTC, the id keeps the minute), otherwise
 * `created_at`. A remote account's id tells when this server first saw it, which is later than
 * its creation: it is used only when it agrees with `created_at`.
 *
 * @param createdAt - `created_at` in ms, if any
 * @param id - the account id
 * @returns ms since the epoch, or `undefined`
 */
export function accountCreatedAt(createdAt: number | undefined, id: string | undefined): number | undefined {
  // Only a date without a time (midnight UTC) is refined; the id is read only then.
  if (createdAt === undefined || createdAt % DAY_MS !== 0) return createdAt
  const fromId = snowflakeTime(id)
  if (fromId !== undefined && fromId >= createdAt && fromId < createdAt + DAY_MS) return fromId
  return createdAt
}
