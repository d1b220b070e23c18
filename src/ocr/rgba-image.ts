/** Decoded pixels: 4 bytes (red, green, blue, alpha) per pixel, row by row. */
export interface RgbaImage {
  readonly width: number
  readonly height: number
  readonly data: Uint8ClampedArray
}

/** A grayscale image: 1 byte per pixel, 0 black to 255 white. */
export interface GrayImage {
  readonly width: number
  readonly height: number
  readonly data: Uint8Array
}
