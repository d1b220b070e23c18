/**
 * Cheap 32-bit hashing (Math.imul based, no allocation) for shingles, MinHash and table keys.
 * Not cryptographic: collisions are rare and every match is confirmed another way.
 */

/**
 * Finishes a 32-bit hash (MurmurHash3's fmix32): every input bit affects every output bit.
 *
 * @param h - any 32-bit integer
 * @returns the mixed unsigned 32-bit value
 */
export function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * FNV-1a over the UTF-16 code units of a string, finished with `mix32`.
 *
 * @param text - any string
 * @param seed - a salt, so the same text gives different keys for different uses
 * @returns an unsigned 32-bit hash
 * @example
 * hashString('alice@example.social') // a stable 32-bit number
 */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}
