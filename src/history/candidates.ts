/**
 * Confirming candidates, for stores that fetch them from elsewhere (the Redis store): the same
 * rules as the in-process ring (`ringTextCopies`, `imageCopies`, the feedback lists), over records
 * written as short text lines, so a shared store answers exactly as an in-process one would for the
 * candidates it found.
 *
 * Text entry: `author,time,flags,packedHex,id`; image entry: `author,time,flags,fingerprintHex,statusId`;
 * text mark: `sequence,kind,packedHex`; image mark: `sequence,fingerprintHex` (the newest mark wins).
 */
import { IMAGE_FINGERPRINT_BYTES } from '../media/blurhash.js'
import { imageDetail, sameImage } from '../media/image-distance.js'
import { estimateJaccard, MINHASH_SIZE } from '../text/minhash.js'
import { suspicion, type CopyMatch, type MemoryRecord } from './memory-store.js'
import { KIND_LONG, KIND_SHORT, keptId, MIN_SIMILARITY } from './status-ring.js'

/** Images flatter than this (AC RMS in byte steps) are not remembered: flat pictures all look alike. */
export const MIN_IMAGE_DETAIL = 6

const HEX = '0123456789abcdef'

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!
  return out
}

function hexDigit(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : 0
}

/** Bytes of a hex string (invalid digits read as 0; the length is what the caller expects). */
export function fromHex(hex: string, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length && 2 * i + 1 < hex.length; i++) out[i] = (hexDigit(hex.charCodeAt(2 * i)) << 4) | hexDigit(hex.charCodeAt(2 * i + 1))
  return out
}

/** Ids longer than this are kept as a hash (hostile input must not make Redis values large). */
const MAX_ID_LENGTH = 128

/**
 * A record's id as stored in an entry (for evidence): itself when short, else the hashed form
 * `keptId` gives it; `''` for none. Two ids are the same status when their `keptId`s agree, so
 * entries from an in-process snapshot (which keeps ids of at most 22 characters) match too.
 */
export function storedId(record: MemoryRecord): string {
  const id = record.id ?? ''
  return id.length <= MAX_ID_LENGTH ? id : keptId(id)!
}

/** The id shown as evidence: `undefined` for none or for a hashed id (as the in-process ring shows it). */
function evidenceId(id: string | undefined): string | undefined {
  return id === undefined || id.startsWith('#') ? undefined : id
}

/** The stored flag byte of a record: suspect bits and its kind. */
export function storedFlags(record: MemoryRecord): number {
  return (record.flags & 31) | (record.kind === 'long' ? KIND_LONG : record.kind === 'short' ? KIND_SHORT : 0)
}

/** A record's text entry (`''` for a record without text). */
export function textEntry(record: MemoryRecord): string {
  if (record.kind === 'none') return ''
  return `${record.author},${record.seconds},${storedFlags(record)},${toHex(record.packed)},${storedId(record)}`
}

/** An image entry of a record. */
export function imageEntry(record: MemoryRecord, image: Uint8Array): string {
  return `${record.author},${record.seconds},${record.flags & 31},${toHex(image)},${storedId(record)}`
}

/** The images of a record worth remembering and looking up (not flat). */
export function detailedImages(record: MemoryRecord): Uint8Array[] {
  return record.images.filter((image) => imageDetail(image) >= MIN_IMAGE_DETAIL)
}

interface Entry {
  readonly author: number
  readonly time: number
  readonly flags: number
  /** Where the hex bytes start in `line`. */
  readonly hex: number
  readonly line: string
  readonly id: string | undefined
}

/** Reads an entry's fields without copying its bytes (they are compared in place, as hex). */
function parseEntry(line: string): Entry | undefined {
  const a = line.indexOf(',')
  const b = line.indexOf(',', a + 1)
  const c = line.indexOf(',', b + 1)
  const d = line.indexOf(',', c + 1)
  if (a < 0 || b < 0 || c < 0 || d < 0) return undefined
  const id = line.slice(d + 1)
  return { author: Number(line.slice(0, a)) >>> 0, time: Number(line.slice(a + 1, b)), flags: Number(line.slice(b + 1, c)) & 255, hex: c + 1, line, id: id === '' ? undefined : id }
}

/** Hex digits of a record's packed signature, for in-place comparison. */
function hexCodes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length * 2)
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = HEX.charCodeAt(bytes[i]! >> 4)
    out[2 * i + 1] = HEX.charCodeAt(bytes[i]! & 15)
  }
  return out
}

/** How many of the `MINHASH_SIZE` packed bytes agree between an entry's hex and a record's. */
function agreement(entry: Entry, own: Uint8Array): number {
  let agree = 0
  const { line, hex } = entry
  for (let i = 0; i < MINHASH_SIZE; i++) if (line.charCodeAt(hex + 2 * i) === own[2 * i] && line.charCodeAt(hex + 2 * i + 1) === own[2 * i + 1]) agree++
  return agree
}

/** `estimateJaccard` from the agreeing bytes (the same correction for chance agreement). */
function jaccardFrom(agree: number): number {
  return Math.max(0, (agree / MINHASH_SIZE - 1 / 256) / (1 - 1 / 256))
}

