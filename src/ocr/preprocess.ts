import type { GrayImage, RgbaImage } from './rgba-image.js'

/** Sizes the OCR passes aim for: small images are scaled up, huge ones down. */
export interface ScaleTarget {
  /** Images whose longer side is shorter than this are scaled up to it (at most ×4). */
  readonly minLongSide: number
  /** Images whose longer side is longer than this are scaled down to it. */
  readonly maxLongSide: number
}

export const DEFAULT_SCALE: ScaleTarget = { minLongSide: 1600, maxLongSide: 2400 }

/**
 * The scale factor for an image: up for small images (OCR misreads letters under ~20 px high),
 * down for huge ones (time grows with the pixel count).
 *
 * @param width - pixels
 * @param height - pixels
 * @param target - the size band
 * @returns the factor, 1 when the image is already in the band
 */
export function scaleFactor(width: number, height: number, target: ScaleTarget = DEFAULT_SCALE): number {
  const long = Math.max(width, height)
  if (long < target.minLongSide) return Math.min(4, target.minLongSide / long)
  if (long > target.maxLongSide) return target.maxLongSide / long
  return 1
}

/**
 * Grayscale by luma (Rec. 601), with transparent pixels composited on white.
 *
 * @param image - RGBA pixels
 * @returns one byte per pixel
 */
export function toGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image
  const out = new Uint8Array(width * height)
  for (let i = 0, o = 0; o < out.length; i += 4, o++) {
    const alpha = (data[i + 3] ?? 255) / 255
    const luma = 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0)
    out[o] = Math.round(luma * alpha + 255 * (1 - alpha))
  }
  return { width, height, data: out }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b)
  return values[values.length >> 1] ?? 255
}

/**
 * The second colour pass: each pixel's distance from the background colour (the median of the
 * border), as dark-on-white. Catches coloured text on a coloured background whose luma is close
 * (red on green), and light text on a dark background.
 *
 * @param image - RGBA pixels
 * @returns one byte per pixel: 255 where the pixel matches the background, darker as it differs
 */
export function distanceFromBackground(image: RgbaImage): GrayImage {
  const { width, height, data } = image
  const border: [number[], number[], number[]] = [[], [], []]
  const step = Math.max(1, Math.floor((width + height) / 200))
  const take = (x: number, y: number): void => {
    const i = (y * width + x) * 4
    border[0].push(data[i] ?? 0)
    border[1].push(data[i + 1] ?? 0)
    border[2].push(data[i + 2] ?? 0)
  }
  for (let x = 0; x < width; x += step) {
    take(x, 0)
    take(x, height - 1)
  }
  for (let y = 0; y < height; y += step) {
    take(0, y)
    take(width - 1, y)
  }
  const [r, g, b] = [median(border[0]), median(border[1]), median(border[2])]
  const out = new Uint8Array(width * height)
  for (let i = 0, o = 0; o < out.length; i += 4, o++) {
    const distance = Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b)
    out[o] = 255 - Math.min(255, Math.round(distance * 1.5))
  }
  return { width, height, data: out }
}

/**
 * Bilinear resampling of a grayscale image (box-averaged when shrinking by 2 or more).
 *
 * @param image - the image
 * @param factor - the scale factor
 * @returns the scaled image (the same object when `factor` is 1)
 */
export function scaleGray(image: GrayImage, factor: number): GrayImage {
  if (factor === 1) return image
  const { width, height, data } = image
  const w = Math.max(1, Math.round(width * factor))
  const h = Math.max(1, Math.round(height * factor))
  const out = new Uint8Array(w * h)
  const box = factor < 0.5 ? Math.floor(1 / factor) : 1
  for (let y = 0; y < h; y++) {
    const sy = Math.min(height - 1, Math.max(0, (y + 0.5) / factor - 0.5))
    const y0 = Math.floor(sy)
    const y1 = Math.min(height - 1, y0 + 1)
    const fy = sy - y0
    for (let x = 0; x < w; x++) {
      const sx = Math.min(width - 1, Math.max(0, (x + 0.5) / factor - 0.5))
      const x0 = Math.floor(sx)
      if (box > 1) {
        let sum = 0
        let count = 0
        for (let dy = 0; dy < box && y0 + dy < height; dy++) {
          for (let dx = 0; dx < box && x0 + dx < width; dx++) {
            sum += data[(y0 + dy) * width + x0 + dx] ?? 0
            count++
          }
        }
        out[y * w + x] = Math.round(sum / count)
        continue
      }
      const x1 = Math.min(width - 1, x0 + 1)
      const fx = sx - x0
      const top = (data[y0 * width + x0] ?? 0) * (1 - fx) + (data[y0 * width + x1] ?? 0) * fx
      const bottom = (data[y1 * width + x0] ?? 0) * (1 - fx) + (data[y1 * width + x1] ?? 0) * fx
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy)
    }
  }
  return { width: w, height: h, data: out }
}

/**
 * Encodes a grayscale image as binary PGM (`P5`), a format tesseract's Leptonica reads without
 * any compression work: the cheapest way to hand preprocessed pixels to the OCR worker.
 *
 * @param image - the image
 * @returns the PGM file
 */
export function encodePgm(image: GrayImage): Uint8Array {
  const text = `P5\n${image.width} ${image.height}\n255\n`
  const header = Uint8Array.from(text, (char) => char.charCodeAt(0))
  const out = new Uint8Array(header.length + image.data.length)
  out.set(header)
  out.set(image.data, header.length)
  return out
}
