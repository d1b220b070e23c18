import { host } from './platform.js'
import type { RgbaImage } from './rgba-image.js'

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

async function inflate(data: Uint8Array, expected: number): Promise<Uint8Array | undefined> {
  const Decompression = host().DecompressionStream
  if (Decompression === undefined) return undefined
  const stream = new Decompression('deflate')
  const writer = stream.writable.getWriter()
  writer.write(data).then(() => writer.close()).catch(() => {})
  const reader = stream.readable.getReader()
  const out = new Uint8Array(expected)
  let filled = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done || value === undefined) break
    if (filled + value.length > expected) {
      // More data than the header allows: a decompression bomb or a broken file.
      await reader.cancel().catch(() => {})
      return undefined
    }
    out.set(value, filled)
    filled += value.length
  }
  return filled === expected ? out : undefined
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array | undefined {
  const out = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const row = y * stride
    const prev = row - stride
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0
      const a = x >= bpp ? out[row + x - bpp] ?? 0 : 0
      const b = y > 0 ? out[prev + x] ?? 0 : 0
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] ?? 0 : 0
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1
      if (predicted < 0) return undefined
      out[row + x] = (value + predicted) & 0xff
    }
  }
  return out
}

/**
 * Decodes a PNG file into RGBA pixels with the host's `DecompressionStream` (Node 18+ and current
 * browsers), so PNG needs no DOM and no Node built-in. Interlaced files, broken files and hosts
 * without `DecompressionStream` give `undefined`: the caller falls back to another decoder.
 *
 * @param bytes - the PNG file
 * @param maxPixels - images with more pixels are not decoded
 * @returns the pixels, or `undefined`
 */
export async function decodePng(bytes: Uint8Array, maxPixels: number): Promise<RgbaImage | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let width = 0
  let height = 0
  let depth = 0
  let colorType = -1
  let interlace = 0
  let palette: Uint8Array | undefined
  let alphas: Uint8Array | undefined
  const idat: Uint8Array[] = []
  let idatLength = 0
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (body.length !== length) return undefined
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      depth = bytes[at + 16] ?? 0
      colorType = bytes[at + 17] ?? -1
      interlace = bytes[at + 20] ?? 0
    } else if (type === 'PLTE') palette = body
    else if (type === 'tRNS') alphas = body
    else if (type === 'IDAT') {
      idat.push(body)
      idatLength += length
    } else if (type === 'IEND') break
    at += 12 + length
  }
  const channels = CHANNELS[colorType]
  if (channels === undefined || width < 1 || height < 1 || width * height > maxPixels || interlace !== 0) return undefined
  if (![1, 2, 4, 8, 16].includes(depth) || (colorType === 3 && palette === undefined)) return undefined
  const bitsPerPixel = channels * depth
  const stride = Math.ceil((width * bitsPerPixel) / 8)
  const compressed = new Uint8Array(idatLength)
  let offset = 0
  for (const part of idat) {
    compressed.set(part, offset)
    offset += part.length
  }
  const raw = await inflate(compressed, height * (stride + 1)).catch(() => undefined)
  if (raw === undefined) return undefined
  const pixels = unfilter(raw, height, stride, Math.max(1, bitsPerPixel >> 3))
  if (pixels === undefined) return undefined
  return { width, height, data: toRgba(pixels, width, height, stride, colorType, depth, palette, alphas) }
}

function toRgba(px: Uint8Array, width: number, height: number, stride: number, colorType: number, depth: number, palette: Uint8Array | undefined, alphas: Uint8Array | undefined): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4)
  const channels = CHANNELS[colorType] ?? 1
  const max = (1 << Math.min(depth, 8)) - 1
  const sample = (row: number, index: number): number => {
    if (depth === 8) return px[row + index] ?? 0
    if (depth === 16) return Math.round((((px[row + index * 2] ?? 0) << 8) | (px[row + index * 2 + 1] ?? 0)) / 257)
    const bit = index * depth
    return ((px[row + (bit >> 3)] ?? 0) >> (8 - depth - (bit & 7))) & max
  }
  for (let y = 0; y < height; y++) {
    const row = y * stride
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      if (colorType === 3) {
        const index = sample(row, x)
        out[o] = palette?.[index * 3] ?? 0
        out[o + 1] = palette?.[index * 3 + 1] ?? 0
        out[o + 2] = palette?.[index * 3 + 2] ?? 0
        out[o + 3] = alphas?.[index] ?? 255
        continue
      }
      const scale = depth < 8 ? 255 / max : 1
      const first = sample(row, x * channels) * scale
      if (channels <= 2) {
        out[o] = out[o + 1] = out[o + 2] = first
        out[o + 3] = channels === 2 ? sample(row, x * channels + 1) : 255
      } else {
        out[o] = first
        out[o + 1] = sample(row, x * channels + 1)
        out[o + 2] = sample(row, x * channels + 2)
        out[o + 3] = channels === 4 ? sample(row, x * channels + 3) : 255
      }
    }
  }
  return out
}
