import { estimateJaccard, LSH_BANDS, MINHASH_SIZE } from '../text/minhash.js'
import { hashString } from '../text/hash32.js'
import { chainInsert, chainWalk, createChainIndex, type ChainIndex } from './chain-index.js'
import { suspicion, type CopyMatch, type MemoryRecord } from './memory-store.js'

/**
 * Tables of the status index: the LSH bands. Table 0 also files short texts (under their exact
 * key) and statuses without text (under their id key), so "seen already" walks a chain the lookup
 * has just read.
 */
export const STATUS_TABLES = LSH_BANDS
/** The entry has a long text, compared by MinHash (a flag bit next to the `FLAG_*` suspect bits). */
export const KIND_LONG = 32
/** The entry has a short text, compared exactly (filed in table 0 under its exact key). */
export const KIND_SHORT = 64
/** Bytes of one remembered status: one cache line. */
export const RECORD_BYTES = 64
const AUTHOR = 0
const TIME = 1
const FLAGS = 8
const ID_LENGTH = 9
const ID = 10
/** Bytes kept of a status id, for evidence ("first seen: status …"); longer ids are not kept. */
export const ID_BYTES = 22
const PACKED = 32
/** Entries visited per chain: bounds the cost of one status whatever the memory size. */
const MAX_STEPS = 16
/**
 * Candidates of one chain that may fail confirmation in a row before the copy search leaves that
 * chain. A band key shared by many unrelated texts (common words fill the same MinHash bins: in a
 * large memory some keys file thousands of statuses) yields a run of candidates that are not
 * copies, each a cache miss; a copy resets the run, so a wave's copies, filed next to each other,
 * are all walked. Measured with `bench/near-duplicate.ts` (2026-12-07): memory work at 1M
 * remembered 1.63× the cost at 1k without the limit, 1.18× with 2 (1.35× with 4); recall of
 * one-word-changed copies 98.8 % → 98.2 % at 1M, unchanged (99.1 %) at 500k.
 */
export const MAX_MISS_RUN = 2
/** Estimated Jaccard similarity from which two long texts count as copies. */
export const MIN_SIMILARITY = 0.5
const SCRATCH = 1024

/**
 * The fewest agreeing bytes of two packed signatures whose `estimateJaccard` reaches
 * `MIN_SIMILARITY`, found by asking `estimateJaccard` itself (so `similarEnough` agrees with it
 * exactly, whatever its correction for chance agreement).
 */
const MIN_AGREE: number = /* @__PURE__ */ (() => {
  const a = new Uint8Array(MINHASH_SIZE)
  const b = new Uint8Array(MINHASH_SIZE)
  for (let agree = 0; agree <= MINHASH_SIZE; agree++) {
    b.fill(1).fill(0, 0, agree)
    if (estimateJaccard(a, 0, b, 0) >= MIN_SIMILARITY) return agree
  }
  return MINHASH_SIZE + 1
})()

/**
 * `estimateJaccard(bytes, offset, packed, 0) >= MIN_SIMILARITY`, stopping as soon as too many
 * bytes disagree (most candidates of a large memory share one band and little else).
 *
 * @param bytes - bytes holding a packed signature at `offset`
 * @param offset - where it starts
 * @param packed - the other packed signature
 * @returns whether the two count as copies
 */
export function similarEnough(bytes: Uint8Array, offset: number, packed: Uint8Array): boolean {
  let misses = MINHASH_SIZE - MIN_AGREE
  for (let i = 0; i < MINHASH_SIZE; i++) if (bytes[offset + i] !== packed[i] && --misses < 0) return false
  return true
}

/**
 * The remembered statuses: a ring buffer of 64-byte records (author hash, time in seconds, flags,
 * status id, packed MinHash signature), so checking a candidate reads one cache line.
 */
export interface StatusRing {
  readonly capacity: number
  /** Statuses inserted since creation (the next one's sequence number). */
  total: number
  readonly index: ChainIndex
  /** The records, as bytes. */
  readonly bytes: Uint8Array
  /** The same records, as 32-bit words (author at word 0, time at word 1 of each record). */
  readonly words: Uint32Array
  /** Slots visited by the current lookup (open addressing, stamped per lookup): no allocation per status. */
  readonly scratch: Int32Array
  readonly stamps: Uint32Array
  stamp: number
  /** Accounts found by the current lookup (cleared per lookup: no allocation per status). */
  readonly found: Map<number, number>
}

/**
 * Creates an empty ring.
 *
 * @param capacity - most statuses kept
 * @returns the ring
 */
