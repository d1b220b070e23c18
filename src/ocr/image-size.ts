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

/** What a walk over an image's frames found: the pixels the decoder would need, or why it is refused. */
interface FrameWalk {
  /** Frames (and sub-images) found, each with its size and where it sits on the canvas. */
  readonly frames: number
  /** Pixels of the largest frame or canvas extent. */
  readonly largest: number
  /** Pixels of all frames together (a GIF decoder keeps every frame). */
  readonly total: number
  readonly problem?: string
}

/** Most frames walked; an animation with more is refused (each frame costs a decoder allocation). */
const MAX_FRAMES = 10_000

class FrameTally {
  frames = 0
  largest = 0
  total = 0
  problem: string | undefined

  /** A frame of `width`×`height` placed at (`left`, `top`): both its own size and its extent count. */
  add(width: number, height: number, left = 0, top = 0): void {
    this.frames++
    const pixels = width * height
    this.largest = Math.max(this.largest, pixels, (left + width) * (top + height))
    this.total += pixels
    if (this.frames > MAX_FRAMES) this.problem ??= `more than ${MAX_FRAMES} frames`
  }

  result(): FrameWalk {
    return this.problem === undefined ? { frames: this.frames, largest: this.largest, total: this.total } : { frames: this.frames, largest: this.largest, total: this.total, problem: this.problem }
  }
}

/** Skips GIF data sub-blocks from `i`; returns the index after the terminator, or -1 past the end. */
function skipSubBlocks(b: Uint8Array, from: number): number {
  let i = from
  while (i < b.length) {
    const size = b[i] ?? 0
    i += 1
    if (size === 0) return i
    i += size
  }
  return -1
}

const colourTable = (flags: number): number => ((flags & 0x80) !== 0 ? 3 * (1 << ((flags & 7) + 1)) : 0)

function gifFrames(b: Uint8Array): FrameWalk {
  const tally = new FrameTally()
  tally.add(u16le(b, 6), u16le(b, 8))
  let i = 13 + colourTable(b[10] ?? 0)
  while (i < b.length && tally.problem === undefined) {
    const block = b[i]
    if (block === 0x3b) break
    if (block === 0x21) {
      i = skipSubBlocks(b, i + 2)
    } else if (block === 0x2c) {
      if (i + 10 > b.length) break
      tally.add(u16le(b, i + 5), u16le(b, i + 7), u16le(b, i + 1), u16le(b, i + 3))
      i = skipSubBlocks(b, i + 10 + colourTable(b[i + 9] ?? 0) + 1)
    } else {
      tally.problem = `an unknown GIF block 0x${(block ?? 0).toString(16)} at byte ${i}`
    }
    if (i < 0) break
  }
  return tally.result()
}

/** The size a VP8 or VP8L bitstream says, from the start of its chunk data. */
function webpBitstream(b: Uint8Array, fourcc: string, data: number): { width: number; height: number } | undefined {
  if (fourcc === 'VP8 ') return { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff }
  if (fourcc === 'VP8L') {
    const bits = u16le(b, data + 1) | (u16le(b, data + 3) << 16)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  return undefined
}

function webpFrames(b: Uint8Array): FrameWalk {
  const tally = new FrameTally()
  const end = Math.min(b.length, 8 + u32le(b, 4))
  let i = 12
  while (i + 8 <= end && tally.problem === undefined) {
    const fourcc = ascii(b, i, i + 4)
    const size = u32le(b, i + 4)
    const data = i + 8
    if (fourcc === 'VP8X') tally.add(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1)
    const bitstream = webpBitstream(b, fourcc, data)
    if (bitstream !== undefined) tally.add(bitstream.width, bitstream.height)
    if (fourcc === 'ANMF') {
      // An animation frame: its offset (×2) and size, then its own ALPH/VP8/VP8L sub-chunks.
      tally.add(u24le(b, data + 6) + 1, u24le(b, data + 9) + 1, u24le(b, data) * 2, u24le(b, data + 3) * 2)
      const frameEnd = Math.min(end, data + size)
      for (let j = data + 16; j + 8 <= frameEnd; ) {
        const inner = webpBitstream(b, ascii(b, j, j + 4), j + 8)
        if (inner !== undefined) tally.add(inner.width, inner.height)
        const innerSize = u32le(b, j + 4)
        j += 8 + innerSize + (innerSize & 1)
      }
    }
    i = data + size + (size & 1)
  }
  return tally.result()
}

function pngFrames(b: Uint8Array): FrameWalk {
  const tally = new FrameTally()
  let i = 8
  while (i + 8 <= b.length && tally.problem === undefined) {
    const length = u32be(b, i)
    const type = ascii(b, i + 4, i + 8)
    // IHDR gives the image; fcTL (APNG) each animation frame, with its offset.
    if (type === 'IHDR') tally.add(u32be(b, i + 8), u32be(b, i + 12))
    else if (type === 'fcTL') tally.add(u32be(b, i + 12), u32be(b, i + 16), u32be(b, i + 20), u32be(b, i + 24))
    else if (type === 'IEND') break
    i += 12 + length
  }
  return tally.result()
}

// Markers without a length: TEM, RST0–7, SOI, EOI.
const STANDALONE = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)

