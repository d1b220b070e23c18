/** The brand every error of this package carries, shared by its ESM and CommonJS builds. */
const CONFIG_BRAND = Symbol.for('mastodon-spam-filter.SpamFilterConfigError')

/**
 * Thrown when options are invalid, at construction time (`createSpamFilter`) or at the start of a
 * `classifyStatus` call, before any status is read. `option` names the offending option path.
 *
 * `instanceof` works across the package's ESM and CommonJS builds (an app and a library may load
 * different ones): instances carry a `Symbol.for` brand, and `instanceof` checks it.
 */
export class SpamFilterConfigError extends TypeError {
  override readonly name = 'SpamFilterConfigError'
  /** The option path, e.g. `thresholds.spam` or `weights["mention-density"]`. */
  readonly option: string

  constructor(option: string, problem: string) {
    super(`mastodon-spam-filter: option ${option} ${problem}`)
    this.option = option
    Object.defineProperty(this, CONFIG_BRAND, { value: true })
  }

  /** True for a `SpamFilterConfigError` of either build of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CONFIG_BRAND] === true
  }
}

/**
 * The known name closest to a misspelt one (at most a third of its letters apart), for "did you
 * mean …?" in error messages.
 *
 * @param name - the unknown name
 * @param known - the names it may have meant
 * @returns the nearest known name, or `undefined` when none is close
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const a = name.toLowerCase().slice(0, 64)
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(a.length / 3)) + 1
  for (const candidate of known) {
    const b = candidate.toLowerCase()
    // Levenshtein distance, two rows.
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      const current = [i]
      for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
    const distance = previous[b.length]!
    if (distance < bestDistance || (a.length >= 3 && b.startsWith(a) && bestDistance > 1)) {
      best = candidate
      bestDistance = Math.min(distance, bestDistance)
    }
  }
  return best
}

/**
 * Throws `SpamFilterConfigError` for a key of `value` that is not in `known`, naming the nearest
 * known key; a key of `elsewhere.keys` gets a note saying where it belongs.
 *
 * @param value - the options object
 * @param known - the keys accepted here
 * @param path - the option path of `value` (`''` for the top level)
 * @param elsewhere - keys accepted by another function, and its name
 */
export function checkKeys(value: object, known: readonly string[], path: string, elsewhere?: { readonly keys: readonly string[]; readonly where: string }): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue
    const option = path === '' ? key : `${path}.${key}`
    if (elsewhere?.keys.includes(key) === true) throw new SpamFilterConfigError(option, `is an option of ${elsewhere.where}, not here`)
    const near = nearestName(key, known)
    throw new SpamFilterConfigError(option, `is not an option${near === undefined ? '' : `: did you mean ${path === '' ? near : `${path}.${near}`}?`} (known: ${known.join(', ')})`)
  }
}

/**
 * Describes anything thrown or rejected with (strings, Errors, events, objects without a prototype,
 * revoked proxies) in one line; never throws itself. Used where a message is built from a failure
 * of code we do not own: tesseract.js, a Redis client.
 *
 * @param error - what was thrown
 * @returns a message of at most 300 characters
 */
export function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
    return typeof text === 'string' ? text.slice(0, 300) : 'an error without a message'
  } catch {
    // A cyclic object, a revoked proxy or a throwing getter was thrown: describing it must not throw.
    return 'an error that cannot be described'
  }
}
