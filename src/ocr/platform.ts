/**
 * The few host APIs the OCR entry uses, typed structurally: the package compiles without DOM or
 * Node types, and each API is looked up on `globalThis` when it is used, so a host that lacks one
 * (no `fetch`, no `OffscreenCanvas`) simply skips that path.
 */

/** The part of `AbortSignal` the reader uses; a real `AbortSignal` fits. */
export interface AbortSignalLike {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike
  abort(): void
}

/** A reader of a response body's bytes (the part of a WHATWG `ReadableStreamDefaultReader` used). */
export interface ByteReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>
  cancel(): Promise<void>
}

/** The part of a `fetch` `Response` the default media fetch reads. */
export interface ResponseLike {
  readonly ok: boolean
  readonly status: number
  readonly headers: { get(name: string): string | null }
  readonly body: { getReader(): ByteReader } | null
}

interface TransformLike {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } }
  readonly readable: { getReader(): ByteReader }
}

interface CanvasContextLike {
  drawImage(image: unknown, x: number, y: number): void
  getImageData(x: number, y: number, width: number, height: number): { readonly data: Uint8ClampedArray }
}

interface Host {
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (id: unknown) => void
  readonly atob: (data: string) => string
  readonly AbortController?: new () => AbortControllerLike
  readonly fetch?: (url: string, init: { readonly signal: AbortSignalLike; readonly redirect: 'manual' }) => Promise<ResponseLike>
  readonly DecompressionStream?: new (format: 'deflate') => TransformLike
  readonly Blob?: new (parts: readonly Uint8Array[]) => unknown
  readonly createImageBitmap?: (blob: unknown) => Promise<{ readonly width: number; readonly height: number; close(): void }>
  readonly OffscreenCanvas?: new (width: number, height: number) => { getContext(kind: '2d'): CanvasContextLike | null }
}

/**
 * The host's globals, looked up at call time.
 *
 * @returns the global object, typed as the APIs this entry may use
 */
export function host(): Host {
  return globalThis as unknown as Host
}

/**
 * Runs `work` and settles with `onTimeout()` if it takes longer than `ms`.
 *
 * @param work - the promise to wait for
 * @param ms - the time limit
 * @param onTimeout - the value to settle with on timeout
 * @returns the first of the two
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  const { setTimeout, clearTimeout } = host()
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

/**
 * A promise that resolves when `signal` aborts (never, without a signal), with a cleanup.
 *
 * @param signal - the caller's signal
 * @returns the promise and a function that detaches the listener
 */
export function whenAborted(signal: AbortSignalLike | undefined): { readonly aborted: Promise<void>; readonly detach: () => void } {
  if (signal === undefined) return { aborted: new Promise<void>(() => {}), detach: () => {} }
  let listener = (): void => {}
  const aborted = new Promise<void>((resolve) => {
    listener = () => resolve()
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', listener, { once: true })
  })
  return { aborted, detach: () => signal.removeEventListener('abort', listener) }
}

/**
 * Creates an `AbortController` when the host has one.
 *
 * @returns a controller, or `undefined`
 */
export function newAbortController(): AbortControllerLike | undefined {
  const Controller = host().AbortController
  return Controller === undefined ? undefined : new Controller()
}
