import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { decodePng } from '../../src/ocr/decode-png.js'
import { readQr } from '../../src/ocr/read-qr.js'

const pixels = async (file: string) => {
  const image = await decodePng(readFileSync(new URL(`../../fixtures/images/${file}`, import.meta.url)), 10_000_000)
  if (image === undefined) throw new Error(`cannot decode ${file}`)
  return image
}

describe('readQr', () => {
  describe('reads', () => {
    // fixture | text
    test.each([
      ['qr-invite.png', 'https://discord.gg/ctkpaarr'],
      ['qr-invite-with-caption.png', 'https://discord.gg/ctkpaarr'],
      ['qr-shortener.png', 'https://yip.su/25X8U6'],
    ])('%s as %j', async (file, text) => {
      expect(readQr(await pixels(file))).toBe(text)
    })

    test('an inverted (light on dark) QR code', async () => {
      const image = await pixels('qr-invite.png')
      const inverted = { ...image, data: image.data.map((v, i) => (i % 4 === 3 ? v : 255 - v)) }
      expect(readQr(inverted)).toBe('https://discord.gg/ctkpaarr')
    })
  })

  describe('finds nothing', () => {
    // fixture
    test.each([['negative-chart.png'], ['colour-pastel.png']])('in %s', async (file) => {
      expect(readQr(await pixels(file))).toBeUndefined()
    })
  })
})
