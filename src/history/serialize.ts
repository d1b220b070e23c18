/**
 * The memory snapshot format (`MSFM`), shared by every store: the in-process store writes and reads
 * it from its rings, the Redis store from its keys, so a snapshot moves between the two.
 *
 * Layout (little-endian): `MSFM`, version (u8), index buckets (u32: the keys below are known as
 * `tag << 24 | bucket` for that many buckets; `WHOLE_KEYS` when they are whole 32-bit keys), the
 * statuses (u32 count, then oldest first: author u32, time u32, flags u8, packed signature
 * `MINHASH_SIZE` bytes, id length u8 and id bytes — the kept form of the id —, and one key u32 per
 * index table, `0xffffffff` where it is filed nowhere), the images (u32 count, then author u32,
 * time u32, flags u8, fingerprint, index of the status that carried it u32 or `0xffffffff`), the
 * spam and not-spam text marks, image marks, the allowed authors, and an FNV-1a checksum.
 */
import { IMAGE_FINGERPRINT_BYTES } from '../media/blurhash.js'
import { MINHASH_SIZE } from '../text/minhash.js'
import { checksum, createByteReader, createByteWriter, withChecksum, type ByteReader, type ByteWriter } from './byte-io.js'
import { keysBySlot } from './chain-index.js'
import { MAX_MARKS, type Feedback, type MarkedText } from './feedback.js'
import { imageAppend, imageAt } from './image-ring.js'
import { SpamFilterMemoryError } from './memory-error.js'
import type { MemoryState } from './recent-statuses.js'
import { authorAt, flagsAt, ID_BYTES, KIND_LONG, KIND_SHORT, packedOffset, rawId, ringAppend, ringKept, STATUS_TABLES, timeAt } from './status-ring.js'

/** `MSFM`: mastodon-spam-filter memory. */
const MAGIC = [0x4d, 0x53, 0x46, 0x4d] as const
/** Bump when the layout changes; an import of another version throws. */
export const MEMORY_FORMAT_VERSION = 2
/** "No key" in a table, "no status" as an image's parent. */
export const NONE = 0xffffffff
/** The buckets field of a snapshot whose keys are whole (a Redis export): placeable in a memory of any size. */
export const WHOLE_KEYS = 0xffffffff
/** The most statuses or images any memory holds (the largest `maxStatuses`/`maxImages`). */
export const MAX_ENTRIES = 4_000_000
/** Bytes of one status in a snapshot, without its id. */
const STATUS_BYTES = 9 + MINHASH_SIZE + 1 + 4 * STATUS_TABLES

/** Starts a snapshot: magic, version, buckets and the number of statuses that follow. */
export function writeHeader(out: ByteWriter, buckets: number, statuses: number): void {
  for (const byte of MAGIC) out.u8(byte)
  out.u8(MEMORY_FORMAT_VERSION)
  out.u32(buckets)
  out.u32(statuses)
}

/**
 * Writes one status.
 *
 * @param out - the writer
 * @param author - author hash
 * @param time - post time, seconds
 * @param flags - stored flags (suspect bits and kind)
 * @param packed - bytes holding the packed signature at `offset`
 * @param offset - where the signature starts
 * @param id - the kept form of the status id (at most `ID_BYTES` ASCII characters), `''` for none
 * @param keys - one key per table (`NONE` where filed nowhere)
 * @param keysOffset - where this status's keys start in `keys`
 */
export function writeStatus(out: ByteWriter, author: number, time: number, flags: number, packed: Uint8Array, offset: number, id: string, keys: ArrayLike<number>, keysOffset = 0): void {
  out.u32(author)
  out.u32(time)
  out.u8(flags)
  out.bytes(packed.subarray(offset, offset + MINHASH_SIZE))
  const length = id.length <= ID_BYTES ? id.length : 0
  out.u8(length)
  for (let i = 0; i < length; i++) out.u8(id.charCodeAt(i) & 255)
  for (let table = 0; table < STATUS_TABLES; table++) out.u32(keys[keysOffset + table] ?? NONE)
}

/** Writes one image (`parent`: index of its status in this snapshot, or `NONE`). */
export function writeImage(out: ByteWriter, author: number, time: number, flags: number, fingerprint: Uint8Array, parent: number): void {
  out.u32(author)
  out.u32(time)
  out.u8(flags)
  out.bytes(fingerprint)
  out.u32(parent)
}

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

