/**
 * Misskey ids carry their creation time. A server picks one of five formats (`id` in its config);
 * the shape of an id tells which:
 *
 * | format   | shape                                   | time part                                  |
 * |----------|-----------------------------------------|--------------------------------------------|
 * | aid      | 10 base-36 chars                        | first 8, ms since 2000-01-01               |
 * | aidx     | 16 base-36 chars                        | first 8, ms since 2000-01-01               |
 * | meid     | 24 hex chars starting with `8`          | first 12, ms since 1970 + 0x800000000000   |
 * | meidg    | `g` + 23 hex chars                      | chars 1–11, ms since 1970                  |
 * | objectid | 24 hex chars                            | first 8, seconds since 1970                |
 * | ulid     | 26 Crockford base-32 chars              | first 10, ms since 1970                    |
 *
 * @see https://github.com/misskey-dev/misskey/tree/develop/packages/backend/src/misc/id
 */

const TIME_2000 = 946_684_800_000
// Misskey started in 2014; anything outside these bounds is not a real id time.
const EARLIEST = Date.UTC(2014, 0, 1)
const LATEST = Date.UTC(2100, 0, 1)
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function plausible(ms: number): number | undefined {
  return Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST ? ms : undefined
}

function ulidTime(id: string): number {
  let ms = 0
  for (const c of id.slice(0, 10).toUpperCase()) {
    const digit = CROCKFORD.indexOf(c)
    if (digit < 0) return Number.NaN
    ms = ms * 32 + digit
  }
  return ms
}

/**
 * Reads the creation time out of a Misskey id (aid, aidx, meid, meidg, objectid or ulid).
 *
 * @param id - a note, user or file id as Misskey's API gives it
 * @returns ms since the epoch, or `undefined` when the id has no plausible time
 * @example
 * misskeyIdTime('9l8lbm5g3c') // aid → 2023-…
 */
export function misskeyIdTime(id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined
  if (/^[0-9a-z]{10}$/u.test(id) || /^[0-9a-z]{16}$/u.test(id)) return plausible(parseInt(id.slice(0, 8), 36) + TIME_2000)
  if (/^8[0-9a-f]{23}$/u.test(id)) return plausible(parseInt(id.slice(0, 12), 16) - 0x800000000000)
  if (/^g[0-9a-f]{23}$/u.test(id)) return plausible(parseInt(id.slice(1, 12), 16))
  if (/^[0-9a-f]{24}$/u.test(id)) return plausible(parseInt(id.slice(0, 8), 16) * 1000)
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/iu.test(id)) return plausible(ulidTime(id))
  return undefined
}
