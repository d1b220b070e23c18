/**
 * Hash chains over a ring buffer, in typed arrays: the LSH index of the status memory.
 *
 * Each table maps a 32-bit key to a bucket (`key & (buckets − 1)`); a bucket's head holds the
 * newest entry filed there and each entry holds, per table, a link to the previous entry of its
 * bucket. A link is 32 bits: the low 24 are `(sequence + 1) mod 2²⁴` (0: none), the high 8 are a
 * tag, the top byte of the entry's own key. Keys that share a bucket share its chain; the tag
 * skips most entries filed under another key without reading them, and every candidate is still
 * confirmed by its signature, so a shared bucket costs a little time, never a wrong match. An entry
 * whose age is at least the number of entries kept has been overwritten, and since chains run from
 * newest to oldest, a walk stops there. No per-entry sequence array, no deletion, no rehashing.
 * Capacity must stay below 2²⁴ (16.7 million entries).
 */
export interface ChainIndex {
  readonly tables: number
  readonly capacity: number
  readonly buckets: number
  /** `tables × buckets` heads (links without tags). */
  readonly heads: Uint32Array
  /** `capacity × tables` tagged links. */
  readonly next: Uint32Array
}

const SEQUENCE_MASK = 0xffffff

/** The smallest power of two at least `n`. */
function powerOfTwo(n: number): number {
  let size = 1
  while (size < n) size *= 2
  return size
}

/**
 * Creates an empty index.
 *
 * @param tables - independent tables (LSH bands plus any exact keys)
 * @param capacity - entries of the ring buffer it indexes (below 2²⁴)
 * @returns the index
 */
export function createChainIndex(tables: number, capacity: number): ChainIndex {
  const buckets = powerOfTwo(capacity)
  return { tables, capacity, buckets, heads: new Uint32Array(tables * buckets), next: new Uint32Array(capacity * tables) }
}

/**
 * Files entry `sequence` (its slot is `sequence mod capacity`) under a key of a table.
 *
 * @param index - the index
 * @param table - which table
 * @param key - the key (its low bits choose the bucket, its top byte is the tag)
 * @param sequence - the entry's insertion number
 */
export function chainInsert(index: ChainIndex, table: number, key: number, sequence: number): void {
  const head = table * index.buckets + (key & (index.buckets - 1))
  const slot = sequence % index.capacity
  index.next[slot * index.tables + table] = ((index.heads[head]! & SEQUENCE_MASK) | (key & 0xff000000)) >>> 0
  index.heads[head] = (sequence + 1) & SEQUENCE_MASK
}

/**
 * A walk along one chain, stepped by `chainNext` (no callback, so a hot caller allocates no
 * closure per walk); `chainWalk` is the same walk with a callback (for tests and cold callers).
 */
export interface ChainCursor {
  /** The next link to follow (0: the walk is over). */
  link: number
  /** The tag the entries must carry (the top byte of the key). */
  tag: number
  /** Age of the entry visited last (chains run from newest to oldest). */
  previousAge: number
  /** Chain entries stepped through so far. */
  steps: number
}

/** A cursor for `chainStart` to set (one per caller, reused walk after walk). */
export function createChainCursor(): ChainCursor {
  return { link: 0, tag: 0, previousAge: -1, steps: 0 }
}

/**
 * Starts a walk along the chain of a key.
 *
 * @param index - the index
 * @param table - which table
 * @param key - the key
 * @param cursor - the cursor to set
 */
export function chainStart(index: ChainIndex, table: number, key: number, cursor: ChainCursor): void {
  chainStartAt(chainHead(index, table, key), key, cursor)
}

/**
 * The head link of a key's chain. Reading the heads of several tables first, then walking, lets
 * the processor fetch them from memory at once rather than one after another (in a large index
 * each head is a cache miss).
 *
 * @param index - the index
 * @param table - which table
 * @param key - the key
 * @returns the head link (0: empty chain)
 */
export function chainHead(index: ChainIndex, table: number, key: number): number {
  return index.heads[table * index.buckets + (key & (index.buckets - 1))]! & SEQUENCE_MASK
}