function jpegFrames(b: Uint8Array): FrameWalk {
  const tally = new FrameTally()
  let i = 2
  while (i + 4 <= b.length && tally.problem === undefined) {
    if (b[i] !== 0xff) {
      tally.problem = `no JPEG marker at byte ${i}`
      break
    }
    const marker = b[i + 1] ?? 0
    if (marker === 0xff) {
      i += 1
      continue
    }
    if (marker === 0xd9) break
    if (STANDALONE(marker)) {
      i += 2
      continue
    }
    const length = u16be(b, i + 2)
    // Every frame header (SOF) and a hierarchical image's DHP carry a size.
    if (JPEG_FRAME.has(marker) || marker === 0xde) tally.add(u16be(b, i + 7), u16be(b, i + 5))
    i += 2 + length
    if (marker === 0xda) {
      // Entropy-coded data: the next marker is an 0xFF not followed by 0x00 (stuffing) or a restart.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !((b[i + 1] ?? 0) >= 0xd0 && (b[i + 1] ?? 0) <= 0xd7))) i++
    }
  }
  return tally.result()
}

const u32le = (b: Uint8Array, i: number): number => u16le(b, i) + u16le(b, i + 2) * 65_536

/**
 * Checks every frame and sub-image an image holds against the pixel limit before any decoder sees
 * it: GIF frames (their own size and their extent on the logical screen, which a decoder
 * allocates), APNG frames, WebP animation frames and bitstreams, every JPEG frame header. The
 * frames of an animation together may hold at most 4 × `maxPixels` (a GIF decoder keeps them
 * all). Linear in the file's size.
 *
 * @param bytes - the image file
 * @param format - its format, from `readImageHeader`
 * @param maxPixels - the pixel limit
 * @returns why the image is refused (`too-large`, or `error` for a structure that cannot be walked), or `undefined` when every frame is within the limit
 */
export function framePixelProblem(bytes: Uint8Array, format: ImageFormat, maxPixels: number): { readonly because: 'too-large' | 'error'; readonly detail: string } | undefined {
  const walk = format === 'gif' ? gifFrames(bytes) : format === 'webp' ? webpFrames(bytes) : format === 'png' ? pngFrames(bytes) : format === 'jpeg' ? jpegFrames(bytes) : undefined
  if (walk === undefined) return undefined
  if (walk.problem !== undefined) return { because: 'error', detail: `its frames could not be checked: ${walk.problem}` }
  if (walk.largest > maxPixels) return { because: 'too-large', detail: `a frame or its extent has ${walk.largest} pixels, more than maxPixels (${maxPixels})` }
  if (walk.total > 4 * maxPixels) return { because: 'too-large', detail: `its ${walk.frames} frames have ${walk.total} pixels together, more than 4 × maxPixels (${4 * maxPixels})` }
  return undefined
}
