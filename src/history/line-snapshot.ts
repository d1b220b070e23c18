/**
 * Snapshots for stores that keep their memory as text lines (the Redis store): a snapshot read
 * into entry lines, and lines written back as a snapshot, in the format of `serialize.ts`, so a
 * snapshot moves between the in-process store and a line store both ways. Pure: the store does
 * the reading and writing of its keys.
 */
import { IMAGE_FINGERPRINT_BYTES } from '../media/blurhash.js'
import { MINHASH_SIZE } from '../text/minhash.js'
import { createByteWriter } from './byte-io.js'
import { fromHex, toHex } from './candidates.js'
import { addNotSpam, addSpam, createFeedback, MAX_MARKS, type Feedback } from './feedback.js'
import { homeKey } from './image-ring.js'
import type { MemoryRecord } from './memory-store.js'
import { SpamFilterMemoryError } from './memory-error.js'
import { finishSnapshot, kindOfFlags, MAX_ENTRIES, NONE, openSnapshot, WHOLE_KEYS, writeHeader, writeImage, writeStatus, type SnapshotReader } from './serialize.js'
import { keptId, STATUS_TABLES } from './status-ring.js'

/** Bucket widths at or above this make whole keys (`tag << 24 | bucket` is then the key itself). */
const WHOLE_WIDTH = 24

/** A snapshot status as a line store files it. */
export interface LineStatus {
  /** The text entry (`author,time,flags,packedHex,id`), `''` for a status without text. */
  readonly entry: string
  /** `author:keptId` for the "seen" marker, `''` without an id. */
  readonly seen: string
  /** `table:key` for each table it is filed in. */
  readonly keys: readonly string[]
}

/** A snapshot image as a line store files it. */
export interface LineImage {
  /** Index of the status that carried it in the snapshot, or -1. */
  readonly parent: number
  /** The image entry (`author,time,flags,fingerprintHex,id`, the id of its status). */
  readonly entry: string
  /** The cell it is filed under. */
  readonly cell: number
}

/** A snapshot mark as a line store files it, oldest first: `ms`/`ma` text marks (`kind,packedHex`), `ims`/`ima` image marks (fingerprintHex, under `cell`), `aa` allowed authors. */
export interface LineMark {
  readonly type: 'ms' | 'ma' | 'ims' | 'ima' | 'aa'
  readonly value: string
  readonly cell: number
}

/** A snapshot opened for a line store: statuses, then images, then marks, in order. */
export interface LineSnapshotReader {
  /** `''` when the keys are whole, else the bucket width (bits) they were cut to. */
  readonly width: string
  readonly statuses: number
  nextStatus(): LineStatus
  imageCount(): number
  nextImage(): LineImage
  /** The marks, oldest first (reads the rest of the snapshot and checks its end). */
  marks(): LineMark[]
}

function widthOf(buckets: number): string {
  if (buckets === WHOLE_KEYS || buckets >= 2 ** WHOLE_WIDTH) return ''
  const width = Math.log2(buckets)
  if (!Number.isInteger(width)) throw new SpamFilterMemoryError('format', `${buckets} index buckets (a power of two is written)`)
  return String(width)
}

/**
 * Opens a snapshot for a line store. Throws `SpamFilterMemoryError` on bad data (as it is read:
 * read the whole snapshot once before writing anything).
 *
 * @param data - bytes from an `exportMemory`
 * @returns the reader
 */
export function openLineSnapshot(data: unknown): LineSnapshotReader {
  const snapshot: SnapshotReader = openSnapshot(data)
  const width = widthOf(snapshot.buckets)
  const ids: string[] = []
  return {
    width,
    statuses: snapshot.statuses,
    nextStatus() {
      const status = snapshot.nextStatus()
      ids.push(status.id)
      const keys: string[] = []
      if (kindOfFlags(status.flags) === 'none') return { entry: '', seen: status.id === '' ? '' : `${status.author}:${status.id}`, keys }
      for (let table = 0; table < STATUS_TABLES; table++) if (status.keys[table] !== NONE) keys.push(`${table}:${status.keys[table]!}`)
      return { entry: `${status.author},${status.time},${status.flags},${toHex(status.packed)},${status.id}`, seen: status.id === '' ? '' : `${status.author}:${status.id}`, keys }
    },
    imageCount: () => snapshot.imageCount(),
    nextImage() {
      const image = snapshot.nextImage()
      const parent = image.parent === NONE || image.parent >= ids.length ? -1 : image.parent
      return { parent, entry: `${image.author},${image.time},${image.flags & 31},${toHex(image.fingerprint)},${parent < 0 ? '' : ids[parent]!}`, cell: homeKey(image.fingerprint) }
    },
    marks() {
      const feedback = createFeedback()
      snapshot.feedback(feedback)
      const marks: LineMark[] = []
      for (const acct of feedback.allowAuthors) marks.push({ type: 'aa', value: acct, cell: 0 })
      for (const mark of feedback.allowTexts) marks.push({ type: 'ma', value: `${mark.kind === 'long' ? 2 : 1},${toHex(mark.packed)}`, cell: 0 })
      for (const mark of feedback.spamTexts) marks.push({ type: 'ms', value: `${mark.kind === 'long' ? 2 : 1},${toHex(mark.packed)}`, cell: 0 })
      for (const image of feedback.allowImages) marks.push({ type: 'ima', value: toHex(image), cell: homeKey(image) })
      for (const image of feedback.spamImages) marks.push({ type: 'ims', value: toHex(image), cell: homeKey(image) })
      return marks
    },
  }
}

