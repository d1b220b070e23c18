import { SpamFilterMemoryError } from './memory-error.js'

/** Appends little-endian numbers and bytes to a growing buffer. */
export interface ByteWriter {
  u8(value: number): void
  u16(value: number): void
  u32(value: number): void
  bytes(value: Uint8Array): void
  /** The bytes written so far. */
  finish(): Uint8Array
}

/**
 * Creates a writer.
 *
 * @param initial - initial capacity in bytes
 * @returns the writer
 */
export function createByteWriter(initial = 1024): ByteWriter {
  let buffer = new Uint8Array(initial)
  let length = 0
  const reserve = (n: number): void => {
    if (length + n <= buffer.length) return
    const grown = new Uint8Array(Math.max(buffer.length * 2, length + n))
    grown.set(buffer.subarray(0, length))
    buffer = grown
  }
  return {
    u8(value) {
      reserve(1)
      buffer[length++] = value & 255
    },
    u16(value) {
      reserve(2)
      buffer[length++] = value & 255
      buffer[length++] = (value >>> 8) & 255
    },
    u32(value) {
      reserve(4)
      for (let shift = 0; shift < 32; shift += 8) buffer[length++] = (value >>> shift) & 255
    },
    bytes(value) {
      reserve(value.length)
      buffer.set(value, length)
      length += value.length
    },
    finish: () => buffer.slice(0, length),
  }
}

/** Reads what a `ByteWriter` wrote; reading past the end throws `SpamFilterMemoryError`. */
export interface ByteReader {
  readonly remaining: number
  u8(): number
  u16(): number
  u32(): number
  bytes(n: number): Uint8Array
}

/**
 * Creates a reader over `data[from, to)`.
 *
 * @param data - the bytes
 * @param from - first byte
 * @param to - end (exclusive)
 * @returns the reader
 */
export function createByteReader(data: Uint8Array, from: number, to: number): ByteReader {
  let at = from
  const take = (n: number): number => {
    if (at + n > to) throw new SpamFilterMemoryError('truncated', `needed ${n} more bytes at offset ${at} of ${to}`)
    const start = at
    at += n
    return start
  }
  return {
    get remaining() {
      return to - at
    },
    u8: () => data[take(1)]!,
    u16() {
      const i = take(2)
      return data[i]! | (data[i + 1]! << 8)
    },
    u32() {
      const i = take(4)
      return (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0
    },
    bytes(n) {
      const i = take(n)
      return data.subarray(i, i + n)
    },
  }
}

/**
 * FNV-1a over bytes: the export's checksum (catches truncation and bit rot, not tampering).
 *
 * @param data - the bytes
 * @param from - first byte
 * @param to - end (exclusive)
 * @returns an unsigned 32-bit checksum
 */
export function checksum(data: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) h = Math.imul(h ^ data[i]!, 0x01000193)
  return h >>> 0
}

/**
 * The body followed by its `checksum` in four little-endian bytes: an export as written.
 *
 * @param body - the bytes to seal
 * @returns a new array, the body and its checksum
 */
export function withChecksum(body: Uint8Array): Uint8Array {
  const result = new Uint8Array(body.length + 4)
  result.set(body)
  const sum = checksum(body, 0, body.length)
  for (let i = 0; i < 4; i++) result[body.length + i] = (sum >>> (8 * i)) & 255
  return result
}
