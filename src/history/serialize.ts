import { IMAGE_FINGERPRINT_BYTES } from '../media/blurhash.js'
import { MINHASH_SIZE } from '../text/minhash.js'
import { checksum, createByteReader, createByteWriter, withChecksum, type ByteReader, type ByteWriter } from './byte-io.js'
import { keysBySlot } from './chain-index.js'
import { MAX_MARKS, type MarkedText } from './feedback.js'
import { imageAppend, imageAt } from './image-ring.js'
import { SpamFilterMemoryError } from './memory-error.js'
import type { MemoryState } from './recent-statuses.js'
import { authorAt, flagsAt, ID_BYTES, KIND_LONG, KIND_SHORT, packedOffset, rawId, ringAppend, ringKept, STATUS_TABLES, timeAt } from './status-ring.js'

/** `MSFM`: mastodon-spam-filter memory. */
const MAGIC = [0x4d, 0x53, 0x46, 0x4d] as const
/** Bump when the layout changes; an import of another version throws. */
export const MEMORY_FORMAT_VERSION = 2
const NONE = 0xffffffff

function writeTexts(out: ByteWriter, marks: readonly MarkedText[]): void {
  out.u32(marks.length)
  for (const mark of marks) {
    out.u8(mark.kind === 'long' ? 2 : 1)
    out.bytes(mark.packed)
  }
}

function writeImages(out: ByteWriter, marks: readonly Uint8Array[]): void {
  out.u32(marks.length)
  for (const mark of marks) out.bytes(mark)
}

/**
 * Serializes a memory: a header (`MSFM`, version, index size), the statuses in the window (oldest
 * first, with their index keys), the images, the feedback lists, and a checksum.
 *
 * @param state - the memory's contents
 * @param windowSeconds - statuses older than the newest by more than this are left out
 * @returns the bytes
 */
export function serializeMemory(state: MemoryState, windowSeconds: number): Uint8Array {
  const { ring, images, feedback } = state
  const out = createByteWriter(1024 + ringKept(ring) * 90)
  for (const byte of MAGIC) out.u8(byte)
  out.u8(MEMORY_FORMAT_VERSION)
  out.u32(ring.index.buckets)

  const kept = ringKept(ring)
  let newest = 0
  for (let i = 0; i < kept; i++) newest = Math.max(newest, timeAt(ring, i))
  const keys = keysBySlot(ring.index, ring.total, kept)
  const exportIndex = new Map<number, number>()
  const slots: number[] = []
  for (let sequence = ring.total - kept; sequence < ring.total; sequence++) {
    const slot = sequence % ring.capacity
    if (timeAt(ring, slot) + windowSeconds < newest) continue
    exportIndex.set((sequence + 1) >>> 0, slots.length)
    slots.push(slot)
  }
  out.u32(slots.length)
  for (const slot of slots) {
    out.u32(authorAt(ring, slot))
    out.u32(timeAt(ring, slot))
    out.u8(flagsAt(ring, slot))
    out.bytes(ring.bytes.subarray(packedOffset(slot), packedOffset(slot) + MINHASH_SIZE))
    const id = rawId(ring, slot) ?? ''
    out.u8(id.length)
    for (let i = 0; i < id.length; i++) out.u8(id.charCodeAt(i))
    for (let table = 0; table < STATUS_TABLES; table++) out.u32(keys[slot * STATUS_TABLES + table]!)
  }

  const keptImages = Math.min(images.total, images.capacity)
  const imageSlots: number[] = []
  for (let sequence = images.total - keptImages; sequence < images.total; sequence++) {
    const slot = sequence % images.capacity
    if (imageAt(images, slot).time + windowSeconds >= newest) imageSlots.push(slot)
  }
  out.u32(imageSlots.length)
  for (const slot of imageSlots) {
    const image = imageAt(images, slot)
    out.u32(image.author)
    out.u32(image.time)
    out.u8(image.flags)
    out.bytes(image.fingerprint)
    out.u32(exportIndex.get(image.parent) ?? NONE)
  }

  writeTexts(out, feedback.spamTexts)
  writeTexts(out, feedback.allowTexts)
  writeImages(out, feedback.spamImages)
  writeImages(out, feedback.allowImages)
  out.u32(feedback.allowAuthors.size)
  for (const acct of feedback.allowAuthors) {
    const text = acct.slice(0, 1_000)
    out.u16(text.length)
    for (let i = 0; i < text.length; i++) out.u16(text.charCodeAt(i))
  }
  return withChecksum(out.finish())
}

/** The most statuses or images any memory holds (the largest `maxStatuses`/`maxImages`). */
const MAX_ENTRIES = 4_000_000

/**
 * Reads a list's length and checks it before anything is read: no more than `max` entries (what
 * an exporter can write), and no more than the bytes left can hold, so a forged count costs
 * nothing.
 */
function readCount(input: ByteReader, what: string, max: number, entryBytes: number): number {
  const count = input.u32()
  if (count > max) throw new SpamFilterMemoryError('format', `the export holds ${count} ${what}, more than the ${max} a memory keeps`)
  if (count * entryBytes > input.remaining) throw new SpamFilterMemoryError('truncated', `${count} ${what} need at least ${count * entryBytes} bytes, ${input.remaining} are left`)
  return count
}

