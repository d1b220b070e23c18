/**
 * Runs one signal on a Status JSON the way the classifier does (unwrap, read, context), so
 * signal tests stay one line per case.
 */
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
export function evaluate(signal: Signal, input: unknown, options: EvaluateOptions = {}): SignalHit | undefined {
  const status = normalize(input, options)
  return signal.evaluate(status, makeContext(status, options))
}
