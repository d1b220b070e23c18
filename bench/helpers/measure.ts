/** What one measured case gives: the time per item over several rounds. */
export interface Measurement {
  /** Median time per item over the rounds, in µs. */
  readonly median: number
  /** Fastest and slowest rounds, µs per item: the spread other processes' CPU use adds. */
  readonly min: number
  readonly max: number
  readonly rounds: number
  /** Passes over the items per round. */
  readonly passes: number
}

/** A piece of work to time: `run` is called on every item, its results are summed. */
export interface BenchCase<T = unknown> {
  readonly name: string
  readonly items: readonly T[]
  /** The work for one item; returns a number so the work cannot be optimized away. */
  readonly run: (item: T) => number
}

/** How long to measure. */
export interface MeasureOptions {
  /** Rounds measured after the warm-up; the median is reported. @default 7 */
  readonly rounds?: number
  /** Target length of one round of one case in ms; the pass count is chosen to reach it. @default 100 */
  readonly roundMs?: number
  /** Warm-up length per case in ms (lets the JIT compile the hot paths). @default 300 */
  readonly warmupMs?: number
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * Times every case: a warm-up each, then rounds in which every case runs once in turn, so a burst
 * of load from other processes slows all cases of a round alike and ratios between cases stay
 * fair. Each round of a case runs whole passes over its items, long enough to be above timer noise.
 *
 * @param cases - the work to time
 * @param options - rounds and lengths
 * @returns per case, µs per item: median, min and max over the rounds; and the summed results
 */
export function measureAll(cases: readonly BenchCase<never>[], options: MeasureOptions = {}): { results: Measurement[]; sink: number } {
  const { rounds = 7, roundMs = 100, warmupMs = 300 } = options
  let sink = 0
  const pass = (c: BenchCase<never>): void => {
    const run = c.run as (item: unknown) => number
    for (const item of c.items) sink += run(item)
  }
  const passesPerRound = cases.map((c) => {
    let passes = 0
    const start = performance.now()
    while (performance.now() - start < warmupMs || passes < 3) {
      pass(c)
      passes++
    }
    const perPass = (performance.now() - start) / passes
    return Math.max(1, Math.round(roundMs / Math.max(perPass, 1e-6)))
  })
  const perItem: number[][] = cases.map(() => [])
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      const passes = passesPerRound[i] ?? 1
      const start = performance.now()
      for (let p = 0; p < passes; p++) pass(c)
      perItem[i]?.push(((performance.now() - start) * 1000) / (passes * Math.max(1, c.items.length)))
    })
  }
  const results = cases.map((_, i) => {
    const values = perItem[i] ?? []
    return { median: median(values), min: Math.min(...values), max: Math.max(...values), rounds, passes: passesPerRound[i] ?? 1 }
  })
  return { results, sink }
}

/**
 * A case with its item type checked, ready for `measureAll` next to cases of other item types.
 *
 * @param name - the row name
 * @param items - the inputs
 * @param run - the work for one item
 * @returns the case
 */
export function benchCase<T>(name: string, items: readonly T[], run: (item: T) => number): BenchCase<never> {
  return { name, items, run } as unknown as BenchCase<never>
}

/**
 * Times `run` over every item: a warm-up, then several rounds of whole passes (one case of
 * `measureAll`).
 *
 * @param items - the inputs
 * @param run - the work for one item; returns a number so the work cannot be optimized away
 * @param options - rounds and lengths
 * @returns µs per item: median, min and max over the rounds; and the summed results
 */
export function measure<T>(items: readonly T[], run: (item: T) => number, options: MeasureOptions = {}): Measurement & { sink: number } {
  const { results, sink } = measureAll([benchCase('case', items, run)], options)
  const [result] = results
  return { ...(result ?? { median: 0, min: 0, max: 0, rounds: 0, passes: 0 }), sink }
}
