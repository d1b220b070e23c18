/**
 * The part of tesseract.js (v5–v7) this entry uses, typed structurally so that the package's
 * types do not depend on tesseract.js, an optional peer dependency.
 */

/** A tesseract.js worker. */
export interface TesseractWorkerLike {
  /**
   * tesseract.js's `recognize`. The parameters are `never` so that tesseract.js's own types (whose
   * `ImageLike` names Node's `Buffer`) fit; the reader calls it through `recognizeWith`.
   */
  recognize(image: never, options?: never, output?: never): Promise<{ readonly data: { readonly text?: string | null; readonly imageColor?: string | null } }>
  terminate(): Promise<unknown>
  /** In Node, the `worker_threads` Worker: the reader listens to its `error` event. */
  readonly worker?: unknown
}

/** Options of tesseract.js `createWorker` that the reader sets. */
export interface TesseractWorkerOptions {
  readonly langPath: string
  readonly cacheMethod: 'none'
  readonly gzip: boolean
  readonly corePath?: string
  readonly workerPath?: string
  readonly workerBlobURL?: boolean
  readonly logger: (message: unknown) => void
  readonly errorHandler: (error: unknown) => void
}

/** The tesseract.js module (or its default export): what `import('tesseract.js')` gives. */
export interface TesseractLike {
  createWorker(langs: string, oem: number, options: TesseractWorkerOptions): Promise<TesseractWorkerLike>
}

/** What the reader passes to `recognize`: file bytes, tesseract.js options, output formats. */
type Recognize = (
  image: Uint8Array,
  options: Readonly<Record<string, unknown>>,
  output: Readonly<Record<string, boolean>>,
) => ReturnType<TesseractWorkerLike['recognize']>

/**
 * Calls a worker's `recognize` with bytes (tesseract.js reads a `Uint8Array` of a PNG, JPEG,
 * WebP, GIF, BMP or PNM file in Node and in browsers).
 *
 * @param worker - the worker
 * @returns its `recognize`, typed for the reader's arguments
 */
export function recognizeWith(worker: TesseractWorkerLike): Recognize {
  return (image, options, output) => (worker.recognize as unknown as Recognize).call(worker, image, options, output)
}
