import { SpamFilterConfigError } from '../errors.js'
import type { StatusMedia } from '../status/normalized-status.js'
import type { AbortSignalLike } from './platform.js'
import type { TesseractLike } from './tesseract-types.js'

/** Fetches an attachment's bytes for the reader; the app decides the URL, cache and headers. */
export type FetchImage = (media: StatusMedia, signal: AbortSignalLike | undefined) => Promise<Uint8Array | ArrayBuffer | undefined>

/** Options of `createImageReader`. */
export interface ImageReaderOptions {
  /** The tesseract.js module: `await import('tesseract.js')` (v5–v7). */
  readonly tesseract: TesseractLike | { readonly default: TesseractLike }
  /**
   * Where `eng.traineddata.gz` is. In Node, a folder such as
   * `node_modules/@tesseract.js-data/eng/4.0.0_best_int`; in browsers, a URL the app serves.
   * Required: without it tesseract.js downloads from a CDN (or waits forever when offline).
   */
  readonly langPath: string
  /** Browsers: URL of a folder with the tesseract.js-core `*.wasm.js` files. Node needs none. */
  readonly corePath?: string
  /** Browsers: URL of tesseract.js's `dist/worker.min.js`. Node needs none. */
  readonly workerPath?: string
  /** Whether `langPath` holds gzipped data (`eng.traineddata.gz`). @default true */
  readonly gzip?: boolean
  /** OCR workers, started on first use. @default 1 */
  readonly workers?: number
  /** Time limit for downloading one image, and again for decoding and reading it, ms. @default 30000 */
  readonly timeoutMs?: number
  /** Time limit for starting a worker, ms. @default 60000 */
  readonly startTimeoutMs?: number
  /** Larger image files are refused with `too-large`. @default 8388608 (8 MiB) */
  readonly maxImageBytes?: number
  /** Images with more pixels (from the header) are refused with `too-large`. @default 16777216 */
  readonly maxPixels?: number
  /**
   * Fetches attachments. Without it the reader fetches nothing (every `readMedia` is skipped):
   * pass the app's own fetch, or opt into the provided one with `createPreviewFetcher()`, which
   * refuses private addresses (see the README on servers and DNS).
   */
  readonly fetchImage?: FetchImage
  /** Whether to decode QR codes. @default true */
  readonly qr?: boolean
}

/** Options checked and completed. */
export interface ResolvedReaderOptions {
  readonly tesseract: TesseractLike
  readonly langPath: string
  readonly corePath: string | undefined
  readonly workerPath: string | undefined
  readonly gzip: boolean
  readonly workers: number
  readonly timeoutMs: number
  readonly startTimeoutMs: number
  readonly maxImageBytes: number
  readonly maxPixels: number
  readonly fetchImage: FetchImage | undefined
  readonly qr: boolean
}

function positiveInteger(value: unknown, fallback: number, option: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) throw new SpamFilterConfigError(option, `must be an integer from 1 to ${max}, got ${String(value)}`)
  return value
}

function optionalString(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw new SpamFilterConfigError(option, 'must be a non-empty string')
  return value
}

/**
 * Checks the reader's options. Throws `SpamFilterConfigError` naming the first bad option.
 *
 * @param options - the caller's options
 * @returns the resolved options
 */
export function resolveReaderOptions(options: ImageReaderOptions): ResolvedReaderOptions {
  if (typeof options !== 'object' || options === null) throw new SpamFilterConfigError('options', 'must be an object { tesseract, langPath, … }')
  const module = options.tesseract as Partial<TesseractLike & { default: Partial<TesseractLike> }> | undefined
  const tesseract = typeof module?.createWorker === 'function' ? module : typeof module?.default?.createWorker === 'function' ? module.default : undefined
  if (tesseract === undefined) throw new SpamFilterConfigError('tesseract', "must be the tesseract.js module, e.g. await import('tesseract.js')")
  const langPath = optionalString(options.langPath, 'langPath')
  if (langPath === undefined) throw new SpamFilterConfigError('langPath', 'is required: the folder or URL of eng.traineddata.gz (see @tesseract.js-data/eng)')
  if (options.fetchImage !== undefined && typeof options.fetchImage !== 'function') throw new SpamFilterConfigError('fetchImage', 'must be a function (media, signal) => Promise<Uint8Array>')
  for (const key of ['gzip', 'qr'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new SpamFilterConfigError(key, 'must be a boolean')
  }
  return {
    tesseract: tesseract as TesseractLike,
    langPath,
    corePath: optionalString(options.corePath, 'corePath'),
    workerPath: optionalString(options.workerPath, 'workerPath'),
    gzip: options.gzip ?? true,
    workers: positiveInteger(options.workers, 1, 'workers', 4),
    timeoutMs: positiveInteger(options.timeoutMs, 30_000, 'timeoutMs'),
    startTimeoutMs: positiveInteger(options.startTimeoutMs, 60_000, 'startTimeoutMs'),
    maxImageBytes: positiveInteger(options.maxImageBytes, 8 * 1024 * 1024, 'maxImageBytes'),
    maxPixels: positiveInteger(options.maxPixels, 16_777_216, 'maxPixels'),
    fetchImage: options.fetchImage,
    qr: options.qr ?? true,
  }
}
