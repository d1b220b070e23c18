import { IMAGE_FINGERPRINT_BYTES } from '../media/blurhash.js'
import { sameImage } from '../media/image-distance.js'
import { mix32 } from '../text/hash32.js'
import { chainInsert, chainNext, chainStart, createChainCursor, createChainIndex, type ChainCursor, type ChainIndex } from './chain-index.js'
import { suspicion } from './memory-store.js'

const MAX_STEPS = 32
/**
 * Cells are 32 byte steps wide on six components (the DC colour and the red channel of the three
 * lowest AC components); a value this close to an edge probes the neighbour too.
 */
const EDGE = 6
const KEY_COMPONENTS = [0, 1, 2, 3, 9, 12] as const

/** Bytes of one remembered image: author, time, parent link (words 0–2), flags, fingerprint. */
const RECORD_BYTES = 48
const WORDS = RECORD_BYTES / 4
const FLAGS = 12
const FINGERPRINT = 13

/** Remembered images from other statuses: a ring buffer of 48-byte records indexed by coarse cells of the fingerprint. */
export interface ImageRing {
  readonly capacity: number
  total: number
  readonly index: ChainIndex
  /** The chain walk of the current lookup. */
  readonly cursor: ChainCursor
  /** The records as bytes. */
  readonly bytes: Uint8Array
  /**
   * The records as words: author hash, time in seconds, and `(sequence + 1) mod 2³²` of the status
   * that carried the image (for evidence, 0 when unknown).
   */
  readonly words: Uint32Array
}

/** What image copies a lookup found. */
export interface ImageCopies {
  readonly authors: Map<number, number>
  statuses: number
  firstAt: number
  firstParent: number
}

/**
 * Creates an empty image ring.
 *
 * @param capacity - most images kept
 * @returns the ring
 */
export function createImageRing(capacity: number): ImageRing {
  const bytes = new Uint8Array(capacity * RECORD_BYTES)
  return { capacity, total: 0, index: createChainIndex(1, capacity), cursor: createChainCursor(), bytes, words: new Uint32Array(bytes.buffer) }
}

/**
 * Reads an image record (for exports).
 *
 * @param ring - the ring
 * @param slot - the slot
 * @returns author hash, time in seconds, suspect flags, parent link and fingerprint
 */
export function imageAt(ring: ImageRing, slot: number): { author: number; time: number; flags: number; parent: number; fingerprint: Uint8Array } {
  const base = slot * RECORD_BYTES
  return {
    author: ring.words[slot * WORDS]!,
    time: ring.words[slot * WORDS + 1]!,
    parent: ring.words[slot * WORDS + 2]!,
    flags: ring.bytes[base + FLAGS]!,
    fingerprint: ring.bytes.subarray(base + FINGERPRINT, base + FINGERPRINT + IMAGE_FINGERPRINT_BYTES),
  }
}

function cellKey(cells: ArrayLike<number>): number {
  let key = 0
  for (let i = 0; i < cells.length; i++) key = key * 8 + cells[i]!
  return mix32(key + 0x632be5ab)
}

/** The cell an image is filed under. */
export function homeKey(fp: Uint8Array): number {
  return cellKey(KEY_COMPONENTS.map((c) => fp[c]! >> 5))
}

const COMPONENTS = KEY_COMPONENTS.length

/**
 * The cells to probe for an image: its own and the neighbours it is near (7 on average, at most
 * 64), its own first. Counted like an odometer over each component's one or two cells, without
 * building the lists of lists a cartesian product would.
 */
export function probeKeys(fp: Uint8Array): number[] {
  const own = new Int8Array(COMPONENTS)
  const other = new Int8Array(COMPONENTS)
  for (let i = 0; i < COMPONENTS; i++) {
    const value = fp[KEY_COMPONENTS[i]!]!
    const cell = value >> 5
    own[i] = cell
    other[i] = (value & 31) < EDGE && cell > 0 ? cell - 1 : (value & 31) > 31 - EDGE && cell < 7 ? cell + 1 : -1
  }
  const keys: number[] = []
  const pick = new Uint8Array(COMPONENTS)
  const cells = new Int8Array(COMPONENTS)
  for (;;) {
    for (let i = 0; i < COMPONENTS; i++) cells[i] = pick[i] === 0 ? own[i]! : other[i]!
    keys.push(cellKey(cells))
    // Next combination: the last component turns fastest (the order of the former cartesian product).
    let i = COMPONENTS - 1
    while (i >= 0 && (pick[i] === 1 || other[i] === -1)) pick[i--] = 0
    if (i < 0) return keys
    pick[i] = 1
  }
}

/**
 * Appends an image, overwriting the oldest when full.
 *
 * @param ring - the ring
 * @param fp - the image fingerprint
 * @param author - hash of the author's acct
 * @param flags - the status's suspect bits
 * @param seconds - post time in seconds
 * @param parent - `(sequence + 1) mod 2³²` of the status in the status ring
 */
export function imageAppend(ring: ImageRing, fp: Uint8Array, author: number, flags: number, seconds: number, parent: number): void {
  const sequence = ring.total
  const slot = sequence % ring.capacity
  ring.total++
  ring.words[slot * WORDS] = author
  ring.words[slot * WORDS + 1] = seconds
  ring.words[slot * WORDS + 2] = parent
  ring.bytes[slot * RECORD_BYTES + FLAGS] = flags
  ring.bytes.set(fp.subarray(0, IMAGE_FINGERPRINT_BYTES), slot * RECORD_BYTES + FINGERPRINT)
  chainInsert(ring.index, 0, homeKey(fp), sequence)
}

/**
 * Finds the same picture posted by other accounts within the window, adding to `found`.
 *
 * @param ring - the ring
 * @param fp - the image fingerprint
 * @param author - hash of this status's author
 * @param seconds - this status's time in seconds
 * @param windowSeconds - the window
 * @param found - accumulates authors (with their suspect bits) and the earliest match
 */
export function imageCopies(ring: ImageRing, fp: Uint8Array, author: number, seconds: number, windowSeconds: number, found: ImageCopies): void {
  const kept = Math.min(ring.total, ring.capacity)
  const { index, cursor, words, bytes } = ring
  const total = ring.total
  // Each image is filed in one cell and the probed cells are distinct: no slot is visited twice
  // (short of two cells sharing a bucket and a tag, which at worst counts a status twice).
  for (const key of probeKeys(fp)) {
    chainStart(index, 0, key, cursor)
    for (let slot = chainNext(index, 0, cursor, total, kept, MAX_STEPS); slot >= 0; slot = chainNext(index, 0, cursor, total, kept, MAX_STEPS)) {
      const other = words[slot * WORDS]!
      const time = words[slot * WORDS + 1]!
      if (other === author || Math.abs(time - seconds) > windowSeconds) continue
      if (!sameImage(bytes, slot * RECORD_BYTES + FINGERPRINT, fp)) continue
      found.statuses++
      found.authors.set(other, (found.authors.get(other) ?? 0) | bytes[slot * RECORD_BYTES + FLAGS]!)
      if (found.firstAt < 0 || time <= found.firstAt) {
        found.firstAt = time
        found.firstParent = words[slot * WORDS + 2]!
      }
    }
  }
}

/**
 * Mean suspicion over the accounts that posted the picture, this status's author included.
 *
 * @param found - the copies found
 * @param ownFlags - this status's suspect bits
 * @returns the mean, 0–1
 */
export function meanSuspicion(found: ImageCopies, ownFlags: number): number {
  let total = suspicion(ownFlags)
  for (const bits of found.authors.values()) total += suspicion(bits)
  return total / (found.authors.size + 1)
}