// Each list is filled with a loop, never `push(...list)`: a spread of a large array overflows the stack.
function readTexts(input: ByteReader, marks: MarkedText[], what: string): void {
  const count = readCount(input, what, MAX_MARKS, 1 + MINHASH_SIZE)
  for (let i = 0; i < count; i++) {
    const kind = input.u8()
    if (kind !== 1 && kind !== 2) throw new SpamFilterMemoryError('format', `unknown text kind ${kind}`)
    marks.push({ kind: kind === 2 ? 'long' : 'short', packed: input.bytes(MINHASH_SIZE).slice() })
  }
}

function readImages(input: ByteReader, marks: Uint8Array[], what: string): void {
  const count = readCount(input, what, MAX_MARKS, IMAGE_FINGERPRINT_BYTES)
  for (let i = 0; i < count; i++) marks.push(input.bytes(IMAGE_FINGERPRINT_BYTES).slice())
}

/** `instanceof` that never throws (it does on a revoked proxy). */
function isBytes(data: unknown): data is Uint8Array {
  try {
    return data instanceof Uint8Array
  } catch {
    return false
  }
}

/**
 * Reads an export into a fresh state (the newest statuses and images that fit its capacity).
 * Throws `SpamFilterMemoryError` on anything but a whole export of this version.
 *
 * @param data - bytes from `serializeMemory`
 * @param target - an empty state to fill
 * @returns the filled state
 */
export function deserializeMemory(data: unknown, target: MemoryState): MemoryState {
  if (!isBytes(data)) throw new SpamFilterMemoryError('format', 'expected a Uint8Array (or a base64 string) from exportMemory')
  if (data.length < 13 || MAGIC.some((byte, i) => data[i] !== byte)) throw new SpamFilterMemoryError('format', 'not a mastodon-spam-filter memory export')
  if (data[4] !== MEMORY_FORMAT_VERSION) throw new SpamFilterMemoryError('version', `version ${String(data[4])}, this library reads version ${MEMORY_FORMAT_VERSION}`)
  const end = data.length - 4
  const stored = createByteReader(data, end, data.length).u32()
  if (stored !== checksum(data, 0, end)) throw new SpamFilterMemoryError('checksum', 'the data is damaged or incomplete')
  const input = createByteReader(data, 5, end)
  const { ring, images, feedback } = target

  // Keys are known as far as the index keeps them (bucket bits and tag): they carry over to a table
  // of the same size or a smaller one. A larger memory cannot place them and relearns the statuses
  // (feedback is kept).
  const sourceBuckets = input.u32()
  const placeable = sourceBuckets >= ring.index.buckets
  const count = readCount(input, 'statuses', MAX_ENTRIES, 9 + MINHASH_SIZE + 1 + 4 * STATUS_TABLES)
  const sequences: number[] = []
  const skip = Math.max(0, count - ring.capacity)
  const keys = new Uint32Array(STATUS_TABLES)
  for (let i = 0; i < count; i++) {
    const author = input.u32()
    const time = input.u32()
    const flags = input.u8()
    const packed = input.bytes(MINHASH_SIZE)
    const idLength = input.u8()
    if (idLength > ID_BYTES) throw new SpamFilterMemoryError('format', `status id of ${idLength} bytes`)
    const id = String.fromCharCode(...input.bytes(idLength))
    for (let table = 0; table < STATUS_TABLES; table++) keys[table] = input.u32()
    if (i < skip || !placeable) {
      sequences.push(-1)
      continue
    }
    const kind = (flags & KIND_LONG) !== 0 ? 'long' : (flags & KIND_SHORT) !== 0 ? 'short' : 'none'
    sequences.push(ringAppend(ring, { kind, packed, keys: new Uint32Array(0), author }, flags, time, idLength === 0 ? undefined : id, keys))
  }

  const imageCount = readCount(input, 'images', MAX_ENTRIES, 9 + IMAGE_FINGERPRINT_BYTES + 4)
  const imageSkip = Math.max(0, imageCount - images.capacity)
  for (let i = 0; i < imageCount; i++) {
    const author = input.u32()
    const time = input.u32()
    const flags = input.u8()
    const fp = input.bytes(IMAGE_FINGERPRINT_BYTES)
    const parentIndex = input.u32()
    const parent = parentIndex === NONE ? -1 : (sequences[parentIndex] ?? -1)
    if (i >= imageSkip) imageAppend(images, fp, author, flags, time, parent < 0 ? 0 : (parent + 1) >>> 0)
  }

  readTexts(input, feedback.spamTexts, 'spam text marks')
  readTexts(input, feedback.allowTexts, 'not-spam text marks')
  readImages(input, feedback.spamImages, 'spam image marks')
  readImages(input, feedback.allowImages, 'not-spam image marks')
  const authors = readCount(input, 'allowed authors', MAX_MARKS, 2)
  for (let i = 0; i < authors; i++) {
    const length = input.u16()
    if (length > 1_000) throw new SpamFilterMemoryError('format', `an allowed author of ${length} characters (at most 1000 are written)`)
    let acct = ''
    for (let c = 0; c < length; c++) acct += String.fromCharCode(input.u16())
    feedback.allowAuthors.add(acct)
  }
  if (input.remaining !== 0) throw new SpamFilterMemoryError('format', `${input.remaining} unexpected bytes at the end`)
  return target
}