/** What a snapshot keeps of the feedback (the in-process `Feedback`, or what a Redis store read back). */
export interface SnapshotFeedback {
  readonly spamTexts: readonly MarkedText[]
  readonly allowTexts: readonly MarkedText[]
  readonly spamImages: readonly Uint8Array[]
  readonly allowImages: readonly Uint8Array[]
  readonly allowAuthors: Iterable<string>
}

/** Writes the feedback lists and seals the snapshot with its checksum. */
export function finishSnapshot(out: ByteWriter, feedback: SnapshotFeedback): Uint8Array {
  writeTexts(out, feedback.spamTexts)
  writeTexts(out, feedback.allowTexts)
  writeImages(out, feedback.spamImages)
  writeImages(out, feedback.allowImages)
  const authors = [...feedback.allowAuthors].slice(-MAX_MARKS)
  out.u32(authors.length)
  for (const acct of authors) {
    const text = acct.slice(0, 1_000)
    out.u16(text.length)
    for (let i = 0; i < text.length; i++) out.u16(text.charCodeAt(i))
  }
  return withChecksum(out.finish())
}

/**
 * Serializes an in-process memory: its statuses in the window (oldest first, with their index
 * keys as far as the index knows them), the images, the feedback lists, and a checksum.
 *
 * @param state - the memory's contents
 * @param windowSeconds - statuses older than the newest by more than this are left out
 * @returns the bytes
 */
export function serializeMemory(state: MemoryState, windowSeconds: number): Uint8Array {
  const { ring, images, feedback } = state
  const out = createByteWriter(1024 + ringKept(ring) * 90)
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
  writeHeader(out, ring.index.buckets, slots.length)
  for (const slot of slots) writeStatus(out, authorAt(ring, slot), timeAt(ring, slot), flagsAt(ring, slot), ring.bytes, packedOffset(slot), rawId(ring, slot) ?? '', keys, slot * STATUS_TABLES)

  const keptImages = Math.min(images.total, images.capacity)
  const imageSlots: number[] = []
  for (let sequence = images.total - keptImages; sequence < images.total; sequence++) {
    const slot = sequence % images.capacity
    if (imageAt(images, slot).time + windowSeconds >= newest) imageSlots.push(slot)
  }
  out.u32(imageSlots.length)
  for (const slot of imageSlots) {
    const image = imageAt(images, slot)
    writeImage(out, image.author, image.time, image.flags, image.fingerprint, exportIndex.get(image.parent) ?? NONE)
  }
  return finishSnapshot(out, feedback)
}

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

/** One status of a snapshot (`packed` and `keys` are views, valid until the next `nextStatus`). */
export interface SnapshotStatus {
  readonly author: number
  readonly time: number
  readonly flags: number
  readonly packed: Uint8Array
  /** The kept form of the id, `''` for none. */
  readonly id: string
  readonly keys: Uint32Array
}

/** One image of a snapshot (`fingerprint` is a view into the data). */
export interface SnapshotImage {
  readonly author: number
  readonly time: number
  readonly flags: number
  readonly fingerprint: Uint8Array
  /** Index of the status that carried it, or `NONE`. */
  readonly parent: number
}

/**
 * A snapshot opened for reading, part by part and in order: `statuses` calls of `nextStatus`,
 * then `imageCount` and as many `nextImage`, then `feedback`. Any part throws
 * `SpamFilterMemoryError` on bad data.
 */
export interface SnapshotReader {
  /** The buckets field (`WHOLE_KEYS` for whole keys). */
  readonly buckets: number
  readonly statuses: number
  nextStatus(): SnapshotStatus
  imageCount(): number
  nextImage(): SnapshotImage
  /** Reads the feedback lists into `target` and checks that nothing follows. */
  feedback(target: Feedback): void
}

/**
 * Opens a snapshot: checks the magic bytes, the version and the checksum.
 *
 * @param data - bytes from an `exportMemory`
 * @returns the reader
 */
