import type { StatusMedia } from '../status/normalized-status.js'
import type { Skipped } from '../verdict.js'
import { decodeInBrowser } from './decode-in-browser.js'
import { decodePng } from './decode-png.js'
import { ImageFetchError } from './fetch-preview.js'
import { framePixelProblem, readImageHeader } from './image-size.js'
import { runPasses } from './ocr-passes.js'
import { type AbortSignalLike, host, whenAborted } from './platform.js'
import { type ImageReaderOptions, resolveReaderOptions } from './reader-options.js'
import { createWorkerPool, describeError } from './worker-pool.js'

/** What reading one image gave. Failures are entries in `skipped`, never exceptions. */
export interface ImageReading {
  /** Text recognized by OCR, with OCR misreadings of Discord links folded; `''` when none. */
  readonly text: string
  /** Texts of QR codes found in the image. */
  readonly qrTexts: readonly string[]
  /** Why the image could not be read (timeout, error, aborted, too-large); empty on success. */
  readonly skipped: readonly Skipped[]
}

/** Per-read options. */
export interface ReadImageOptions {
  /** Aborts the read; the result then has a `skipped` entry with `because: 'aborted'`. */
  readonly signal?: AbortSignalLike
}

/**
 * Reads text and QR codes in images with tesseract.js workers the caller owns. Pass it to
 * `createSpamFilter({ ocr })`, and call `terminate()` when done (on sign-out, on shutdown).
 */
export interface ImageReader {
  /** Reads an attachment, fetching it with `fetchImage` (or its `preview_url`). Never rejects. */
  readMedia(media: StatusMedia, options?: ReadImageOptions): Promise<ImageReading>
  /** Reads an image file (PNG, JPEG, WebP, GIF, BMP). Never rejects. */
  readBytes(bytes: Uint8Array | ArrayBuffer, options?: ReadImageOptions): Promise<ImageReading>
  /** Ends the workers. Later reads return a `skipped` entry. */
  terminate(): Promise<void>
}

/** How much later than the pool's own time limit the backstop on a whole read fires, ms. */
const BACKSTOP_GRACE_MS = 250

/** The fetch phase's marker for "bytes arrived". */
const FETCHED: ImageReading = { text: '', qrTexts: [], skipped: [] }

const skipped = (because: Skipped['because'], detail: string): ImageReading => ({ text: '', qrTexts: [], skipped: [{ signal: 'ocr', because, detail }] })

/**
 * Creates an image reader. Nothing starts until the first image: then up to `workers` tesseract.js
 * workers start, with language data from `langPath` only (no CDN, `cacheMethod: 'none'`, nothing
 * written to disk). Each image is checked against the byte and pixel limits before any decoder
 * sees it, and read within `timeoutMs`; a worker that times out is ended and replaced.
 *
 * @param options - the tesseract.js module, `langPath`, limits and the image fetch
 * @returns the reader
 * @example
 * // Node: language data from the @tesseract.js-data/eng package, nothing downloaded.
 * import { createRequire } from 'node:module'
 * import { createImageReader } from 'mastodon-spam-filter/ocr'
 * const eng = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')
 * const ocr = createImageReader({
 *   tesseract: await import('tesseract.js'),
 *   langPath: eng.replace(/package\.json$/, '4.0.0_best_int'),
 * })
 * const filter = createSpamFilter({ ocr })
 * const verdict = await filter.classifyAsync(status)
 * await ocr.terminate()
 * @example
 * // Browsers: the app serves tesseract.js's worker, the core and the language data itself.
 * const ocr = createImageReader({
 *   tesseract: Tesseract, // tesseract.js/dist/tesseract.esm.min.js
 *   workerPath: '/ocr/worker.min.js', // tesseract.js/dist/worker.min.js
 *   corePath: '/ocr/core', // tesseract.js-core/tesseract-core-{relaxedsimd-,simd-,}lstm.wasm.js
 *   langPath: '/ocr/lang', // @tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz
 * })
 */
