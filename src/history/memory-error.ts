/** The brand shared by the package's ESM and CommonJS builds, so `instanceof` works across them. */
const MEMORY_BRAND = Symbol.for('mastodon-spam-filter.SpamFilterMemoryError')

/**
 * Thrown by `importMemory` when the data is not an export of this library's memory format: wrong
 * magic bytes, an unknown version, a bad checksum or a truncated body. Nothing is applied: the
 * memory keeps what it had.
 */
export class SpamFilterMemoryError extends Error {
  override readonly name = 'SpamFilterMemoryError'
  /** What was wrong: `format`, `version`, `checksum` or `truncated`; `not-empty`: a shared store's prefix already holds a memory (import into an empty one). */
  readonly problem: 'format' | 'version' | 'checksum' | 'truncated' | 'not-empty'

  constructor(problem: SpamFilterMemoryError['problem'], detail: string, options?: ErrorOptions) {
    super(`mastodon-spam-filter: cannot import the memory (${problem}): ${detail}`, options)
    this.problem = problem
    Object.defineProperty(this, MEMORY_BRAND, { value: true })
  }

  /** True for a `SpamFilterMemoryError` of either build of this package (ESM or CommonJS). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MEMORY_BRAND] === true
  }
}
