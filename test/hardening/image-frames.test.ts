/**
 * Issue 12, row "image limits": the pixel limit holds for every frame and sub-image, not just the
 * header. On the landed main a GIF whose logical screen said 1×1 but whose frame was 16000² went
 * to the decoder (20 s, 431 MB).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createImageReader } from '../../src/ocr/index.js'
import { framePixelProblem, readImageHeader } from '../../src/ocr/image-size.js'
import { fakeTesseract } from '../ocr/fake-tesseract.js'

const le16 = (n: number): number[] => [n & 255, (n >>> 8) & 255]
const le24 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255]
const le32 = (n: number): number[] => [...le16(n & 0xffff), ...le16(n >>> 16)]
const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const be16 = (n: number): number[] => [(n >>> 8) & 255, n & 255]
const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

interface GifFrame {
  readonly width: number
  readonly height: number
  readonly left?: number
  readonly top?: number
}

/** A GIF89a: logical screen, a graphic control extension, then the frames (each with a tiny LZW body). */
function gif(screen: { width: number; height: number }, frames: readonly GifFrame[]): Uint8Array {
  const bytes = [...text('GIF89a'), ...le16(screen.width), ...le16(screen.height), 0x80, 0, 0, 0, 0, 0, 255, 255, 255]
  bytes.push(0x21, 0xf9, 4, 0, 0, 0, 0, 0)
  for (const f of frames) bytes.push(0x2c, ...le16(f.left ?? 0), ...le16(f.top ?? 0), ...le16(f.width), ...le16(f.height), 0, 2, 2, 0x4c, 0x01, 0)
  bytes.push(0x3b)
  return Uint8Array.from(bytes)
}

/** A PNG signature, IHDR and optional APNG frame controls (CRCs are not checked by the walk). */
function png(width: number, height: number, frames: readonly GifFrame[] = []): Uint8Array {
  const chunk = (type: string, data: number[]): number[] => [...be32(data.length), ...text(type), ...data, 0, 0, 0, 0]
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', [...be32(width), ...be32(height), 8, 6, 0, 0, 0])]
  frames.forEach((f, i) => bytes.push(...chunk('fcTL', [...be32(i), ...be32(f.width), ...be32(f.height), ...be32(f.left ?? 0), ...be32(f.top ?? 0), 0, 1, 0, 10, 0, 0])))
  bytes.push(...chunk('IEND', []))
  return Uint8Array.from(bytes)
}

