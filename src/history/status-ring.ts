import { estimateJaccard, LSH_BANDS, MINHASH_SIZE } from '../text/minhash.js'
import { hashString } from '../text/hash32.js'
import { chainHead, chainInsert, chainNext, chainStart, chainStartAt, createChainCursor, createChainIndex, type ChainCursor, type ChainIndex } from './chain-index.js'
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
/** Positions of the table of accounts found by one lookup: more than the candidates a lookup visits (`STATUS_TABLES × MAX_STEPS`). */
const AUTHOR_SLOTS = 256

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
  /**
   * Accounts found by the current lookup, with their suspect bits: an open-addressing table of
   * author hashes stamped per lookup (like `scratch`). A `Map` keyed by 32-bit hashes (half of them
   * outside the small-integer range) cost a fifth of the copy search.
   */
  readonly authorKeys: Uint32Array
  readonly authorBits: Uint8Array
  readonly authorStamps: Uint32Array
  /** How many accounts the current lookup found, and the sum of their suspicion. */
  authorCount: number
  authorSuspicion: number
  /** The chain walk of the current lookup. */
  readonly cursor: ChainCursor
  /** The head links of the current lookup's chains, one per table. */
  readonly heads: Uint32Array
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
    authorKeys: new Uint32Array(AUTHOR_SLOTS),
    authorBits: new Uint8Array(AUTHOR_SLOTS),
    authorStamps: new Uint32Array(AUTHOR_SLOTS),
    authorCount: 0,
    authorSuspicion: 0,
    cursor: createChainCursor(),
    heads: new Uint32Array(STATUS_TABLES),
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

/** Adds an account found by the current lookup (stamped with `ring.stamp`), or its suspect bits to one found already. */
function addAuthor(ring: StatusRing, author: number, bits: number): void {
  const { authorKeys: keys, authorBits: found, authorStamps: stamps, stamp } = ring
  let i = Math.imul(author, 0x9e3779b1) >>> 24
  for (let probe = 0; probe < AUTHOR_SLOTS; probe++, i = (i + 1) & (AUTHOR_SLOTS - 1)) {
    const fresh = stamps[i] !== stamp
    if (fresh || keys[i] === author) {
      const before = fresh ? 0 : found[i]!
      if (fresh) ring.authorCount++
      stamps[i] = stamp
      keys[i] = author
      found[i] = before | bits
      ring.authorSuspicion += suspicion(before | bits) - suspicion(before)
      return
    }
  }
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
  const { bytes, words } = ring
  bytes.fill(0, base, base + RECORD_BYTES)
  words[slot * (RECORD_BYTES / 4) + AUTHOR] = fp.author
  words[slot * (RECORD_BYTES / 4) + TIME] = seconds
  bytes[base + FLAGS] = (flags & 31) | (fp.kind === 'long' ? KIND_LONG : fp.kind === 'short' ? KIND_SHORT : 0)
  bytes.set(fp.packed.length <= MINHASH_SIZE ? fp.packed : fp.packed.subarray(0, MINHASH_SIZE), base + PACKED)
  writeId(ring, slot, id)
  const next = ring.index.next
  for (let table = 0; table < STATUS_TABLES; table++) next[slot * STATUS_TABLES + table] = 0
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
  const kept = keptId(id)!
  const { index, cursor } = ring
  const total = ring.total
  const stored = ringKept(ring)
  chainStart(index, 0, fp.keys[0]!, cursor)
  for (let slot = chainNext(index, 0, cursor, total, stored, MAX_STEPS); slot >= 0; slot = chainNext(index, 0, cursor, total, stored, MAX_STEPS)) {
    if (authorAt(ring, slot) === fp.author && rawId(ring, slot) === kept) return true
  }
  return false
}

/** Out-parameter of `ringTextCopies`: the author's own earlier copies, and whether this status is in the ring already. */
export interface OwnCopies {
  repeats: number
  /** `ringHas(ring, fp, fp.id)`, found on the walk of chain 0 (set by `ringTextCopies`). */
  seen: boolean
}