/**
 * Text copies among candidate entries, as `ringTextCopies` counts them.
 *
 * @param lines - candidate text entries (each at most once)
 * @param record - the status's record
 * @param windowSeconds - the window
 * @returns the copies from other accounts and the author's own repeats
 */
export function confirmTextCopies(lines: readonly string[], record: MemoryRecord, windowSeconds: number): { copies: CopyMatch | undefined; repeats: number } {
  if (record.kind === 'none') return { copies: undefined, repeats: 0 }
  const kind = record.kind === 'long' ? KIND_LONG : KIND_SHORT
  const own = hexCodes(record.packed)
  const authors = new Map<number, number>()
  let statuses = 0
  let repeats = 0
  let first: Entry | undefined
  for (const line of lines) {
    const entry = parseEntry(line)
    if (entry === undefined || (entry.flags & kind) === 0 || Math.abs(entry.time - record.seconds) > windowSeconds) continue
    const agree = agreement(entry, own)
    if (kind === KIND_LONG ? jaccardFrom(agree) < MIN_SIMILARITY : agree !== MINHASH_SIZE) continue
    if (entry.author === record.author) {
      if (record.id === undefined || entry.id === undefined || keptId(entry.id) !== keptId(record.id)) repeats++
      continue
    }
    statuses++
    authors.set(entry.author, (authors.get(entry.author) ?? 0) | entry.flags)
    if (first === undefined || entry.time <= first.time) first = entry
  }
  if (first === undefined) return { copies: undefined, repeats }
  let total = suspicion(record.flags)
  for (const bits of authors.values()) total += suspicion(bits)
  return {
    copies: { accounts: authors.size + 1, statuses, suspicion: total / (authors.size + 1), firstSeenAt: first.time * 1000, firstSeenId: evidenceId(first.id), exact: kind === KIND_SHORT },
    repeats,
  }
}

/**
 * Image copies among candidate entries, as the image ring counts them.
 *
 * @param perImage - for each looked-up image (in order), its candidate entries
 * @param images - the looked-up images
 * @param record - the status's record
 * @param windowSeconds - the window
 * @returns the copies from other accounts
 */
export function confirmImageCopies(perImage: readonly (readonly string[])[], images: readonly Uint8Array[], record: MemoryRecord, windowSeconds: number): CopyMatch | undefined {
  const authors = new Map<number, number>()
  let statuses = 0
  let first: Entry | undefined
  images.forEach((image, i) => {
    for (const line of perImage[i] ?? []) {
      const entry = parseEntry(line)
      if (entry === undefined || entry.author === record.author || Math.abs(entry.time - record.seconds) > windowSeconds) continue
      if (!sameImage(fromHex(line.slice(entry.hex, entry.hex + 2 * IMAGE_FINGERPRINT_BYTES), IMAGE_FINGERPRINT_BYTES), 0, image)) continue
      statuses++
      authors.set(entry.author, (authors.get(entry.author) ?? 0) | entry.flags)
      if (first === undefined || entry.time <= first.time) first = entry
    }
  })
  if (first === undefined) return undefined
  let total = suspicion(record.flags)
  for (const bits of authors.values()) total += suspicion(bits)
  return { accounts: authors.size + 1, statuses, suspicion: total / (authors.size + 1), firstSeenAt: first.time * 1000, firstSeenId: evidenceId(first.id), exact: false }
}

function equalPacked(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] !== b[i]) return false
  return true
}

/** A text mark entry. */
export function textMarkEntry(record: MemoryRecord): string {
  return `${record.kind === 'long' ? 2 : 1},${toHex(record.packed)}`
}

/**
 * The newest mark (its sequence) among text marks that match a record's text, or -1.
 *
 * @param lines - `sequence,kind,packedHex` entries
 * @param record - the record
 * @returns the highest sequence of a matching mark
 */
export function newestTextMark(lines: readonly string[], record: MemoryRecord): number {
  if (record.kind === 'none') return -1
  let newest = -1
  for (const line of lines) {
    const [sequence, kind, hex] = line.split(',')
    if ((kind === '2' ? 'long' : 'short') !== record.kind || hex === undefined) continue
    const packed = fromHex(hex, MINHASH_SIZE)
    const same = record.kind === 'long' ? estimateJaccard(packed, 0, record.packed, 0) >= MIN_SIMILARITY : equalPacked(packed, record.packed)
    if (same) newest = Math.max(newest, Number(sequence))
  }
  return newest
}

/**
 * The newest mark among image marks that match an image, or -1.
 *
 * @param lines - `sequence,fingerprintHex` entries
 * @param image - the image fingerprint
 * @returns the highest sequence of a matching mark
 */
export function newestImageMark(lines: readonly string[], image: Uint8Array): number {
  let newest = -1
  for (const line of lines) {
    const [sequence, hex] = line.split(',')
    if (hex !== undefined && sameImage(fromHex(hex, IMAGE_FINGERPRINT_BYTES), 0, image)) newest = Math.max(newest, Number(sequence))
  }
  return newest
}
