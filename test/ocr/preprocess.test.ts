import { describe, expect, test } from 'vitest'

import { distanceFromBackground, encodePgm, scaleFactor, scaleGray, toGray } from '../../src/ocr/preprocess.js'
import type { RgbaImage } from '../../src/ocr/rgba-image.js'

function solid(width: number, height: number, rgba: readonly number[], spot?: readonly number[]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4)
  const centre = Math.floor(height / 2) * width + Math.floor(width / 2)
  for (let i = 0; i < width * height; i++) data.set(i === centre && spot !== undefined ? spot : rgba, i * 4)
  return { width, height, data }
}

describe('scaleFactor', () => {
  // width | height | factor
  test.each([
    [1009, 200, 1600 / 1009],
    [200, 200, 4],
    [300, 60, 4],
    [1600, 900, 1],
    [2400, 2400, 1],
    [4800, 1200, 0.5],
  ])('of %i×%i is %d', (width, height, factor) => {
    expect(scaleFactor(width, height)).toBeCloseTo(factor, 6)
  })
})

describe('toGray', () => {
  // rgba | gray
  test.each([
    [[255, 255, 255, 255], 255],
    [[0, 0, 0, 255], 0],
    [[255, 0, 0, 255], 76],
    [[0, 0, 0, 0], 255],
    [[0, 0, 0, 128], 127],
  ])('turns %j into %i', (rgba, gray) => {
    expect(toGray(solid(1, 1, rgba)).data[0]).toBe(gray)
  })
})

describe('distanceFromBackground', () => {
  test('makes red on a green of the same luma dark on white', () => {
    const green = [60, 140, 60, 255]
    const red = [200, 50, 50, 255]
    const image = solid(9, 9, green, red)
    expect(Math.abs(toGray(solid(1, 1, green)).data[0]! - toGray(solid(1, 1, red)).data[0]!)).toBeLessThan(30)
    const out = distanceFromBackground(image)
    expect(out.data[0]).toBe(255)
    expect(out.data[40]).toBe(0)
  })

  test('makes light text on a dark background dark on white', () => {
    const out = distanceFromBackground(solid(9, 9, [10, 10, 10, 255], [240, 240, 240, 255]))
    expect(out.data[0]).toBe(255)
    expect(out.data[40]).toBe(0)
  })
})

describe('scaleGray', () => {
  test('keeps the image at factor 1', () => {
    const image = toGray(solid(4, 4, [9, 9, 9, 255]))
    expect(scaleGray(image, 1)).toBe(image)
  })

  // width | height | factor | scaled width | scaled height
  test.each([
    [10, 5, 2, 20, 10],
    [100, 50, 0.25, 25, 13],
    [3, 3, 1.5, 5, 5],
  ])('scales %i×%i by %d to %i×%i, keeping a flat colour flat', (width, height, factor, w, h) => {
    const out = scaleGray(toGray(solid(width, height, [100, 100, 100, 255])), factor)
    expect([out.width, out.height]).toEqual([w, h])
    expect(new Set(out.data)).toEqual(new Set([100]))
  })
})

describe('encodePgm', () => {
  test('writes a P5 header and the pixels', () => {
    const pgm = encodePgm({ width: 2, height: 1, data: Uint8Array.of(0, 255) })
    expect(String.fromCharCode(...pgm.subarray(0, 11))).toBe('P5\n2 1\n255\n')
    expect([...pgm.subarray(11)]).toEqual([0, 255])
  })
})