/**
 * Finds copies of a status's text posted by other accounts within the window: LSH candidates
 * confirmed by signature agreement (long texts) or identical signatures (short texts). Copies by
 * the same author (other status ids) are counted in `own.repeats`. Each chain is walked newest
 * first, at most `MAX_STEPS` entries, and left after `MAX_MISS_RUN` candidates in a row that are
 * not copies. With `own`, the walk of chain 0 also answers `ringHas` (`own.seen`): it goes on,
 * looking only for this status, after the copy search leaves the chain.
 *
 * @param ring - the ring
 * @param fp - the status's record
 * @param flags - the status's own suspect bits
 * @param seconds - the status's time in seconds
 * @param windowSeconds - the window
 * @param own - receives the author's own copies and whether the status was seen
 * @returns the copies, or `undefined` when no other account posted the text
 */
export function ringTextCopies(ring: StatusRing, fp: Pick<MemoryRecord, 'kind' | 'packed' | 'keys' | 'author' | 'id'>, flags: number, seconds: number, windowSeconds: number, own?: OwnCopies): CopyMatch | undefined {
  if (own !== undefined) own.seen = false
  if (fp.kind === 'none') return undefined
  const kind = fp.kind === 'long' ? KIND_LONG : KIND_SHORT
  ring.authorCount = 0
  ring.authorSuspicion = 0
  let statuses = 0
  let repeats = 0
  let firstSlot = -1
  ring.stamp = (ring.stamp + 1) >>> 0 || 1
  const { index, cursor, bytes } = ring
  const total = ring.total
  const stored = ringKept(ring)
  const packed = fp.packed
  const author = fp.author
  const kept = fp.id === undefined ? undefined : keptId(fp.id)!
  // Looking for this status itself on chain 0 (what ringHas walks), until found.
  let seek = own !== undefined && kept !== undefined
  // Every head first: in a large memory each is a cache miss, and independent reads overlap.
  // (A record with more keys than tables has nothing filed under the extra ones.)
  const keys = fp.keys
  const heads = ring.heads
  const chains = Math.min(keys.length, STATUS_TABLES)
  for (let k = 0; k < chains; k++) heads[k] = chainHead(index, k, keys[k]!)
  for (let k = 0; k < chains; k++) {
    chainStartAt(heads[k]!, keys[k]!, cursor)
    // Candidates of this chain that failed in a row (see MAX_MISS_RUN).
    let misses = 0
    for (let slot = chainNext(index, k, cursor, total, stored, MAX_STEPS); slot >= 0; slot = chainNext(index, k, cursor, total, stored, MAX_STEPS)) {
      const there = authorAt(ring, slot)
      if (k === 0 && seek && there === author && rawId(ring, slot) === kept) {
        own!.seen = true
        seek = false
      }
      if (misses >= MAX_MISS_RUN) {
        // The copy search has left the chain: chain 0 is walked on only to find this status.
        if (!seek) break
        continue
      }
      if (!firstVisit(ring, slot)) continue
      const flagsThere = flagsAt(ring, slot)
      let miss = (flagsThere & kind) === 0
      if (!miss) {
        if (there === author && own === undefined) continue
        const offset = packedOffset(slot)
        miss = Math.abs(timeAt(ring, slot) - seconds) > windowSeconds || (kind === KIND_LONG ? !similarEnough(bytes, offset, packed) : !equalBytes(bytes, offset, packed))
      }
      if (miss) {
        if (++misses >= MAX_MISS_RUN && !(k === 0 && seek)) break
        continue
      }
      misses = 0
      if (there === author) {
        if (kept === undefined || rawId(ring, slot) !== kept) repeats++
        continue
      }
      statuses++
      addAuthor(ring, there, flagsThere)
      if (firstSlot < 0 || timeAt(ring, slot) <= timeAt(ring, firstSlot)) firstSlot = slot
    }
  }
  if (own !== undefined) own.repeats += repeats
  if (firstSlot < 0) return undefined
  const accounts = ring.authorCount
  return {
    accounts: accounts + 1,
    statuses,
    suspicion: (suspicion(flags) + ring.authorSuspicion) / (accounts + 1),
    firstSeenAt: timeAt(ring, firstSlot) * 1000,
    firstSeenId: readId(ring, firstSlot),
    exact: kind === KIND_SHORT,
  }
}

function equalBytes(a: Uint8Array, offset: number, b: Uint8Array): boolean {
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[offset + i] !== b[i]) return false
  return true
}