/** What a line store read back for an export, but its band lists (those are streamed: see `createLineSnapshot`). */
export interface StoredLines {
  /** Text entries by sequence. */
  readonly entries: ReadonlyMap<number, string>
  /** Image entries by member (`sequence:n`). */
  readonly images: ReadonlyMap<string, string>
  /** Bucket widths of cut band lists present (`r<width>:…`); none when every list has whole keys. */
  readonly widths: Iterable<number>
}

/** Marks as a line store keeps them: `sequence,kind,packedHex` (text), `sequence,fingerprintHex` (image). */
export interface StoredMarks {
  readonly ms: Iterable<string>
  readonly ma: Iterable<string>
  readonly ims: Iterable<string>
  readonly ima: Iterable<string>
  readonly allowAuthors: Iterable<string>
}

/** A snapshot being written from a line store's contents: band lists one by one, then the marks. */
export interface LineSnapshotBuilder {
  /**
   * Files the statuses a band list holds under its key.
   *
   * @param name - `table:key` (whole keys) or `r<width>:table:key` (cut keys)
   * @param members - the sequences in the list
   */
  list(name: string, members: readonly string[]): void
  /** Writes the snapshot. */
  finish(marks: StoredMarks): Uint8Array
}

/** Whether a line has the five fields of an entry (`author,time,flags,hex,id`; the id may hold commas). */
function isEntry(line: string): boolean {
  let commas = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 44 && ++commas === 4) return true
  return false
}

function field(line: string, from: number): [string, number] {
  const end = line.indexOf(',', from)
  return end < 0 ? [line.slice(from), line.length] : [line.slice(from, end), end + 1]
}

/** Fields of an entry line `author,time,flags,hex,id`. */
function parseLine(line: string, bytes: number): { author: number; time: number; flags: number; data: Uint8Array; id: string } | undefined {
  const [author, a] = field(line, 0)
  const [time, b] = field(line, a)
  const [flags, c] = field(line, b)
  const [hex, d] = field(line, c)
  if (!isEntry(line)) return undefined
  const id = line.slice(d)
  return { author: Number(author) >>> 0, time: Number(time) >>> 0, flags: Number(flags) & 255, data: fromHex(hex, bytes), id: keptId(id === '' ? undefined : id) ?? '' }
}

const sortedBySequence = (lines: Iterable<string>): string[] => [...new Set(lines)].sort((x, y) => Number(x.slice(0, x.indexOf(','))) - Number(y.slice(0, y.indexOf(','))))

/**
 * Starts a snapshot of what a line store holds: its text statuses (oldest first, at most
 * `MAX_ENTRIES`), the statuses that only carried images, and the images; the band lists, given
 * one by one to `list` (so a store need not hold them all at once), tell the keys each status is
 * filed under; `finish` adds the marks, replayed in the order they were made as the in-process
 * feedback keeps them.
 *
 * @param stored - the store's entries
 * @returns the builder
 */