/** An animated WebP: VP8X canvas, then ANMF frames each holding a lossless bitstream of the given size. */
function webp(canvas: { width: number; height: number }, frames: readonly (GifFrame & { bitstream?: { width: number; height: number } })[]): Uint8Array {
  const chunk = (type: string, data: number[]): number[] => [...text(type), ...le32(data.length), ...data, ...(data.length % 2 === 1 ? [0] : [])]
  const vp8l = (w: number, h: number): number[] => {
    const bits = ((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14)
    return chunk('VP8L', [0x2f, ...le32(bits), 0])
  }
  const body = [...text('WEBP'), ...chunk('VP8X', [0x02, 0, 0, 0, ...le24(canvas.width - 1), ...le24(canvas.height - 1)])]
  for (const f of frames) {
    const inner = f.bitstream ?? { width: f.width, height: f.height }
    body.push(...chunk('ANMF', [...le24((f.left ?? 0) / 2), ...le24((f.top ?? 0) / 2), ...le24(f.width - 1), ...le24(f.height - 1), 0, 0, 0, 0, ...vp8l(inner.width, inner.height)]))
  }
  return Uint8Array.from([...text('RIFF'), ...le32(body.length), ...body])
}

/** A baseline JPEG header with the given frame headers (SOF0) one after another. */
function jpeg(frames: readonly { width: number; height: number }[]): Uint8Array {
  const bytes = [0xff, 0xd8, 0xff, 0xe0, ...be16(4), 0x61, 0x62]
  for (const f of frames) bytes.push(0xff, 0xc0, ...be16(11), 8, ...be16(f.height), ...be16(f.width), 1, 1, 0x11, 0)
  bytes.push(0xff, 0xda, ...be16(8), 1, 1, 0, 0, 63, 0, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd9)
  return Uint8Array.from(bytes)
}

const MAX = 16_777_216

describe('every frame against the pixel limit', () => {
  // case | bytes | because (undefined: accepted)
  test.each([
    ['a GIF whose 1×1 screen hides a 16000² frame', gif({ width: 1, height: 1 }, [{ width: 16_000, height: 16_000 }]), 'too-large'],
    ['a GIF whose 1×1 screen hides a 30000² frame', gif({ width: 1, height: 1 }, [{ width: 30_000, height: 30_000 }]), 'too-large'],
    ['a GIF frame placed far off its screen', gif({ width: 100, height: 100 }, [{ width: 10, height: 10, left: 60_000, top: 60_000 }]), 'too-large'],
    ['a GIF of 8 frames of 4000² (each fits, together not)', gif({ width: 4000, height: 4000 }, Array.from({ length: 8 }, () => ({ width: 4000, height: 4000 }))), 'too-large'],
    ['an ordinary animated GIF', gif({ width: 400, height: 300 }, Array.from({ length: 20 }, () => ({ width: 400, height: 300 }))), undefined],
    ['an APNG whose frame is larger than its header', png(100, 100, [{ width: 100, height: 100 }, { width: 20_000, height: 20_000 }]), 'too-large'],
    ['an ordinary APNG', png(300, 300, [{ width: 300, height: 300 }, { width: 100, height: 100, left: 50, top: 50 }]), undefined],
    ['an animated WebP with a 16000² frame on a small canvas', webp({ width: 10, height: 10 }, [{ width: 16_000, height: 16_000 }]), 'too-large'],
    ['an animated WebP frame whose bitstream is larger than the frame', webp({ width: 10, height: 10 }, [{ width: 10, height: 10, bitstream: { width: 16_000, height: 16_000 } }]), 'too-large'],
    ['an ordinary animated WebP', webp({ width: 200, height: 200 }, [{ width: 200, height: 200 }, { width: 50, height: 50, left: 20, top: 20 }]), undefined],
    ['a JPEG whose second frame header is 60000²', jpeg([{ width: 100, height: 100 }, { width: 60_000, height: 60_000 }]), 'too-large'],
    ['an ordinary JPEG', jpeg([{ width: 1000, height: 800 }]), undefined],
  ])('%s', (_case, bytes, because) => {
    const header = readImageHeader(bytes)
    expect(header).toBeDefined()
    expect(framePixelProblem(bytes, header!.format, MAX)?.because).toBe(because)
  })

  test('a GIF with an unknown block is refused rather than guessed at', () => {
    const bytes = gif({ width: 10, height: 10 }, [{ width: 10, height: 10 }])
    bytes[bytes.length - 1] = 0x99
    expect(framePixelProblem(bytes, 'gif', MAX)?.because).toBe('error')
  })

  test('the reader refuses the GIF before any decoder or worker sees it', async () => {
    const tesseract = fakeTesseract()
    const reader = createImageReader({ tesseract, langPath: '/data' })
    const reading = await reader.readBytes(gif({ width: 1, height: 1 }, [{ width: 16_000, height: 16_000 }]))
    expect(reading.skipped).toMatchObject([{ because: 'too-large', detail: expect.stringContaining('256000000 pixels') }])
    expect(tesseract.created).toHaveLength(0)
    await reader.terminate()
  })

  test.each(['colour-pastel.png', 'qr-invite.png', 'spam-can-200.webp', 'layout-1009x200-dejavusans.webp', 'colour-jpeg-artifacts.jpg'])('the fixture %s passes', (file) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/images/${file}`, import.meta.url)))
    expect(framePixelProblem(bytes, readImageHeader(bytes)!.format, MAX)).toBeUndefined()
  })
})
