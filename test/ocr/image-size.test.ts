import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { readImageHeader } from '../../src/ocr/index.js'

const image = (file: string): Uint8Array => readFileSync(new URL(`../../fixtures/images/${file}`, import.meta.url))

describe('readImageHeader', () => {
  describe('reads the size', () => {
    // fixture file | format | width | height
    test.each([
      ['layout-1009x200-dejavusans.webp', 'webp', 1009, 200],
      ['colour-photo-background.webp', 'webp', 1009, 200],
      ['spam-can-200.webp', 'webp', 200, 200],
      ['colour-pastel.png', 'png', 800, 160],
      ['qr-invite.png', 'png', 300, 300],
    ])('of %s', (file, format, width, height) => {
      expect(readImageHeader(image(file))).toEqual({ format, width, height })
    })

    // bytes | format | width | height
    test.each([
      ['GIF89a\x40\x01\xf0\x00\x00\x00', 'gif', 320, 240],
      ['BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0a\0\0\0\xf6\xff\xff\xff', 'bmp', 10, 10],
      ['P5\n640 480\n255\n', 'pnm', 640, 480],
      ['\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x11\x08\x01\x2c\x02\x58\x03', 'jpeg', 600, 300],
    ])('of a %#th hand-made header', (bytes, format, width, height) => {
      expect(readImageHeader(Uint8Array.from(bytes, (c) => c.charCodeAt(0)))).toEqual({ format, width, height })
    })
  })

  describe('refuses', () => {
    // bytes
    test.each([[''], ['not an image at all'], ['<svg xmlns="http://www.w3.org/2000/svg"/>']])('%j', (text) => {
      expect(readImageHeader(Uint8Array.from(text, (c) => c.charCodeAt(0)))).toBeUndefined()
    })
  })
})
