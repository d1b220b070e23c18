import { checkKeys, SpamFilterConfigError } from '../errors.js'

/** Options of the filter's memory of recently seen statuses. */
export interface MemoryOptions {
  /**
   * Most statuses remembered; the oldest are forgotten first. About 145 bytes each: the default
   * fits a client, a server plugin may set 500 000. @default 10000
   */
  readonly maxStatuses?: number
  /** Statuses further apart in time than this are not compared, in ms. @default 86400000 (24 h) */
  readonly windowMs?: number
  /** Distinct accounts (this status's author included) that must post a copy. @default 3 */
  readonly minAccounts?: number
  /** Most image fingerprints remembered. @default maxStatuses / 4 */
  readonly maxImages?: number
}

/** Memory options checked and completed. */
export interface ResolvedMemoryOptions {
  readonly maxStatuses: number
  readonly windowMs: number
  readonly minAccounts: number
  readonly maxImages: number
}

/** Defaults: a client's memory (about 1.6 MB), one day, three accounts. */
export const DEFAULT_MEMORY_OPTIONS = { maxStatuses: 10_000, windowMs: 24 * 3_600_000, minAccounts: 3 } as const

function integer(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SpamFilterConfigError(option, `must be an integer from ${min} to ${max}, got ${String(value)}`)
  }
  return value
}

/**
 * Checks memory options. Throws `SpamFilterConfigError` naming the option (`memory.maxStatuses`, …).
 *
 * @param options - the caller's options
 * @param path - the option path to name in errors
 * @returns resolved options
 */
export function resolveMemoryOptions(options: MemoryOptions | undefined, path = 'memory'): ResolvedMemoryOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new SpamFilterConfigError(path, 'must be an object { maxStatuses?, windowMs?, minAccounts?, maxImages? } or false')
  if (options !== undefined) checkKeys(options, ['maxStatuses', 'windowMs', 'minAccounts', 'maxImages'], path)
  const maxStatuses = integer(options?.maxStatuses ?? DEFAULT_MEMORY_OPTIONS.maxStatuses, `${path}.maxStatuses`, 16, 4_000_000)
  const windowMs = options?.windowMs ?? DEFAULT_MEMORY_OPTIONS.windowMs
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs < 1_000) throw new SpamFilterConfigError(`${path}.windowMs`, `must be a number of ms, at least 1000, got ${String(windowMs)}`)
  return {
    maxStatuses,
    windowMs,
    minAccounts: integer(options?.minAccounts ?? DEFAULT_MEMORY_OPTIONS.minAccounts, `${path}.minAccounts`, 2, 1_000),
    maxImages: integer(options?.maxImages ?? Math.max(16, Math.floor(maxStatuses / 4)), `${path}.maxImages`, 16, 4_000_000),
  }
}
