/**
 * Runs one signal with rules documents in its context, as `createSpamFilter({ rules })` would.
 */
import { resolveRules, type RulesOption } from '../../src/rules/resolve-rules.js'
import type { Signal, SignalHit } from '../../src/signal.js'
import { makeContext, normalize, withMessage, type EvaluateOptions } from './evaluate.js'

/**
 * Evaluates `signal` on a Status JSON with `rules` merged over the built-in lists.
 *
 * @returns the hit, or `undefined` when the signal stays silent
 */
export function evaluateWithRules(signal: Signal, input: unknown, rules: RulesOption, options: EvaluateOptions = {}): (SignalHit & { readonly message: string }) | undefined {
  const status = normalize(input, options)
  return withMessage(signal.id, signal.evaluate(status, { ...makeContext(status, options), rules: resolveRules(rules) }))
}
