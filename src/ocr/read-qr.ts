import jsQR from 'jsqr'

import type { RgbaImage } from './rgba-image.js'

// jsQR's cost grows with the pixel count; QR codes in posts survive this much shrinking.
const MAX_QR_PIXELS = 1_500_000

function shrink(image: RgbaImage): RgbaImage {
  const pixels = image.width * image.height
  if (pixels <= MAX_QR_PIXELS) return image
  const step = Math.ceil(Math.sqrt(pixels / MAX_QR_PIXELS))
  const width = Math.floor(image.width / step)
  const height = Math.floor(image.height / step)
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * step * image.width + x * step) * 4
      data.set(image.data.subarray(from, from + 4), (y * width + x) * 4)
    }
  }
  return { width, height, data }
}

/**
 * Decodes a QR code in an image with jsQR (dark-on-light first, then inverted).
 *
 * @param image - RGBA pixels
 * @returns the QR code's text, or `undefined` when the image holds no readable QR code
 */
export function readQr(image: RgbaImage): string | undefined {
  const small = shrink(image)
  try {
    const code = jsQR(small.data, small.width, small.height, { inversionAttempts: 'attemptBoth' })
    return code === null || code.data === '' ? undefined : code.data
  } catch {
    return undefined
  }
}
