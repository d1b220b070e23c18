import { findDiscordInvites } from '../links/discord-invite.js'
import { decodePng } from './decode-png.js'
import { foldOcrText } from './fold-ocr-text.js'
import { host } from './platform.js'
import { distanceFromBackground, encodePgm, scaleFactor, scaleGray, toGray } from './preprocess.js'
import { readQr } from './read-qr.js'
import type { RgbaImage } from './rgba-image.js'
import { recognizeWith, type TesseractWorkerLike } from './tesseract-types.js'

/** What the passes over one image found. */
export interface PassesResult {
  /** OCR text of all passes, folded for OCR errors. */
  readonly text: string
  /** The QR code's text, if any. */
  readonly qr: string | undefined
  /** OCR passes run (1 or 2). */
  readonly passes: number
}

// Tesseract's page segmentation modes: 3 = automatic, 11 = sparse text (words scattered in a picture).
const PSM_AUTO = '3'
const PSM_SPARSE = '11'

function fromBase64(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',')
  const binary = host().atob(dataUrl.slice(comma + 1))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

async function recognize(worker: TesseractWorkerLike, image: Uint8Array, psm: string): Promise<string> {
  // debug_file: Tesseract prints "Estimating resolution as …" to the console for every image
  // unless its debug output goes to a file; /dev/null exists in the worker's file system.
  const { data } = await recognizeWith(worker)(image, { rotateAuto: true, tessedit_pageseg_mode: psm, debug_file: '/dev/null' }, { text: true })
  return data.text ?? ''
}

/**
 * Has Leptonica, inside the worker, decode a format this host cannot (WebP or JPEG in Node) and
 * hand back a PNG, which `decodePng` reads: one decoder for every format, no native module.
 */
async function decodeWithWorker(worker: TesseractWorkerLike, bytes: Uint8Array, maxPixels: number): Promise<RgbaImage | undefined> {
  // debug_file: Tesseract prints "Estimating resolution as …" to the console for every image
  // unless its debug output goes to a file; /dev/null exists in the worker's file system.
  const { data } = await recognizeWith(worker)(bytes, {}, { text: false, imageColor: true })
  return typeof data.imageColor === 'string' ? decodePng(fromBase64(data.imageColor), maxPixels) : undefined
}

function pgm(image: RgbaImage, pass: 1 | 2): Uint8Array {
  const gray = pass === 1 ? toGray(image) : distanceFromBackground(image)
  return encodePgm(scaleGray(gray, scaleFactor(image.width, image.height)))
}

/**
 * The OCR job for one image on one worker: decode (when the host could not), QR, pass 1 on the
 * grayscale image scaled into the size band with automatic rotation, and — when pass 1 found no
 * Discord invite and there is no QR code — pass 2 on the distance-from-background image with
 * sparse text segmentation.
 *
 * @param worker - a started tesseract.js worker
 * @param bytes - the image file
 * @param pixels - the decoded pixels, when the host could decode them
 * @param options - the pixel limit and whether to read QR codes
 * @returns the folded text and the QR payload
 */
export async function runPasses(worker: TesseractWorkerLike, bytes: Uint8Array, pixels: RgbaImage | undefined, options: { readonly maxPixels: number; readonly qr: boolean }): Promise<PassesResult> {
  const image = pixels ?? (await decodeWithWorker(worker, bytes, options.maxPixels))
  const qr = options.qr && image !== undefined ? readQr(image) : undefined
  const first = await recognize(worker, image === undefined ? bytes : pgm(image, 1), PSM_AUTO)
  const folded = foldOcrText(first.trim())
  // An invite read in pass 1 or a QR code ends the work; anything else gets the second colour pass.
  if (findDiscordInvites(folded).length > 0 || qr !== undefined || image === undefined) return { text: folded, qr, passes: 1 }
  const second = foldOcrText((await recognize(worker, pgm(image, 2), PSM_SPARSE)).trim())
  // Keep only the lines pass 2 read differently: the link matchers need each reading once.
  const seen = new Set(folded.split('\n').map((line) => line.trim()))
  const extra = second.split('\n').filter((line) => line.trim() !== '' && !seen.has(line.trim()))
  return { text: [folded, ...extra].filter((t) => t !== '').join('\n'), qr, passes: 2 }
}
