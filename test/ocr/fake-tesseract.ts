import { EventEmitter } from 'node:events'

import type { TesseractLike, TesseractWorkerLike, TesseractWorkerOptions } from '../../src/ocr/index.js'

/** What a fake worker does with a recognize call: answer a text, hang, or reject. */
export type FakeRecognize = (image: Uint8Array, options: Readonly<Record<string, unknown>> | undefined) => Promise<string>

/** A tesseract.js stand-in for tests of the pool's bookkeeping (starts, timeouts, ends). */
export interface FakeTesseract extends TesseractLike {
  readonly created: TesseractWorkerOptions[]
  readonly terminated: number
  readonly recognized: number
  /** The thread of each worker created, as tesseract.js exposes it in Node. */
  readonly threads: EventEmitter[]
}

/**
 * Creates a fake tesseract.js module.
 *
 * @param behaviour - `start: 'fail'` reports an error through `errorHandler` and never settles,
 * like tesseract.js with a missing language file; `recognize` answers each image
 * @returns the fake
 */
export function fakeTesseract(behaviour: { readonly start?: 'ok' | 'fail' | 'hang'; readonly recognize?: FakeRecognize } = {}): FakeTesseract {
  const created: TesseractWorkerOptions[] = []
  const threads: EventEmitter[] = []
  let terminated = 0
  let recognized = 0
  const fake = {
    created,
    threads,
    get terminated() {
      return terminated
    },
    get recognized() {
      return recognized
    },
    createWorker(_langs: string, _oem: number, options: TesseractWorkerOptions): Promise<TesseractWorkerLike> {
      created.push(options)
      if (behaviour.start === 'fail') {
        setTimeout(() => options.errorHandler(new Error("ENOENT: no such file or directory, open '/missing/eng.traineddata.gz'")), 5)
        return new Promise(() => {})
      }
      if (behaviour.start === 'hang') return new Promise(() => {})
      const worker = {
        // In Node, tesseract.js exposes the worker_threads Worker here.
        worker: new EventEmitter(),
        async recognize(image: Uint8Array, recognizeOptions?: Readonly<Record<string, unknown>>) {
          recognized++
          const text = await (behaviour.recognize ?? (async () => 'discord.gg/ctkpaarr'))(image, recognizeOptions)
          return { data: { text } }
        },
        async terminate() {
          terminated++
          return {}
        },
      }
      threads.push(worker.worker)
      return Promise.resolve(worker as unknown as TesseractWorkerLike)
    },
  }
  return fake
}