export function openSnapshot(data: unknown): SnapshotReader {
  if (!isBytes(data)) throw new SpamFilterMemoryError('format', 'expected a Uint8Array (or a base64 string) from exportMemory')
  if (data.length < 13 || MAGIC.some((byte, i) => data[i] !== byte)) throw new SpamFilterMemoryError('format', 'not a mastodon-spam-filter memory export')
  if (data[4] !== MEMORY_FORMAT_VERSION) throw new SpamFilterMemoryError('version', `version ${String(data[4])}, this library reads version ${MEMORY_FORMAT_VERSION}`)
  const end = data.length - 4
  const stored = createByteReader(data, end, data.length).u32()
  if (stored !== checksum(data, 0, end)) throw new SpamFilterMemoryError('checksum', 'the data is damaged or incomplete')
  const input = createByteReader(data, 5, end)
  const buckets = input.u32()
  const statuses = readCount(input, 'statuses', MAX_ENTRIES, STATUS_BYTES)
  const keys = new Uint32Array(STATUS_TABLES)
  return {
    buckets,
    statuses,
    nextStatus() {
      const author = input.u32()
      const time = input.u32()
      const flags = input.u8()
      const packed = input.bytes(MINHASH_SIZE)
      const idLength = input.u8()
      if (idLength > ID_BYTES) throw new SpamFilterMemoryError('format', `status id of ${idLength} bytes`)
      const id = String.fromCharCode(...input.bytes(idLength))
      for (let table = 0; table < STATUS_TABLES; table++) keys[table] = input.u32()
      return { author, time, flags, packed, id, keys }
    },
    imageCount: () => readCount(input, 'images', MAX_ENTRIES, 9 + IMAGE_FINGERPRINT_BYTES + 4),
    nextImage() {
      const author = input.u32()
      const time = input.u32()
      const flags = input.u8()
      const fingerprint = input.bytes(IMAGE_FINGERPRINT_BYTES)
      return { author, time, flags, fingerprint, parent: input.u32() }
    },
    feedback(target) {
      readTexts(input, target.spamTexts, 'spam text marks')
      readTexts(input, target.allowTexts, 'not-spam text marks')
      readImages(input, target.spamImages, 'spam image marks')
      readImages(input, target.allowImages, 'not-spam image marks')
      const authors = readCount(input, 'allowed authors', MAX_MARKS, 2)
      for (let i = 0; i < authors; i++) {
        const length = input.u16()
        if (length > 1_000) throw new SpamFilterMemoryError('format', `an allowed author of ${length} characters (at most 1000 are written)`)
        let acct = ''
        for (let c = 0; c < length; c++) acct += String.fromCharCode(input.u16())
        target.allowAuthors.add(acct)
      }
      if (input.remaining !== 0) throw new SpamFilterMemoryError('format', `${input.remaining} unexpected bytes at the end`)
    },
  }
}

/** The kind of a stored flag byte. */
export function kindOfFlags(flags: number): 'long' | 'short' | 'none' {
  return (flags & KIND_LONG) !== 0 ? 'long' : (flags & KIND_SHORT) !== 0 ? 'short' : 'none'
}

/**
 * Reads an export into a fresh state (the newest statuses and images that fit its capacity).
 * Throws `SpamFilterMemoryError` on anything but a whole export of this version.
 *
 * @param data - bytes from `serializeMemory` (or another store's export)
 * @param target - an empty state to fill
 * @returns the filled state
 */
export function deserializeMemory(data: unknown, target: MemoryState): MemoryState {
  const snapshot = openSnapshot(data)
  const { ring, images, feedback } = target
  // Keys are known as far as the index keeps them (bucket bits and tag): they carry over to a table
  // of the same size or a smaller one. A larger memory cannot place them and relearns the statuses
  // (feedback is kept). Whole keys (a Redis export) fit any size.
  const placeable = snapshot.buckets >= ring.index.buckets
  const count = snapshot.statuses
  const sequences: number[] = []
  const skip = Math.max(0, count - ring.capacity)
  for (let i = 0; i < count; i++) {
    const status = snapshot.nextStatus()
    if (i < skip || !placeable) {
      sequences.push(-1)
      continue
    }
    const fp = { kind: kindOfFlags(status.flags), packed: status.packed, keys: new Uint32Array(0), author: status.author }
    sequences.push(ringAppend(ring, fp, status.flags, status.time, status.id === '' ? undefined : status.id, status.keys))
  }

  const imageCount = snapshot.imageCount()
  const imageSkip = Math.max(0, imageCount - images.capacity)
  for (let i = 0; i < imageCount; i++) {
    const image = snapshot.nextImage()
    const parent = image.parent === NONE ? -1 : (sequences[image.parent] ?? -1)
    if (i >= imageSkip) imageAppend(images, image.fingerprint, image.author, image.flags, image.time, parent < 0 ? 0 : (parent + 1) >>> 0)
  }
  snapshot.feedback(feedback)
  return target
}