export function createStatusRing(capacity: number): StatusRing {
  const bytes = new Uint8Array(capacity * RECORD_BYTES)
  return {
    capacity,
    total: 0,
    index: createChainIndex(STATUS_TABLES, capacity),
    bytes,
    words: new Uint32Array(bytes.buffer),
    scratch: new Int32Array(SCRATCH),
    stamps: new Uint32Array(SCRATCH),
    stamp: 0,
    found: new Map(),
  }
}

/** The author hash of a slot. */
export function authorAt(ring: StatusRing, slot: number): number {
  return ring.words[slot * (RECORD_BYTES / 4) + AUTHOR]!
}

/** The time (seconds) of a slot. */
export function timeAt(ring: StatusRing, slot: number): number {
  return ring.words[slot * (RECORD_BYTES / 4) + TIME]!
}

/** The flags of a slot. */
export function flagsAt(ring: StatusRing, slot: number): number {
  return ring.bytes[slot * RECORD_BYTES + FLAGS]!
}

/** Where a slot's packed signature starts in `ring.bytes`. */
export function packedOffset(slot: number): number {
  return slot * RECORD_BYTES + PACKED
}

/** Seconds since the epoch, clamped to what a `Uint32Array` holds. */
export function toSeconds(ms: number): number {
  return Math.min(0xffffffff, Math.max(0, Math.floor(ms / 1000)))
}

/**
 * The form of a status id kept in a record: the id itself when it is printable ASCII of at most
 * `ID_BYTES`, else `#` and a 64-bit hash of it in base 36 (an ActivityPub URL), so "seen already"
 * and "the same author's other status" stay exact for every id; `readId` hides the hashed form.
 *
 * @param id - the status id
 * @returns the kept form, or `undefined` without an id
 */
export function keptId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined
  // A kept hashed id (from an export) is kept as it is.
  let plain = id.length <= ID_BYTES
  for (let i = 0; plain && i < id.length; i++) {
    const code = id.charCodeAt(i)
    if (code < 32 || code > 126) plain = false
  }
  return plain ? id : `#${hashString(id).toString(36)}.${hashString(id, 0x9e3779b9).toString(36)}`
}

function writeId(ring: StatusRing, slot: number, id: string | undefined): void {
  const base = slot * RECORD_BYTES
  const kept = keptId(id) ?? ''
  for (let i = 0; i < kept.length; i++) ring.bytes[base + ID + i] = kept.charCodeAt(i)
  ring.bytes[base + ID_LENGTH] = kept.length
}

/** The id kept at a slot as stored (a hashed id included), `undefined` when none. */
export function rawId(ring: StatusRing, slot: number): string | undefined {
  const base = slot * RECORD_BYTES
  const length = ring.bytes[base + ID_LENGTH]!
  if (length === 0) return undefined
  return String.fromCharCode(...ring.bytes.subarray(base + ID, base + ID + length))
}

/** The status id kept at a slot, for evidence: `undefined` when none or kept only as a hash. */
export function readId(ring: StatusRing, slot: number): string | undefined {
  const base = slot * RECORD_BYTES
  if (ring.bytes[base + ID_LENGTH] === 0 || ring.bytes[base + ID] === 0x23) return undefined
  return rawId(ring, slot)
}

function firstVisit(ring: StatusRing, slot: number): boolean {
  let i = Math.imul(slot, 0x9e3779b1) >>> 22
  for (let probe = 0; probe < SCRATCH; probe++, i = (i + 1) & (SCRATCH - 1)) {
    if (ring.stamps[i] !== ring.stamp) {
      ring.stamps[i] = ring.stamp
      ring.scratch[i] = slot
      return true
    }
    if (ring.scratch[i] === slot) return false
  }
  return true
}

/**
 * Appends a status, overwriting the oldest when full.
 *
 * @param ring - the ring
 * @param fp - the status's fingerprint
 * @param flags - suspect bits
 * @param seconds - post time in seconds
 * @param id - the status id
 * @param keys - keys per table to file it under (an import), instead of the fingerprint's keys
 * @returns the sequence number given to it
 */
export function ringAppend(ring: StatusRing, fp: Pick<MemoryRecord, 'kind' | 'packed' | 'keys' | 'author'>, flags: number, seconds: number, id: string | undefined, keys?: ArrayLike<number>): number {
  const sequence = ring.total
  const slot = sequence % ring.capacity
  ring.total++
  const base = slot * RECORD_BYTES
  ring.bytes.fill(0, base, base + RECORD_BYTES)
  ring.words[slot * (RECORD_BYTES / 4) + AUTHOR] = fp.author
  ring.words[slot * (RECORD_BYTES / 4) + TIME] = seconds
  ring.bytes[base + FLAGS] = (flags & 31) | (fp.kind === 'long' ? KIND_LONG : fp.kind === 'short' ? KIND_SHORT : 0)
  ring.bytes.set(fp.packed.length === MINHASH_SIZE ? fp.packed : fp.packed.subarray(0, MINHASH_SIZE), base + PACKED)
  writeId(ring, slot, id)
  for (let table = 0; table < STATUS_TABLES; table++) ring.index.next[slot * STATUS_TABLES + table] = 0
  if (keys !== undefined) {
    for (let table = 0; table < STATUS_TABLES; table++) {
      const key = keys[table]!
      if (key !== 0xffffffff) chainInsert(ring.index, table, key, sequence)
    }
  } else {
    for (let k = 0; k < fp.keys.length; k++) chainInsert(ring.index, k, fp.keys[k]!, sequence)
  }
  return sequence
}

