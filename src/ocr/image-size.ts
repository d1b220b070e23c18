/** An image format the reader recognizes from its first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'pnm'

/** What the header of an image says. */
export interface ImageHeader {
  readonly format: ImageFormat
  /** Pixels; `undefined` when the header was not found in the bytes scanned. */
  readonly width: number | undefined
  readonly height: number | undefined
}

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65_536 + u16be(b, i + 2)
const i32le = (b: Uint8Array, i: number): number => u16le(b, i) | (u16le(b, i + 2) << 16)
const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end))

// The JPEG markers that start a frame and carry its size (SOF0–SOF15 without DHT, JPG, DAC).
const JPEG_FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function jpegSize(b: Uint8Array): { width: number | undefined; height: number | undefined } {
  let i = 2
  // At most 256 segments are visited: enough for any real header, bounded for hostile ones.
  for (let segments = 0; segments < 256 && i + 9 < b.length; segments++) {
    if (b[i] !== 0xff) return { width: undefined, height: undefined }
    const marker = b[i + 1] ?? 0
    if (marker === 0xff) {
      i += 1
      continue
    }
    if (JPEG_FRAME.has(marker)) return { height: u16be(b, i + 5), width: u16be(b, i + 7) }
    i += 2 + u16be(b, i + 2)
  }
  return { width: undefined, height: undefined }
}

function webpSize(b: Uint8Array): { width: number | undefined; height: number | undefined } {
  const chunk = ascii(b, 12, 16)
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = u16le(b, 21) | (u16le(b, 23) << 16)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
  return { width: undefined, height: undefined }
}

/**
 * Reads the format and size of an image from its header, without decoding it: the reader refuses
 * images over the pixel limit before any decoder sees them.
 *
 * @param bytes - the image file
 * @returns the header, or `undefined` for bytes that are no image format the reader knows
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const b = bytes
  if (b.length < 12) return undefined
  if (u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) }
  if (b[0] === 0xff && b[1] === 0xd8) return { format: 'jpeg', ...jpegSize(b) }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { format: 'webp', ...webpSize(b) }
  if (ascii(b, 0, 4) === 'GIF8') return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) }
  if (b[0] === 0x42 && b[1] === 0x4d) return { format: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) }
  if (b[0] === 0x50 && (b[1] ?? 0) >= 0x31 && (b[1] ?? 0) <= 0x36) {
    const match = /^P[1-6]\s+(?:#[^\n]{0,200}\n\s*)?(\d{1,6})\s+(\d{1,6})/u.exec(ascii(b, 0, Math.min(b.length, 300)))
    return { format: 'pnm', width: match === null ? undefined : Number(match[1]), height: match === null ? undefined : Number(match[2]) }
  }
  return undefined
}
