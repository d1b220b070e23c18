import { mix32 } from './hash32.js'
import { gram } from './shingles.js'

/** Positions (bins) per signature. */
export const MINHASH_SIZE = 32
/** LSH bands; `MINHASH_SIZE / LSH_BANDS` rows each. */
export const LSH_BANDS = 8
const ROWS = MINHASH_SIZE / LSH_BANDS

const BIN_BITS = 5
const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1
const EMPTY = 0xffffffff
/** Probes tried per empty bin before the densification falls back to a scan (any set fills a bin). */
const PROBES = 64
// Fixed, derived from the bin and the attempt: the same text gets the same signature in every
// process, which exported memories and shared stores rely on.
// Built on first use (only a filter with memory signs texts): 2,048 hashes at load cost a cold
// start 1–1.7 ms in QuickJS.
let probeBins: Uint8Array | undefined
function probeTable(): Uint8Array {
  if (probeBins !== undefined) return probeBins
  const table = new Uint8Array(MINHASH_SIZE * PROBES)
  for (let bin = 0; bin < MINHASH_SIZE; bin++) {
    for (let attempt = 0; attempt < PROBES; attempt++) table[bin * PROBES + attempt] = mix32(Math.imul(bin + 1, 0x9e3779b9) ^ Math.imul(attempt + 1, 0x85ebca6b)) & (MINHASH_SIZE - 1)
  }
  probeBins = table
  return table
}
const SEED = 0x2545f491
const MULTIPLIER = 0x9e3779b1

/**
 * The one-permutation MinHash signature of a shingle set (Li, Owen and Zhang 2012) with optimal
 * densification (Shrivastava 2017): each shingle is hashed once; the top 5 bits of the hash choose
 * one of 32 bins and the other 27 bits are its value; each bin keeps its smallest value. A bin no
 * shingle fell into borrows the value of the first non-empty bin on its own fixed probe sequence,
 * so two sets still agree at a position with probability close to their Jaccard similarity. One
 * hash per shingle instead of 32: on 114 shingles (a typical post) 0.94 µs against 7.21 µs for 32
 * hash passes (CPU time, median of 9 rounds, 2026-12-07).
 *
 * @param shingles - shingle hashes from `wordShingles`
 * @returns the signature (all `0xffffffff` for an empty set)
 */
export function minhashSignature(shingles: Int32Array): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(EMPTY)
  const n = shingles.length
  if (n === 0) return signature
  for (let s = 0; s < n; s++) {
    let v = Math.imul(shingles[s]! ^ SEED, MULTIPLIER)
    v = (v ^ (v >>> 15)) >>> 0
    const bin = v >>> (32 - BIN_BITS)
    const value = v & VALUE_MASK
    if (value < signature[bin]!) signature[bin] = value
  }
  return densify(signature)
}

/**
 * Fills the bins no shingle fell into (at least one did), in place: each borrows the value of the
 * first bin on its fixed probe sequence that a shingle filled (never a borrowed value).
 */
function densify(signature: Uint32Array): Uint32Array {
  let filled = 0
  for (let bin = 0; bin < MINHASH_SIZE; bin++) if (signature[bin]! <= VALUE_MASK) filled |= 1 << bin
  if (filled === -1) return signature
  const bins = probeTable()
  for (let bin = 0; bin < MINHASH_SIZE; bin++) {
    if (((filled >>> bin) & 1) === 1) continue
    let from = -1
    for (let attempt = 0; attempt < PROBES && from < 0; attempt++) {
      const other = bins[bin * PROBES + attempt]!
      if (((filled >>> other) & 1) === 1) from = other
    }
    for (let step = 1; step < MINHASH_SIZE && from < 0; step++) {
      const other = (bin + step) & (MINHASH_SIZE - 1)
      if (((filled >>> other) & 1) === 1) from = other
    }
    signature[bin] = signature[from]!
  }
  return signature
}

/**
 * Puts every shingle of a key text into its bin (`wordShingles`' 3-grams, hashed as
 * `minhashSignature` hashes them), without densifying.
 *
 * @returns how many shingles the text has
 */
function fillBins(keyText: string, signature: Uint32Array): number {
  // The module's constants as literals (the space, SEED, MULTIPLIER, VALUE_MASK, 32 − BIN_BITS): in
  // a bundle a module-level constant is read from the module's context at every use, which cost
  // this loop 40 % (1.8 against 1.3 µs a post). `test/` checks the result against the reference.
  const boundary = 0x20
  const seed = 0x2545f491
  const valueMask = 0x7ffffff
  signature.fill(EMPTY)
  let shingles = 0
  let a = boundary
  let b = boundary
  let inWord = false
  const length = keyText.length
  // One step past the end: a boundary there closes the last word.
  for (let i = 0; i <= length; i++) {
    let c = i < length ? keyText.charCodeAt(i) : boundary
    if ((c & 0xfc00) === 0xd800 && i + 1 < length) {
      const low = keyText.charCodeAt(i + 1)
      if ((low & 0xfc00) === 0xdc00) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000
        i++
      }
    }
    let shingle: number
    if (c === boundary) {
      if (!inWord) continue
      shingle = gram(a, b, boundary)
      a = boundary
      b = boundary
      inWord = false
    } else {
      inWord = true
      // The same 3-grams as wordShingles: no "  c" gram.
      if (b === boundary) {
        b = c
        continue
      }
      shingle = gram(a, b, c)
      a = b
      b = c
    }
    let v = Math.imul(shingle ^ seed, 0x9e3779b1)
    v = (v ^ (v >>> 15)) >>> 0
    const bin = v >>> 27
    const value = v & valueMask
    if (value < signature[bin]!) signature[bin] = value
    shingles++
  }
  return shingles
}

/**
 * `minhashSignature(wordShingles(keyText))` in one pass: each 3-gram's hash goes straight into its
 * bin, with no array of shingles in between: 1.3 µs against 2.4 µs for the two steps on the
 * English-like posts of `bench/near-duplicate.ts` (112 shingles on average; CPU time, median of 10
 * rounds of 4,000, 2026-12-07). The signature is the same, bit for bit (`test/` compares the two
 * on random text in many scripts).
 *
 * @param keyText - text from `duplicateKeyText`
 * @param signature - where to write the signature (`MINHASH_SIZE` values): a caller's scratch array
 * @returns `signature` (all `0xffffffff` for a text without shingles)
 */
export function textSignature(keyText: string, signature: Uint32Array): Uint32Array {
  return fillBins(keyText, signature) === 0 ? signature : densify(signature)
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
