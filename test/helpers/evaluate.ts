/**
 * Runs one signal on a Status JSON the way the classifier does (unwrap, read, context), so
 * signal tests stay one line per case.
 */
import { renderMessage } from '../../src/messages/render.js'
import { resolveViewer, type ViewerOption } from '../../src/options.js'
import type { Signal, SignalContext, SignalHit } from '../../src/signal.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'
import { readStatus, unwrapStatus } from '../../src/status/read-status.js'
import { NOW } from './make-status.js'

/** Per-case facts: the viewer and the time, as `classifyStatus` options give them. */
export interface EvaluateOptions {
  readonly viewer?: ViewerOption
  readonly now?: number
}

/** Builds the signal context `classifyStatus` would build. */
export function makeContext(status: NormalizedStatus, options: EvaluateOptions = {}): SignalContext {
  return { postedAt: status.createdAt ?? options.now ?? NOW, viewer: resolveViewer(options.viewer) }
}

/** Reads a Status JSON (or boost, or Notification) as `classifyStatus` would. */
export function normalize(input: unknown, options: EvaluateOptions = {}): NormalizedStatus {
  const status = unwrapStatus(input)
  if (status === undefined) throw new Error('the test input holds no status')
  return readStatus(status, resolveViewer(options.viewer).host)
}

/**
 * Evaluates `signal` on a Status JSON.
 *
 * @returns the hit, or `undefined` when the signal stays silent
 */
export function evaluate(signal: Signal, input: unknown, options: EvaluateOptions = {}): (SignalHit & { readonly message: string }) | undefined {
  const status = normalize(input, options)
  return withMessage(signal.id, signal.evaluate(status, makeContext(status, options)))
}

/**
 * The hit with its message rendered from its params by the English catalog, as the verdict's
 * reason would carry it (signals give params; the tests read the sentence too).
 */
export function withMessage(id: string, hit: SignalHit | undefined): (SignalHit & { readonly message: string }) | undefined {
  if (hit === undefined) return undefined
  return { ...hit, message: renderMessage(hit.message === undefined ? { signal: id, params: hit.params ?? {} } : { signal: id, params: hit.params ?? {}, message: hit.message }) }
}
