import { classifyNormalized } from '../classify.js'
import { SpamFilterConfigError } from '../errors.js'
import type { ClassifyContext, ResolvedOptions } from '../options.js'
import { findStatus } from '../status/detect-input.js'
import { readQuote } from '../status/quote.js'
import { withQuote } from '../quote.js'
import { readStatus } from '../status/read-status.js'
import type { Skipped, Verdict } from '../verdict.js'
import type { ImageReader, ImageReading } from './image-reader.js'
import { createImageTextCache, type ImageTextCache } from './image-text-cache.js'
import { type AbortSignalLike, whenAborted } from './platform.js'

/**
 * When `classifyAsync` reads images: `'when-suspicious'` only when the cheap signals already make
 * the status at least suspicious, `'always'` for every status with an image, `'never'` not at all.
 */
export type OcrMode = 'always' | 'when-suspicious' | 'never'

/** The OCR options of `createSpamFilter`. */
export interface FilterOcrOptions {
  /** An image reader from `mastodon-spam-filter/ocr`; the caller owns it and terminates it. */
  readonly ocr?: ImageReader
  /** When to read images. @default 'when-suspicious' */
  readonly ocrMode?: OcrMode
  /** How many images' texts the filter remembers (by media id, URL and blurhash). @default 500 */
  readonly ocrCacheSize?: number
}

/** The per-call context of `classifyAsync`: the time, the viewer and an abort signal for the image reads. */
export interface AsyncClassifyContext extends ClassifyContext {
  /** Aborts the image reads of this call; the verdict then lists them as skipped. */
  readonly signal?: AbortSignalLike
}

/** A filter's OCR state: the mode and the cache, owned by the filter. */
export interface FilterOcr {
  readonly mode: OcrMode
  readonly cache: ImageTextCache
}

const ABORTED: ImageReading = { text: '', qrTexts: [], skipped: [{ signal: 'ocr', because: 'aborted', detail: 'aborted while the images were read' }] }

const MODES: readonly OcrMode[] = ['always', 'when-suspicious', 'never']
// Mastodon allows 4 attachments; more in hostile input are not read.
const MAX_IMAGES = 4

/**
 * Checks the OCR options of a filter. Throws `SpamFilterConfigError` naming the bad option.
 *
 * @param options - the filter options
 * @returns the filter's OCR state, or `undefined` without a reader or in mode `'never'`
 */
export function resolveFilterOcr(options: FilterOcrOptions): FilterOcr | undefined {
  const { ocr, ocrMode = 'when-suspicious', ocrCacheSize = 500 } = options
  if (!MODES.includes(ocrMode)) throw new SpamFilterConfigError('ocrMode', `must be one of ${MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(ocrMode)}`)
  if (!Number.isInteger(ocrCacheSize) || ocrCacheSize < 1) throw new SpamFilterConfigError('ocrCacheSize', `must be a positive integer, got ${String(ocrCacheSize)}`)
  if (ocr === undefined) return undefined
  if (typeof ocr !== 'object' || ocr === null || typeof ocr.readMedia !== 'function') throw new SpamFilterConfigError('ocr', "must be an image reader from createImageReader() in 'mastodon-spam-filter/ocr'")
  return ocrMode === 'never' ? undefined : { mode: ocrMode, cache: createImageTextCache(ocr, ocrCacheSize) }
}

/**
 * Completes a status's synchronous verdict: when the mode says so and the status has images, reads them,
 * puts the text and QR codes found into `imageTexts` and runs the signals again, so text in an
 * image meets the same link and phrase matchers as post text. Never rejects for bad input or
 * failed reads: those become `skipped` entries.
 *
 * @param input - a Status, a boost or a mention Notification
 * @param resolved - options for this call
 * @param ocr - the filter's OCR state
 * @param verdict - the synchronous verdict of the same status and options
 * @param signal - aborts the image reads
 * @returns the verdict
 */
export async function classifyWithImages(input: unknown, resolved: ResolvedOptions, ocr: FilterOcr, verdict: Verdict, signal?: AbortSignalLike): Promise<Verdict> {
  if (verdict.reasons[0]?.signal === 'allow-list') return verdict
  if (ocr.mode === 'when-suspicious' && verdict.label === 'clean') return verdict
  const inner = findStatus(input).status
  if (inner === undefined) return verdict
  const status = readStatus(inner, resolved.viewer.host, resolved.limits)
  const images = status.media.filter((media) => media.type === 'image').slice(0, MAX_IMAGES)
  if (images.length === 0) return verdict
  const reads = Promise.all(images.map((media) => ocr.cache.read(media, signal)))
  // The call's own signal settles it even when a read it shares (the cache) or a custom reader does not.
  const { aborted, detach } = whenAborted(signal)
  const readings: ImageReading[] = await Promise.race([reads, aborted.then(() => images.map(() => ABORTED))]).finally(detach)
  // Image text is read against what is left of the status's text budget, after the post's own text.
  let left = status.textBudgetLeft ?? Number.POSITIVE_INFINITY
  let imageCut = false
  const imageTexts: string[] = []
  for (const text of readings.flatMap((reading) => [reading.text, ...reading.qrTexts])) {
    if (text === '') continue
    const read = text.length > left ? text.slice(0, left) : text
    if (read.length < text.length) imageCut = true
    left -= read.length
    if (read !== '') imageTexts.push(read)
  }
  const skipped: Skipped[] = readings.flatMap((reading) => reading.skipped)
  const withImages = imageCut ? { ...status, truncated: true, cut: [...(status.cut ?? []), 'image text'] } : status
  const own = imageTexts.length === 0 && !imageCut ? verdict : classifyNormalized({ ...withImages, imageTexts: [...status.imageTexts, ...imageTexts] }, resolved)
  // A quote post keeps the quote's verdict (its images are not read: one level, the post's own).
  const quote = own === verdict ? undefined : readQuote(inner)
  const again = quote === undefined ? own : withQuote(own, quote, verdict.quote?.verdict, resolved)
  return skipped.length === 0 ? again : { ...again, skipped: [...again.skipped, ...skipped] }
}
