/**
 * The status ring's lookup as 0.2.0 wrote it (main at ebfb311), kept as the plain reference the
 * faster walk is compared with: a callback walk of each chain (`chainWalk` with closures), a
 * separate walk of chain 0 for "seen already" (`ringHas`), and an append that clears the record
 * first. The record layout is the ring's own (`createStatusRing`).
 */
import { chainInsert, type ChainIndex } from '../../src/history/chain-index.js'
import { suspicion, type CopyMatch, type MemoryRecord } from '../../src/history/memory-store.js'
import { authorAt, flagsAt, keptId, MAX_MISS_RUN, packedOffset, rawId, readId, ringKept, similarEnough, STATUS_TABLES, type StatusRing, timeAt } from '../../src/history/status-ring.js'
import { MINHASH_SIZE } from '../../src/text/minhash.js'

const SEQUENCE_MASK = 0xffffff
const MAX_STEPS = 16
const SCRATCH = 1024
const RECORD_BYTES = 64
const KIND_LONG = 32
const KIND_SHORT = 64
const AUTHOR = 0
const TIME = 1
const FLAGS = 8
const ID_LENGTH = 9
const ID = 10
const PACKED = 32

export function referenceChainWalk(index: ChainIndex, table: number, key: number, total: number, kept: number, maxSteps: number, visit: (slot: number, link: number) => boolean, anyTag = false): void {
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

export function referenceAppend(ring: StatusRing, fp: Pick<MemoryRecord, 'kind' | 'packed' | 'keys' | 'author'>, flags: number, seconds: number, id: string | undefined, keys?: ArrayLike<number>): number {
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

function writeId(ring: StatusRing, slot: number, id: string | undefined): void {
  const base = slot * RECORD_BYTES
  const kept = keptId(id) ?? ''
  for (let i = 0; i < kept.length; i++) ring.bytes[base + ID + i] = kept.charCodeAt(i)
  ring.bytes[base + ID_LENGTH] = kept.length
}

export function referenceHas(ring: StatusRing, fp: MemoryRecord, id: string | undefined): boolean {
  if (id === undefined || fp.keys.length === 0) return false
  const kept = keptId(id)
  let found = false
  referenceChainWalk(ring.index, 0, fp.keys[0]!, ring.total, ringKept(ring), MAX_STEPS, (slot) => {
    if (authorAt(ring, slot) !== fp.author) return true
    found = rawId(ring, slot) === kept
    return !found
  })
  return found
}

export function referenceTextCopies(ring: StatusRing, fp: Pick<MemoryRecord, 'kind' | 'packed' | 'keys' | 'author' | 'id'>, flags: number, seconds: number, windowSeconds: number, own?: { repeats: number }): CopyMatch | undefined {
  if (fp.kind === 'none') return undefined
  const kind = fp.kind === 'long' ? KIND_LONG : KIND_SHORT
  const authors = new Map<number, number>()
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
    referenceChainWalk(ring.index, k, fp.keys[k]!, ring.total, ringKept(ring), MAX_STEPS, visit)
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
