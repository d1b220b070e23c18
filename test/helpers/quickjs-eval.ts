import type { QuickJSContext } from 'quickjs-emscripten'

/**
 * Evaluates code in a QuickJS context and returns its value dumped to the host; an exception
 * inside QuickJS becomes an `Error` here carrying what was thrown. Shared by the embedded tests
 * and `bench/footprint.ts`.
 *
 * @param vm - the QuickJS context
 * @param code - the code to evaluate (its last expression is the value)
 * @returns the value, dumped
 */
export function evaluateIn(vm: QuickJSContext, code: string): unknown {
  const result = vm.evalCode(code)
  if (result.error !== undefined) {
    const error: unknown = vm.dump(result.error)
    result.error.dispose()
    throw new Error(`QuickJS: ${JSON.stringify(error)}`)
  }
  const value: unknown = vm.dump(result.value)
  result.value.dispose()
  return value
}
