import { type AbortSignalLike, whenAborted, withTimeout } from './platform.js'
import type { TesseractLike, TesseractWorkerLike, TesseractWorkerOptions } from './tesseract-types.js'
import { describeError } from '../errors.js'

export { describeError }

/** How a job on the pool ended: its value, or why it did not finish. */
export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly because: 'timeout' | 'error' | 'aborted'; readonly detail: string }

/** A fixed number of lazily started tesseract.js workers, one job at a time on each. */
export interface WorkerPool {
  /** Runs a job on a free worker; never rejects. A job that times out or is aborted ends its worker. */
  run<T>(job: (worker: TesseractWorkerLike) => Promise<T>, timeoutMs: number, signal?: AbortSignalLike): Promise<JobOutcome<T>>
  /** Ends every worker; running, waiting and later jobs end at once with an error. */
  terminate(): Promise<void>
}

/** What the pool needs to start workers. */
export interface WorkerPoolConfig {
  readonly tesseract: TesseractLike
  readonly size: number
  readonly startTimeoutMs: number
  readonly workerOptions: Omit<TesseractWorkerOptions, 'errorHandler'>
}

interface Slot {
  worker: TesseractWorkerLike | undefined
  busy: boolean
}

interface Waiter {
  readonly take: (slot: Slot | undefined) => void
}

function fail(because: 'timeout' | 'error' | 'aborted', detail: string): JobOutcome<never> {
  return { ok: false, because, detail }
}

function watchThread(worker: TesseractWorkerLike, onDeath: () => void): void {
  // In Node, tesseract.js assigns `worker.onerror`, which a worker_threads Worker ignores: an
  // exception inside the thread would be an unhandled 'error' event and end the process.
  const thread = worker.worker as { on?: (event: string, listener: (error: unknown) => void) => void } | undefined
  if (typeof thread?.on === 'function') thread.on('error', onDeath)
}

/**
 * Creates the pool. No worker starts until the first job.
 *
 * @param config - the tesseract.js module, the pool size, the start time limit, the worker options
 * @returns the pool
 */
export function createWorkerPool(config: WorkerPoolConfig): WorkerPool {
  const slots: Slot[] = Array.from({ length: config.size }, () => ({ worker: undefined, busy: false }))
  const waiting: Waiter[] = []
  let terminated = false
  let startFailure: string | undefined
  let endRunningJobs: () => void = () => {}
  const ended = new Promise<JobOutcome<never>>((resolve) => {
    endRunningJobs = () => resolve(fail('error', 'the image reader was terminated'))
  })

  const release = (slot: Slot): void => {
    const next = waiting.shift()
    if (next === undefined) slot.busy = false
    else next.take(slot)
  }

  const acquire = (signal: AbortSignalLike | undefined): Promise<Slot | undefined> => {
    const free = slots.find((slot) => !slot.busy)
    if (free !== undefined) {
      free.busy = true
      return Promise.resolve(free)
    }
    return new Promise((resolve) => {
      const { aborted, detach } = whenAborted(signal)
      const waiter: Waiter = {
        take: (slot) => {
          detach()
          resolve(slot)
        },
      }
      waiting.push(waiter)
      void aborted.then(() => {
        const index = waiting.indexOf(waiter)
        if (index >= 0) {
          waiting.splice(index, 1)
          resolve(undefined)
        }
      })
    })
  }

  const start = async (slot: Slot): Promise<TesseractWorkerLike | string> => {
    let started = false
    let reportFailure: (message: string) => void = () => {}
    const failed = new Promise<string>((resolve) => {
      reportFailure = resolve
    })
    // Offline, a missing language file rejects inside the worker and `createWorker` never settles:
    // the error handler and the time limit are the only ways to learn that start failed.
    const created = Promise.resolve().then(() =>
      config.tesseract.createWorker('eng', 1, {
        ...config.workerOptions,
        errorHandler: (error) => {
          if (!started) reportFailure(describeError(error))
        },
      }),
    )
    const outcome = await withTimeout<TesseractWorkerLike | string>(Promise.race([created, failed]), config.startTimeoutMs, () => `the OCR worker did not start within ${config.startTimeoutMs} ms`).catch(describeError)
    if (typeof outcome === 'string') {
      created.then((worker) => worker.terminate()).catch(() => {})
      return `OCR engine failed to start: ${outcome}`
    }
    started = true
    watchThread(outcome, () => {
      if (slot.worker === outcome) slot.worker = undefined
    })
    return outcome
  }

  const run = async <T>(job: (worker: TesseractWorkerLike) => Promise<T>, timeoutMs: number, signal?: AbortSignalLike): Promise<JobOutcome<T>> => {
    if (terminated) return fail('error', 'the image reader was terminated')
    if (signal?.aborted === true) return fail('aborted', 'aborted before the image was read')
    const slot = await acquire(signal)
    if (slot === undefined) return terminated ? fail('error', 'the image reader was terminated') : fail('aborted', 'aborted while waiting for an OCR worker')
    try {
      if (startFailure !== undefined) return fail('error', startFailure)
      if (slot.worker === undefined) {
        const started = await start(slot)
        if (typeof started === 'string') {
          startFailure = started
          return fail('error', started)
        }
        if (terminated) {
          await started.terminate().catch(() => {})
          return fail('error', 'the image reader was terminated')
        }
        slot.worker = started
      }
      const worker = slot.worker
      const { aborted, detach } = whenAborted(signal)
      const work = job(worker).then((value): JobOutcome<T> => ({ ok: true, value }))
      const outcome = await withTimeout(
        Promise.race([work, ended, aborted.then(() => fail('aborted', 'aborted while the image was being read'))]),
        timeoutMs,
        () => fail('timeout', `OCR took longer than ${timeoutMs} ms`),
      ).catch((error: unknown) => fail('error', describeError(error)))
      detach()
      if (!outcome.ok && (outcome.because !== 'error' || terminated) && slot.worker === worker) {
        // tesseract.js cannot cancel a job: end the worker so the CPU is freed; the next job starts a new one.
        work.catch(() => {})
        slot.worker = undefined
        await worker.terminate().catch(() => {})
      }
      return outcome
    } finally {
      release(slot)
    }
  }

  const terminate = async (): Promise<void> => {
    terminated = true
    endRunningJobs()
    for (const waiter of waiting.splice(0)) waiter.take(undefined)
    const workers = slots.flatMap((slot) => (slot.worker === undefined ? [] : [slot.worker]))
    for (const slot of slots) slot.worker = undefined
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => {})))
  }

  return { run, terminate }
}
