const BASE83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~'

/** Components kept per axis: the 3×3 lowest frequencies carry the layout of the picture. */
const GRID = 3
/** Bytes of a compact image fingerprint: DC sRGB (3), 8 AC components × 3 channels, aspect (1). */
export const IMAGE_FINGERPRINT_BYTES = 3 + (GRID * GRID - 1) * 3 + 1

// Each ASCII character's base-83 digit, -1 for a character that is not one.
const DIGITS: Int8Array = /* @__PURE__ */ (() => {
  const digits = new Int8Array(128).fill(-1)
  for (let i = 0; i < BASE83.length; i++) digits[BASE83.charCodeAt(i)] = i
  return digits
})()

function digitOf(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return code < 128 ? (DIGITS[code] ?? -1) : -1
}

function decode83(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const digit = digitOf(text, i)
    if (digit < 0) return -1
    value = value * 83 + digit
  }
  return value
}

function signPow(value: number): number {
  return Math.sign(value) * value * value
}

/** One quantized AC channel (0–18) of a blurhash component as a byte around 128. */
function channelByte(quantized: number, maxAc: number): number {
  return Math.round(128 + 127 * Math.min(1, Math.max(-1, (signPow((quantized - 9) / 9) * maxAc) / 0.5)))
}

/**
 * Reads the aspect byte: `round(16 × log2(width / height)) + 128`, clamped to 1–255; 0 means the
 * size is unknown.
 *
 * @param width - the image width in pixels, if known
 * @param height - the image height in pixels, if known
 * @returns the aspect byte
 */
export function aspectByte(width: number | undefined, height: number | undefined): number {
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return 0
  return Math.min(255, Math.max(1, Math.round(16 * Math.log2(width / height)) + 128))
}

/**
 * Decodes a blurhash into a compact fingerprint: the average colour (DC, sRGB bytes) and the 8
 * lowest-frequency AC components (x, y < 3) of each channel, quantized to a byte around 128, plus
 * the aspect byte. Components a hash does not have are 0 (byte 128).
 *
 * Comparing decoded components tolerates what breaks exact string matching: a re-encoded image
 * whose DC colour moved by one step changes four characters of the hash but barely moves the
 * fingerprint, and a hash with 4×3 instead of 4×4 components still lines up component by component.
 *
 * @param blurhash - a blurhash string (at most 128 characters are read)
 * @param width - the image width, if known
 * @param height - the image height, if known
 * @returns the fingerprint, or `undefined` for a malformed hash
 * @example
 * imageFingerprint('UkK2FEk8Oas:t1f9V[ae|;agoJofs;bYowjZ', 200, 200) // Uint8Array(28)
 */
export function imageFingerprint(blurhash: string, width?: number, height?: number): Uint8Array | undefined {
  if (blurhash.length < 6 || blurhash.length > 128) return undefined
  for (let i = 0; i < blurhash.length; i++) if (digitOf(blurhash, i) < 0) return undefined
  const size = decode83(blurhash, 0, 1)
  const numX = (size % 9) + 1
  const numY = Math.floor(size / 9) + 1
  if (blurhash.length !== 4 + 2 * numX * numY) return undefined
  const quantMax = decode83(blurhash, 1, 2)
  const dc = decode83(blurhash, 2, 6)
  if (quantMax < 0 || dc < 0) return undefined
  const maxAc = (quantMax + 1) / 166
  const out = new Uint8Array(IMAGE_FINGERPRINT_BYTES).fill(128)
  out[0] = (dc >> 16) & 255
  out[1] = (dc >> 8) & 255
  out[2] = dc & 255
  let at = 3
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      if (x === 0 && y === 0) continue
      if (x < numX && y < numY) {
        const index = y * numX + x
        const value = decode83(blurhash, 4 + index * 2, 6 + index * 2)
        if (value < 0) return undefined
        out[at++] = channelByte(Math.floor(value / 361), maxAc)
        out[at++] = channelByte(Math.floor(value / 19) % 19, maxAc)
        out[at++] = channelByte(value % 19, maxAc)
      } else {
        at += 3
      }
    }
  }
  out[at] = aspectByte(width, height)
  return out
}