export function createLineSnapshot(stored: StoredLines): LineSnapshotBuilder {
  // The narrowest cut width among the lists: every key is written cut to it (or whole when none is cut).
  let width = WHOLE_WIDTH
  for (const cutTo of stored.widths) if (Number.isInteger(cutTo) && cutTo >= 0) width = Math.min(width, cutTo)
  const cut = (key: number): number => (width >= WHOLE_WIDTH ? key : ((key & 0xff000000) | (key & (2 ** width - 1))) >>> 0)

  // Lines that are not entries (a key of the prefix written by something else) are left out.
  const texts = new Map<number, string>()
  for (const [sequence, line] of stored.entries) if (Number.isSafeInteger(sequence) && sequence > 0 && isEntry(line)) texts.set(sequence, line)
  const pictures = new Map<string, string>()
  for (const [member, line] of stored.images) if (isEntry(line)) pictures.set(member, line)
  const imageParents = new Map<number, string>()
  for (const [member, line] of pictures) {
    const sequence = Number(member.slice(0, member.indexOf(':')))
    if (Number.isSafeInteger(sequence) && sequence > 0 && !texts.has(sequence) && !imageParents.has(sequence)) imageParents.set(sequence, line)
  }
  const sequences = [...texts.keys(), ...imageParents.keys()].sort((a, b) => a - b).slice(-MAX_ENTRIES)
  const index = new Map<number, number>()
  sequences.forEach((sequence, i) => index.set(sequence, i))
  const keys = new Uint32Array(sequences.length * STATUS_TABLES).fill(NONE)

  return {
    list(name, members) {
      const parts = name.split(':')
      const [table, key] = name.startsWith('r') ? [Number(parts[1]), Number(parts[2])] : [Number(parts[0]), Number(parts[1])]
      if (!(table >= 0 && table < STATUS_TABLES) || !Number.isFinite(key)) return
      for (const member of members) {
        const at = index.get(Number(member))
        if (at !== undefined && keys[at * STATUS_TABLES + table] === NONE) keys[at * STATUS_TABLES + table] = cut(key >>> 0)
      }
    },
    finish(marks) {
      const out = createByteWriter(1024 + sequences.length * 90)
      writeHeader(out, width >= WHOLE_WIDTH ? WHOLE_KEYS : 2 ** width, sequences.length)
      const empty = new Uint8Array(MINHASH_SIZE)
      sequences.forEach((sequence, i) => {
        const text = texts.get(sequence)
        const line = parseLine(text ?? imageParents.get(sequence)!, text === undefined ? IMAGE_FINGERPRINT_BYTES : MINHASH_SIZE)!
        if (text === undefined) writeStatus(out, line.author, line.time, line.flags & 31, empty, 0, line.id, keys, i * STATUS_TABLES)
        else writeStatus(out, line.author, line.time, line.flags, line.data, 0, line.id, keys, i * STATUS_TABLES)
      })

      const images = [...pictures].map(([member, line]) => ({ sequence: Number(member.slice(0, member.indexOf(':'))), line: parseLine(line, IMAGE_FINGERPRINT_BYTES)! }))
      const kept = images.sort((a, b) => a.sequence - b.sequence).slice(-MAX_ENTRIES)
      out.u32(kept.length)
      for (const { sequence, line } of kept) writeImage(out, line.author, line.time, line.flags & 31, line.data, index.get(sequence) ?? NONE)
      return finishSnapshot(out, replayMarks(marks))
    },
  }
}

/** The feedback the in-process store would hold after the marks, made in the order of their sequences. */
function replayMarks(marks: StoredMarks): Feedback {
  const feedback: Feedback = createFeedback()
  const events: { sequence: number; spam: boolean; record: MemoryRecord }[] = []
  const textRecord = (line: string): MemoryRecord | undefined => {
    const [, kind, hex] = line.split(',')
    if (hex === undefined || (kind !== '1' && kind !== '2')) return undefined
    return { kind: kind === '2' ? 'long' : 'short', packed: fromHex(hex, MINHASH_SIZE), keys: new Uint32Array(0), author: 0, acct: '', id: undefined, seconds: 0, flags: 0, images: [], mentions: new Uint32Array(0) }
  }
  const imageRecord = (line: string): MemoryRecord | undefined => {
    const [, hex] = line.split(',')
    if (hex === undefined) return undefined
    return { kind: 'none', packed: new Uint8Array(MINHASH_SIZE), keys: new Uint32Array(0), author: 0, acct: '', id: undefined, seconds: 0, flags: 0, images: [fromHex(hex, IMAGE_FINGERPRINT_BYTES)], mentions: new Uint32Array(0) }
  }
  for (const [lines, spam, read] of [[marks.ms, true, textRecord], [marks.ma, false, textRecord], [marks.ims, true, imageRecord], [marks.ima, false, imageRecord]] as const) {
    for (const line of sortedBySequence(lines).slice(-4 * MAX_MARKS)) {
      const record = read(line)
      if (record !== undefined) events.push({ sequence: Number(line.slice(0, line.indexOf(','))), spam, record })
    }
  }
  events.sort((a, b) => a.sequence - b.sequence)
  for (const { spam, record } of events) (spam ? addSpam : addNotSpam)(feedback, record, '')
  let authors = 0
  for (const acct of marks.allowAuthors) {
    if (authors++ >= MAX_MARKS) break
    feedback.allowAuthors.add(acct)
  }
  return feedback
}