/** Statuses still in the ring. */
export function ringKept(ring: StatusRing): number {
  return Math.min(ring.total, ring.capacity)
}

/**
 * Whether this status (same author, same id) is already remembered.
 *
 * @param ring - the ring
 * @param fp - the status's fingerprint
 * @param id - the status id
 * @returns whether it is
 */
export function ringHas(ring: StatusRing, fp: MemoryRecord, id: string | undefined): boolean {
  if (id === undefined || fp.keys.length === 0) return false
  const kept = keptId(id)
  let found = false
  chainWalk(ring.index, 0, fp.keys[0]!, ring.total, ringKept(ring), MAX_STEPS, (slot) => {
    if (authorAt(ring, slot) !== fp.author) return true
    found = rawId(ring, slot) === kept
    return !found
  })
  return found
}

/** Out-parameter of `ringTextCopies`: the author's own earlier copies. */
export interface OwnCopies {
  repeats: number
}

/**
 * Finds copies of a status's text posted by other accounts within the window: LSH candidates
 * confirmed by signature agreement (long texts) or identical signatures (short texts). Copies by
 * the same author (other status ids) are counted in `own.repeats`. Each chain is walked newest
 * first, at most `MAX_STEPS` entries, and left after `MAX_MISS_RUN` candidates in a row that are
 * not copies.
 *
 * @param ring - the ring
 * @param fp - the status's record
 * @param flags - the status's own suspect bits
 * @param seconds - the status's time in seconds
 * @param windowSeconds - the window
 * @param own - receives the author's own copies
 * @returns the copies, or `undefined` when no other account posted the text
 */
export function ringTextCopies(ring: StatusRing, fp: Pick<MemoryRecord, 'kind' | 'packed' | 'keys' | 'author' | 'id'>, flags: number, seconds: number, windowSeconds: number, own?: OwnCopies): CopyMatch | undefined {
  if (fp.kind === 'none') return undefined
  const kind = fp.kind === 'long' ? KIND_LONG : KIND_SHORT
  const authors = ring.found
  authors.clear()
  let statuses = 0
  let firstSlot = -1
  ring.stamp = (ring.stamp + 1) >>> 0 || 1
  // Candidates of the current chain that failed in a row (see MAX_MISS_RUN); `false` leaves the chain.
  let misses = 0
  const miss = (): boolean => ++misses < MAX_MISS_RUN
  const visit = (slot: number): boolean => {
    if (!firstVisit(ring, slot)) return true
    const author = authorAt(ring, slot)
    const flagsThere = flagsAt(ring, slot)
    if ((flagsThere & kind) === 0) return miss()
    if (author === fp.author && own === undefined) return true
    if (Math.abs(timeAt(ring, slot) - seconds) > windowSeconds) return miss()
    const offset = packedOffset(slot)
    if (kind === KIND_LONG ? !similarEnough(ring.bytes, offset, fp.packed) : !equalBytes(ring.bytes, offset, fp.packed)) return miss()
    misses = 0
    if (author === fp.author) {
      if (fp.id === undefined || rawId(ring, slot) !== keptId(fp.id)) own!.repeats++
      return true
    }
    statuses++
    authors.set(author, (authors.get(author) ?? 0) | flagsThere)
    if (firstSlot < 0 || timeAt(ring, slot) <= timeAt(ring, firstSlot)) firstSlot = slot
    return true
  }
  for (let k = 0; k < fp.keys.length; k++) {
    misses = 0
    chainWalk(ring.index, k, fp.keys[k]!, ring.total, ringKept(ring), MAX_STEPS, visit)
  }
  if (firstSlot < 0) return undefined
  let total = suspicion(flags)
  for (const bits of authors.values()) total += suspicion(bits)
  return {
    accounts: authors.size + 1,
    statuses,
    suspicion: total / (authors.size + 1),
    firstSeenAt: timeAt(ring, firstSlot) * 1000,
    firstSeenId: readId(ring, firstSlot),
    exact: kind === KIND_SHORT,
  }
}

function equalBytes(a: Uint8Array, offset: number, b: Uint8Array): boolean {
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[offset + i] !== b[i]) return false
  return true
}