/**
 * Starts a walk from a head link read beforehand (`chainHead`).
 *
 * @param head - the chain's head link
 * @param key - the key
 * @param cursor - the cursor to set
 */
export function chainStartAt(head: number, key: number, cursor: ChainCursor): void {
  cursor.link = head
  cursor.tag = (key & 0xff000000) >>> 0
  cursor.previousAge = -1
  cursor.steps = 0
}

/**
 * The next entry of a walk (newest first) whose tag agrees, at most `maxSteps` chain entries into
 * the chain (entries of other tags count as steps).
 *
 * @param index - the index
 * @param table - the table the walk was started in
 * @param cursor - the walk
 * @param total - entries inserted so far
 * @param kept - entries still in the ring (`min(total, capacity)`)
 * @param maxSteps - most chain entries stepped through
 * @param anyTag - return every entry of the bucket, whatever its tag (for exports)
 * @returns the entry's slot, or -1 when the walk is over
 */
export function chainNext(index: ChainIndex, table: number, cursor: ChainCursor, total: number, kept: number, maxSteps: number, anyTag = false): number {
  const newest = total & SEQUENCE_MASK
  while (cursor.steps < maxSteps && cursor.link !== 0) {
    cursor.steps++
    const age = (newest - cursor.link) & SEQUENCE_MASK
    if (age >= kept || age <= cursor.previousAge) {
      cursor.link = 0
      return -1
    }
    const slot = (total - 1 - age) % index.capacity
    const word = index.next[slot * index.tables + table]!
    cursor.previousAge = age
    cursor.link = word & SEQUENCE_MASK
    if (anyTag || ((word & 0xff000000) >>> 0) === cursor.tag) return slot
  }
  return -1
}

/**
 * Visits the entries filed under a key (and a few others of its bucket whose tag agrees), newest
 * first, at most `maxSteps` entries of the chain.
 *
 * @param index - the index
 * @param table - which table
 * @param key - the key
 * @param total - entries inserted so far
 * @param kept - entries still in the ring (`min(total, capacity)`)
 * @param maxSteps - most chain entries stepped through
 * @param visit - called with each entry's slot; return `false` to stop
 * @param anyTag - visit every entry of the bucket, whatever its tag (for exports)
 */
export function chainWalk(index: ChainIndex, table: number, key: number, total: number, kept: number, maxSteps: number, visit: (slot: number, link: number) => boolean, anyTag = false): void {
  const cursor = createChainCursor()
  chainStart(index, table, key, cursor)
  for (let slot = chainNext(index, table, cursor, total, kept, maxSteps, anyTag); slot >= 0; slot = chainNext(index, table, cursor, total, kept, maxSteps, anyTag)) {
    if (!visit(slot, index.next[slot * index.tables + table]!)) return
  }
}

/**
 * Finds, for every entry still kept, the key it is filed under in each table, as far as the
 * index knows it (bucket and tag; walking every chain once): what an export needs to rebuild the
 * index elsewhere.
 *
 * @param index - the index
 * @param total - entries inserted so far
 * @param kept - entries still in the ring
 * @returns `capacity × tables` keys (`tag << 24 | bucket`); entries filed nowhere in a table keep `0xffffffff`
 */
export function keysBySlot(index: ChainIndex, total: number, kept: number): Uint32Array {
  const out = new Uint32Array(index.capacity * index.tables).fill(0xffffffff)
  const cursor = createChainCursor()
  for (let table = 0; table < index.tables; table++) {
    for (let bucket = 0; bucket < index.buckets; bucket++) {
      chainStart(index, table, bucket, cursor)
      for (let slot = chainNext(index, table, cursor, total, kept, kept, true); slot >= 0; slot = chainNext(index, table, cursor, total, kept, kept, true)) {
        out[slot * index.tables + table] = ((index.next[slot * index.tables + table]! & 0xff000000) | bucket) >>> 0
      }
    }
  }
  return out
}
