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
  let link = index.heads[table * index.buckets + (key & (index.buckets - 1))]! & SEQUENCE_MASK
  const tag = (key & 0xff000000) >>> 0
  let previousAge = -1
  const newest = total & SEQUENCE_MASK
  for (let step = 0; step < maxSteps && link !== 0; step++) {
    const age = (newest - link) & SEQUENCE_MASK
    if (age >= kept || age <= previousAge) return
    const slot = (total - 1 - age) % index.capacity
    const word = index.next[slot * index.tables + table]!
    if ((anyTag || ((word & 0xff000000) >>> 0) === tag) && !visit(slot, word)) return
    previousAge = age
    link = word & SEQUENCE_MASK
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
  for (let table = 0; table < index.tables; table++) {
    for (let bucket = 0; bucket < index.buckets; bucket++) {
      chainWalk(index, table, bucket, total, kept, kept, (slot, word) => {
        out[slot * index.tables + table] = ((word & 0xff000000) | bucket) >>> 0
        return true
      }, true)
    }
  }
  return out
}

/** Per-lookup state of `chainCollect`, allocated once per index user (no allocation per lookup). */
export interface CollectScratch {
  /** Slots found, `maxSteps` per key: key `k`'s are at `k × maxSteps …`. */
  readonly slots: Int32Array
  /** How many slots each key found. */
  readonly counts: Int32Array
  readonly links: Int32Array
  readonly ages: Int32Array
  readonly steps: Int32Array
  /** The records' first words read ahead (kept so the reads are not optimised away). */
  sink: number
}

/**
 * Creates the scratch of `chainCollect`.
 *
 * @param keys - most keys collected at once (the tables)
 * @param maxSteps - most chain entries stepped through per key
 * @returns the scratch
 */
export function createCollectScratch(keys: number, maxSteps: number): CollectScratch {
  return { slots: new Int32Array(keys * maxSteps), counts: new Int32Array(keys), links: new Int32Array(keys), ages: new Int32Array(keys), steps: new Int32Array(keys), sink: 0 }
}

/**
 * What `chainWalk` visits for key `k` of table `k`, for every key at once: the walks advance in
 * turn, one step of each chain per pass, so the random reads of the different chains are in
 * flight together instead of one after the other (at a million entries, each step is a cache
 * miss). Same entries, same order per key as `chainWalk` with a visitor that never stops.
 *
 * @param index - the index
 * @param keys - one key per table, from table 0
 * @param total - entries inserted so far
 * @param kept - entries still in the ring
 * @param maxSteps - most chain entries stepped through per key (at most the scratch's)
 * @param scratch - receives the slots (`slots`, `counts`)
 * @param n - how many of the keys (tables 0 … n − 1) to walk; all by default
 */
export function chainCollect(index: ChainIndex, keys: Uint32Array, total: number, kept: number, maxSteps: number, scratch: CollectScratch, n = keys.length): void {
  const { heads, next, buckets, tables, capacity } = index
  const { slots, counts, links, ages, steps } = scratch
  const newest = total & SEQUENCE_MASK
  let active = 0
  for (let k = 0; k < n; k++) {
    links[k] = heads[k * buckets + (keys[k]! & (buckets - 1))]! & SEQUENCE_MASK
    ages[k] = -1
    counts[k] = 0
    steps[k] = 0
    if (links[k] !== 0) active++
  }
  while (active > 0) {
    for (let k = 0; k < n; k++) {
      const link = links[k]!
      if (link === 0) continue
      const age = (newest - link) & SEQUENCE_MASK
      if (age >= kept || age <= ages[k]! || steps[k]! >= maxSteps) {
        links[k] = 0
        active--
        continue
      }
      const slot = (total - 1 - age) % capacity
      const word = next[slot * tables + k]!
      if (((word & 0xff000000) >>> 0) === ((keys[k]! & 0xff000000) >>> 0)) slots[k * maxSteps + counts[k]!++] = slot
      ages[k] = age
      steps[k]!++
      const following = word & SEQUENCE_MASK
      links[k] = following
      if (following === 0) active--
    }
  }
}