export function createImageReader(options: ImageReaderOptions): ImageReader {
  const config = resolveReaderOptions(options)
  const pool = createWorkerPool({
    tesseract: config.tesseract,
    size: config.workers,
    startTimeoutMs: config.startTimeoutMs,
    workerOptions: {
      langPath: config.langPath,
      cacheMethod: 'none',
      gzip: config.gzip,
      logger: () => {},
      ...(config.corePath === undefined ? {} : { corePath: config.corePath }),
      ...(config.workerPath === undefined ? {} : { workerPath: config.workerPath, workerBlobURL: false }),
    },
  })

  // Every read in flight, by the function that settles it: `terminate()` settles them all.
  const pending = new Set<(reading: ImageReading) => void>()
  let terminated = false
  const { setTimeout, clearTimeout } = host()

  /**
   * Runs one phase of a read and settles with the first of: its result, the caller's abort, the
   * time limit, or `terminate()`. Passing the signal on is not enough: a `fetchImage` or an engine
   * that ignores it would keep the read (and `classifyAsync`) pending for ever.
   */
  const settle = (phase: () => Promise<ImageReading>, signal: AbortSignalLike | undefined, ms: number, what: string): Promise<ImageReading> => {
    if (terminated) return Promise.resolve(skipped('error', 'the image reader was terminated'))
    if (signal?.aborted === true) return Promise.resolve(skipped('aborted', `aborted before ${what}`))
    return new Promise<ImageReading>((resolve) => {
      const { aborted, detach } = whenAborted(signal)
      const timers: unknown[] = []
      const done = (reading: ImageReading): void => {
        if (!pending.delete(done)) return
        for (const timer of timers) clearTimeout(timer)
        detach()
        resolve(reading)
      }
      pending.add(done)
      timers.push(setTimeout(() => done(skipped('timeout', `${what} took longer than ${ms} ms`)), ms))
      // The phase gets one turn to answer the abort itself (with its own detail, after ending its
      // worker); then the read settles regardless.
      void aborted.then(() => timers.push(setTimeout(() => done(skipped('aborted', `aborted while ${what}`)), 0)))
      phase().then(done, (error: unknown) => done(skipped('error', describeError(error))))
    })
  }

  const readBytes = (input: Uint8Array | ArrayBuffer, read: ReadImageOptions = {}): Promise<ImageReading> =>
    // Decoding and OCR within timeoutMs, plus startTimeoutMs while no worker has started yet; the
    // pool's own limit on the OCR job comes first, this one is the backstop (hence the grace).
    settle(() => readBytesNow(input, read), read.signal, config.timeoutMs + (started ? 0 : config.startTimeoutMs) + BACKSTOP_GRACE_MS, 'reading the image')

  let started = false
  const readBytesNow = async (input: Uint8Array | ArrayBuffer, read: ReadImageOptions): Promise<ImageReading> => {
    try {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
      if (bytes.length > config.maxImageBytes) return skipped('too-large', `the image has ${bytes.length} bytes, more than maxImageBytes (${config.maxImageBytes})`)
      const header = readImageHeader(bytes)
      if (header === undefined) return skipped('error', 'not an image format the reader knows (PNG, JPEG, WebP, GIF, BMP)')
      const { width, height } = header
      // A decoder must never meet an image whose size is unknown: it could be a decompression bomb.
      if (width === undefined || height === undefined || width < 1 || height < 1) return skipped('error', `the ${header.format} header gives no image size`)
      if (width * height > config.maxPixels) return skipped('too-large', `the image has ${width}×${height} pixels, more than maxPixels (${config.maxPixels})`)
      // Every frame, not just the header: a GIF whose screen is 1×1 may hold a 16000² frame.
      const frameProblem = framePixelProblem(bytes, header.format, config.maxPixels)
      if (frameProblem !== undefined) return skipped(frameProblem.because, `the ${header.format} image is refused: ${frameProblem.detail}`)
      const pixels = header.format === 'png' ? await decodePng(bytes, config.maxPixels) : await decodeInBrowser(bytes)
      const outcome = await pool.run((worker) => {
        started = true
        return runPasses(worker, bytes, pixels, config)
      }, config.timeoutMs, read.signal)
      if (!outcome.ok) return skipped(outcome.because, outcome.detail)
      return { text: outcome.value.text, qrTexts: outcome.value.qr === undefined ? [] : [outcome.value.qr], skipped: [] }
    } catch (error) {
      return skipped('error', describeError(error))
    }
  }

  const readMedia = async (media: StatusMedia, read: ReadImageOptions = {}): Promise<ImageReading> => {
    try {
      if (read.signal?.aborted === true) return skipped('aborted', 'aborted before the image was fetched')
      // No network unless the caller says so: without fetchImage nothing is fetched.
      if (config.fetchImage === undefined) return skipped('error', 'no fetchImage was given: the reader fetches nothing by itself (pass fetchImage, or createPreviewFetcher())')
      const fetchImage = config.fetchImage
      let bytes: Uint8Array | ArrayBuffer | undefined
      const fetched = await settle(
        async () => {
          try {
            bytes = await fetchImage(media, read.signal)
            return bytes === undefined ? skipped('error', 'fetchImage returned no bytes') : FETCHED
          } catch (error) {
            if (error instanceof ImageFetchError) return skipped(error.because, error.message)
            return skipped('error', `fetchImage failed: ${describeError(error)}`)
          }
        },
        read.signal,
        config.timeoutMs,
        'fetching the image',
      )
      return fetched !== FETCHED || bytes === undefined ? fetched : await readBytes(bytes, read)
    } catch (error) {
      return skipped('error', `fetchImage failed: ${describeError(error)}`)
    }
  }

  const terminate = async (): Promise<void> => {
    terminated = true
    // Every read in flight settles now, whatever its fetch or engine is doing.
    for (const done of [...pending]) done(skipped('error', 'the image reader was terminated'))
    await pool.terminate()
  }

  return { readMedia, readBytes, terminate }
}
