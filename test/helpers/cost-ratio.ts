/**
 * The cost of one piece of work over another's, for linearity tests: a ratio, never a time limit.
 * Each side is timed in batches of at least `batchMs` (mean per call), batches interleaved so both
 * sides see the same machine load, and the fastest batch of each side is kept (load only ever adds
 * time).
 *
 * @param small - the work on n
 * @param large - the work on k·n
 * @param batches - batches per side after one warm-up batch each
 * @param batchMs - the least length of a batch, ms
 * @returns the large work's cost over the small work's
 */
export function costRatio(small: () => unknown, large: () => unknown, batches = 4, batchMs = 100): number {
  const perCall = (run: () => unknown): number => {
    let calls = 0
    const start = performance.now()
    do {
      run()
      calls++
    } while (performance.now() - start < batchMs)
    return (performance.now() - start) / calls
  }
  perCall(small)
  perCall(large)
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let i = 0; i < batches; i++) {
    bestSmall = Math.min(bestSmall, perCall(small))
    bestLarge = Math.min(bestLarge, perCall(large))
  }
  return bestLarge / bestSmall
}
