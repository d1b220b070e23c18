import type { SignalContext } from '../signal.js'
import { resolveRules, type ResolvedRules } from './resolve-rules.js'

/** The built-in lists alone (campaign domains, shorteners, wave phrases), compiled once. */
export const DEFAULT_RULES: ResolvedRules = /* @__PURE__ */ resolveRules()

/**
 * The rules a signal should use: the context's, or the built-in lists when a caller built the
 * context without them.
 *
 * @param context - the signal context
 * @returns the compiled rules
 */
export function rulesOf(context: SignalContext): ResolvedRules {
  return context.rules ?? DEFAULT_RULES
}
