import { mix32 } from './hash32.js'

/** Hash functions per signature. */
export const MINHASH_SIZE = 32
/** LSH bands; `MINHASH_SIZE / LSH_BANDS` rows each. */
export const LSH_BANDS = 8
const ROWS = MINHASH_SIZE / LSH_BANDS

// Fixed, derived from the index: the same text gets the same signature in every process, which
// exported memories rely on.
const SEEDS: readonly number[] = /* @__PURE__ */ Object.freeze(Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)) | 0))
const MULTIPLIERS: readonly number[] = /* @__PURE__ */ Object.freeze(Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(i + 0x1234567) | 1))
const SIGN = -0x80000000

/**
 * The MinHash signature of a shingle set: for each of 32 hash functions
 * (`h_i(x) = xorshift(imul(x ^ seed_i, odd_i))`), the smallest value over the set. Two sets agree
 * at a position with probability equal to their Jaccard similarity.
 *
 * @param shingles - shingle hashes from `wordShingles`
 * @returns the signature (all `0xffffffff` for an empty set)
 */
export function minhashSignature(shingles: Int32Array): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE)
  const n = shingles.length
  for (let i = 0; i < MINHASH_SIZE; i++) {
    const seed = SEEDS[i]!
    const multiplier = MULTIPLIERS[i]!
    // Compared as signed integers after flipping the top bit (same order as unsigned), so every
    // value stays a small integer for the JIT.
    let min = 0x7fffffff
    for (let s = 0; s < n; s++) {
      let v = Math.imul(shingles[s]! ^ seed, multiplier)
      v = v ^ (v >>> 15) ^ SIGN
      if (v < min) min = v
    }
    signature[i] = (min ^ SIGN) >>> 0
  }
  return signature
}

/**
 * The LSH band keys of a signature: band `j` hashes rows `4j … 4j+3` together with `j`. Texts
 * with Jaccard similarity J share at least one band with probability `1 − (1 − J⁴)⁸`: 0.89 at
 * J = 0.7, 0.40 at J = 0.5, under 0.1 % at J = 0.1.
 *
 * @param signature - a MinHash signature
 * @returns `LSH_BANDS` unsigned 32-bit keys
 */
export function lshBandKeys(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(LSH_BANDS)
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = Math.imul(band + 1, 0x27d4eb2f)
    for (let row = 0; row < ROWS; row++) h = mix32(h ^ signature[band * ROWS + row]!)
    keys[band] = h
  }
  return keys
}

/**
 * The one-byte form of a signature kept in memory (b-bit minwise hashing with b = 8): two
 * unrelated values agree by chance 1 time in 256, which `estimateJaccard` corrects for.
 *
 * @param signature - a MinHash signature
 * @param out - where to write `MINHASH_SIZE` bytes
 * @param offset - where in `out` to start
 */
export function packSignature(signature: Uint32Array, out: Uint8Array, offset = 0): void {
  for (let i = 0; i < MINHASH_SIZE; i++) out[offset + i] = (signature[i]! ^ (signature[i]! >>> 8) ^ (signature[i]! >>> 16) ^ (signature[i]! >>> 24)) & 255
}

/**
 * Estimated Jaccard similarity of two packed signatures, corrected for chance byte agreement.
 *
 * @param a - packed signatures
 * @param aOffset - start of the first signature in `a`
 * @param b - packed signatures
 * @param bOffset - start of the second signature in `b`
 * @returns the estimate, 0–1
 */
export function estimateJaccard(a: Uint8Array, aOffset: number, b: Uint8Array, bOffset: number): number {
  let agree = 0
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[aOffset + i] === b[bOffset + i]) agree++
  return Math.max(0, (agree / MINHASH_SIZE - 1 / 256) / (1 - 1 / 256))
}
