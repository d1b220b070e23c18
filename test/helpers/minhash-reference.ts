/**
 * The plain two-step MinHash of 0.2.0 (`wordShingles`, then `minhashSignature` over the shingle
 * array), frozen here as the reference the one-pass `textSignature` is fuzzed against: stored
 * snapshots and Redis stores hold signatures, so the fast path must give the same bits.
 */
const BOUNDARY = 0x20
const MINHASH_SIZE = 32
const BIN_BITS = 5
const VALUE_MASK = (1 << (32 - BIN_BITS)) - 1
const EMPTY = 0xffffffff
const PROBES = 64
const SEED = 0x2545f491
const MULTIPLIER = 0x9e3779b1

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function gram(a: number, b: number, c: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) | 0
}

/** Character 3-grams inside space-separated words, by code point (0.2.0's `wordShingles`). */
export function referenceShingles(keyText: string): number[] {
  const out: number[] = []
  const points: number[] = []
  for (let i = 0; i < keyText.length; i++) {
    const c = keyText.charCodeAt(i)
    const low = i + 1 < keyText.length ? keyText.charCodeAt(i + 1) : -1
    if (c >= 0xd800 && c < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
      points.push(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)
      i++
    } else {
      points.push(c)
    }
  }
  // Words: maximal runs of code points other than the boundary; each padded on both sides, no "  c" gram.
  let word: number[] = []
  const flush = (): void => {
    if (word.length === 0) return
    const padded = [BOUNDARY, BOUNDARY, ...word, BOUNDARY]
    for (let i = 1; i + 2 < padded.length; i++) out.push(gram(padded[i]!, padded[i + 1]!, padded[i + 2]!))
    word = []
  }
  for (const c of points) {
    if (c === BOUNDARY) flush()
    else word.push(c)
  }
  flush()
  return out
}

/** One-permutation MinHash with optimal densification over a list of shingle hashes (0.2.0's `minhashSignature`). */
export function referenceSignature(shingles: readonly number[]): number[] {
  const signature: number[] = new Array<number>(MINHASH_SIZE).fill(EMPTY)
  if (shingles.length === 0) return signature
  for (const shingle of shingles) {
    let v = Math.imul(shingle ^ SEED, MULTIPLIER)
    v = (v ^ (v >>> 15)) >>> 0
    const bin = v >>> (32 - BIN_BITS)
    signature[bin] = Math.min(signature[bin]!, v & VALUE_MASK)
  }
  const filled = signature.map((value) => value <= VALUE_MASK)
  const result = [...signature]
  for (let bin = 0; bin < MINHASH_SIZE; bin++) {
    if (filled[bin]) continue
    let found = EMPTY
    for (let attempt = 0; attempt < PROBES && found === EMPTY; attempt++) {
      const other = mix32(Math.imul(bin + 1, 0x9e3779b9) ^ Math.imul(attempt + 1, 0x85ebca6b)) & (MINHASH_SIZE - 1)
      if (filled[other]) found = signature[other]!
    }
    for (let step = 1; step < MINHASH_SIZE && found === EMPTY; step++) {
      const other = (bin + step) & (MINHASH_SIZE - 1)
      if (filled[other]) found = signature[other]!
    }
    result[bin] = found
  }
  return result
}
