import { readFileSync } from 'node:fs'

import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'

import { decodePng } from '../../src/ocr/decode-png.js'

const fixture = (file: string): Buffer => readFileSync(new URL(`../../fixtures/images/${file}`, import.meta.url))

function encode(width: number, height: number, colorType: 0 | 2 | 4 | 6, bitDepth: 8 | 16 = 8): { file: Buffer; rgba: Buffer } {
  const png = new PNG({ width, height, colorType, inputColorType: 6, bitDepth, inputHasAlpha: true })
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = (i * 37) % 256
    png.data[i * 4 + 1] = (i * 11) % 256
    png.data[i * 4 + 2] = (i * 101) % 256
    png.data[i * 4 + 3] = colorType === 4 || colorType === 6 ? (i * 53) % 256 : 255
  }
  const file = PNG.sync.write(png, { colorType, inputColorType: 6, bitDepth })
  return { file, rgba: PNG.sync.read(file).data }
}

describe('decodePng', () => {
  describe('gives the same pixels as pngjs', () => {
    // fixture (palette, gray and RGB files written by ImageMagick)
    test.each([['colour-pastel.png'], ['qr-invite.png'], ['negative-chart.png'], ['japanese-serif.png'], ['form-rotated.png']])('for %s', async (file) => {
      const bytes = fixture(file)
      const decoded = await decodePng(bytes, 10_000_000)
      const reference = PNG.sync.read(bytes)
      expect(decoded?.width).toBe(reference.width)
      // Buffer#equals: vitest's deep equality is slow on a million bytes.
      expect(Buffer.from(decoded?.data ?? []).equals(reference.data)).toBe(true)
    })

    // colour type | bit depth
    test.each([
      [0, 8],
      [2, 8],
      [4, 8],
      [6, 8],
      [6, 16],
    ] as const)('for colour type %i at %i bits', async (colorType, bitDepth) => {
      const { file, rgba } = encode(33, 17, colorType, bitDepth)
      const decoded = await decodePng(file, 10_000)
      expect(Buffer.from(decoded?.data ?? [])).toEqual(rgba)
    })
  })

  describe('gives undefined', () => {
    test('for an image over the pixel limit, before inflating it', async () => {
      expect(await decodePng(fixture('qr-invite.png'), 300 * 300 - 1)).toBeUndefined()
    })

    test('for a truncated file', async () => {
      const bytes = fixture('colour-pastel.png')
      expect(await decodePng(bytes.subarray(0, bytes.length / 2), 10_000_000)).toBeUndefined()
    })

    test('for a header that promises fewer pixels than the data holds', async () => {
      const { file } = encode(40, 40, 0)
      const lying = Buffer.from(file)
      lying.writeUInt32BE(10, 20) // height 40 → 10: more data than the header allows
      expect(await decodePng(lying, 10_000)).toBeUndefined()
    })
  })
})
