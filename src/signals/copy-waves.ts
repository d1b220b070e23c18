import { SpamFilterConfigError } from '../errors.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { readStatus, unwrapStatus } from '../status/read-status.js'
import { duplicateKeyText, wordShingles } from '../text/shingles.js'
import type { Verdict, VerdictLabel } from '../verdict.js'

/** Options of `createCopyWaves`. */
export interface CopyWaveOptions {
  /** Distinct accounts that confirm a wave. @default 3 */
  readonly minAccounts?: number
  /** Statuses further apart in time than this (ms) are not compared. @default 86_400_000 */
  readonly windowMs?: number
  /** Statuses kept (the oldest are forgotten first). @default 2000 */
  readonly maxStatuses?: number
  /** Share of the smaller text's shingles found in the other for two texts to be copies. @default 0.6 */
  readonly minContainment?: number
}

/** An earlier status of a wave, as it was classified. */
export interface WaveStatus {
  readonly id: string | undefined
  readonly acct: string
  /** The label it got when it was classified. */
  readonly label: VerdictLabel
  /** Post time, ms since the epoch. */
  readonly at: number
}

/** What `observe` reports for a status that belongs to a confirmed copy wave. */
export interface WaveReport {
  /** Distinct accounts that posted the wave's text within the window, this one included. */
  readonly accounts: number
  /** Statuses of the wave seen so far, this one included. */
  readonly statuses: number
  /** The largest share of this status's text shared with an earlier copy (0–1). */
  readonly containment: number
  /**
   * Earlier statuses of the wave that were not labeled spam when classified, each reported once
   * (the first report lists the first copies; later reports list only copies not reported yet).
   */
  readonly earlier: readonly WaveStatus[]
}

/** A caller-owned tracker of copy waves (see `createCopyWaves`). */
export interface CopyWaves {
  /**
   * Records a classified status and reports its wave when the wave is confirmed.
   *
   * @param status - the status given to the classifier (Status, boost or Notification JSON), or a
   * normalized status
   * @param verdict - the verdict it got
   * @returns the wave, or `undefined` when the status is not (yet) part of a confirmed wave
   */
  observe(status: unknown, verdict: Verdict): WaveReport | undefined
  /** Statuses kept now. */
  size(): number
}

interface Entry {
  readonly id: string | undefined
  readonly acct: string
  readonly label: VerdictLabel
  readonly at: number
  readonly shingles: Int32Array
  wave: number
  reported: boolean
}

/** Distinct shingles kept per status: the smallest hash values (a bottom-k sample of the set). */
const MAX_SHINGLES = 512
/** Shingles shared at least, whatever the share (a few common words are not a copy). */
const MIN_SHARED = 16
/** Entries kept per shingle in the index (the newest): bounds the cost of one status. */
const MAX_POSTINGS = 48

function distinctSample(shingles: Int32Array): Int32Array {
  const sorted = Int32Array.from(shingles).sort()
  let n = 0
  for (let i = 0; i < sorted.length && n < MAX_SHINGLES; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!
  return sorted.slice(0, n)
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new SpamFilterConfigError(name, `must be a positive number, got ${String(value)}`)
  return value
}

const isNormalized = (value: object): value is NormalizedStatus => 'prose' in value && 'author' in value && 'extraTexts' in value

/**
 * Creates a tracker of copy waves for a client: it remembers the text of every classified status
 * (a sample of its shingles) and, when 3 or more accounts have posted the same text within a day,
 * reports the wave, with the earlier statuses that were not labeled spam when first seen, so the
 * client can fold the first copies too. Copies are compared by containment (the share of the
 * smaller text found in the other), not by the similarity of the whole, so a copy padded with
 * random words stays a copy; 16 shared shingles (about four words) at least.
 *
 * State lives in the returned object, owned by the caller; nothing is kept at module level. Each
 * call reads the status again (about the cost of one `readStatus`) unless it is given a normalized
 * status; memory is bounded by `maxStatuses` × 512 shingles.
 *
 * @param options - accounts, window, size and containment
 * @returns the tracker
 * @throws SpamFilterConfigError for an option that is not a positive number
 * @example
 * const filter = createSpamFilter({ viewer })
 * const waves = createCopyWaves()
 * for (const status of notifications) {
 *   const verdict = filter.classify(status)
 *   const wave = waves.observe(status, verdict)
 *   if (verdict.label === 'spam' || wave !== undefined) hide(status)
 *   // the first copies were shown before the wave was confirmed: fold them now
 *   for (const earlier of wave?.earlier ?? []) hideById(earlier.id)
 * }
 */
export function createCopyWaves(options: CopyWaveOptions = {}): CopyWaves {
  const minAccounts = positive(options.minAccounts, 3, 'minAccounts')
  const windowMs = positive(options.windowMs, 86_400_000, 'windowMs')
  const maxStatuses = Math.floor(positive(options.maxStatuses, 2000, 'maxStatuses'))
  const minContainment = positive(options.minContainment, 0.6, 'minContainment')
  const entries: (Entry | undefined)[] = []
  let next = 0
  let total = 0
  const postings = new Map<number, number[]>()
  const waves = new Map<number, number[]>()

  const forget = (slot: number): void => {
    const old = entries[slot]
    if (old === undefined) return
    for (const shingle of old.shingles) {
      const list = postings.get(shingle)
      if (list === undefined) continue
      const at = list.indexOf(slot)
      if (at >= 0) list.splice(at, 1)
      if (list.length === 0) postings.delete(shingle)
    }
    const members = waves.get(old.wave)
    if (members !== undefined) {
      const at = members.indexOf(slot)
      if (at >= 0) members.splice(at, 1)
      if (members.length === 0) waves.delete(old.wave)
    }
    entries[slot] = undefined
  }

  function mergeInto(target: number, source: number): void {
    const moving = waves.get(source) ?? []
    const into = waves.get(target) ?? []
    for (const m of moving) {
      const e = entries[m]
      if (e !== undefined) e.wave = target
      into.push(m)
    }
    waves.set(target, into)
    waves.delete(source)
  }

  return {
    size: () => entries.filter((e) => e !== undefined).length,
    observe(input, verdict) {
      let status: NormalizedStatus
      if (typeof input === 'object' && input !== null && isNormalized(input)) {
        status = input
      } else {
        const raw = unwrapStatus(input)
        if (raw === undefined) return undefined
        status = readStatus(raw, undefined)
      }
      const key = duplicateKeyText(status)
      if (key === '') return undefined
      const shingles = distinctSample(wordShingles(key))
      if (shingles.length < MIN_SHARED) return undefined
      const at = status.createdAt ?? Date.now()

      // Shared shingles per earlier entry, through the index.
      const shared = new Map<number, number>()
      for (const shingle of shingles) for (const slot of postings.get(shingle) ?? []) shared.set(slot, (shared.get(slot) ?? 0) + 1)
      let wave = -1
      let best = 0
      for (const [slot, count] of shared) {
        const other = entries[slot]
        if (other === undefined || other.acct === status.author.acct || Math.abs(other.at - at) > windowMs || count < MIN_SHARED) continue
        const containment = count / Math.min(shingles.length, other.shingles.length)
        if (containment < minContainment) continue
        if (containment > best) best = containment
        // Join the oldest wave among the matches; merge the others into it.
        if (wave < 0 || other.wave < wave) {
          if (wave >= 0) mergeInto(other.wave, wave)
          wave = other.wave
        } else if (other.wave !== wave) {
          mergeInto(wave, other.wave)
        }
      }

      // Remember this status.
      const slot = next
      forget(slot)
      const id = total++
      const entry: Entry = { id: status.id, acct: status.author.acct, label: verdict.label, at, shingles, wave: wave < 0 ? id : wave, reported: verdict.label === 'spam' }
      entries[slot] = entry
      next = (next + 1) % maxStatuses
      for (const shingle of shingles) {
        let list = postings.get(shingle)
        if (list === undefined) postings.set(shingle, (list = []))
        list.push(slot)
        if (list.length > MAX_POSTINGS) list.shift()
      }
      const members = waves.get(entry.wave) ?? []
      members.push(slot)
      waves.set(entry.wave, members)
      if (wave < 0) return undefined

      const live = members.map((m) => entries[m]).filter((e): e is Entry => e !== undefined && Math.abs(e.at - at) <= windowMs)
      const accounts = new Set(live.map((e) => e.acct)).size
      if (accounts < minAccounts) return undefined
      const earlier: WaveStatus[] = []
      for (const member of live) {
        if (member === entry || member.reported) continue
        member.reported = true
        earlier.push({ id: member.id, acct: member.acct, label: member.label, at: member.at })
      }
      entry.reported = true
      return { accounts, statuses: live.length, containment: Math.round(best * 100) / 100, earlier }
    },
  }
}

/** What `watchCopyWaves` needs of a filter: `createSpamFilter`'s classify methods. */
export interface ClassifyingFilter {
  classify(status: unknown, context?: never): Verdict
  classifyAsync(status: unknown, context?: never): Promise<Verdict>
}

/**
 * Wraps a filter so that every status it classifies also goes through a copy-wave tracker, and
 * `onWave` is called when a status belongs to a confirmed wave, with the earlier copies the filter
 * had not labeled spam (see `createCopyWaves`). The verdicts are the filter's, unchanged; the
 * other methods of the filter (memory, marks) are kept.
 *
 * @param filter - a spam filter
 * @param onWave - called with the wave and the status that confirmed or joined it
 * @param options - the tracker's options
 * @returns the filter, watched
 * @example
 * const filter = watchCopyWaves(createSpamFilter({ viewer }), (wave) => {
 *   for (const earlier of wave.earlier) foldStatus(earlier.id) // shown before the wave was confirmed
 * })
 * filter.classify(status)
 */
export function watchCopyWaves<F extends ClassifyingFilter>(filter: F, onWave: (wave: WaveReport, status: unknown) => void, options?: CopyWaveOptions): F {
  const waves = createCopyWaves(options)
  const seen = (status: unknown, verdict: Verdict): Verdict => {
    const wave = waves.observe(status, verdict)
    if (wave !== undefined) onWave(wave, status)
    return verdict
  }
  return {
    ...filter,
    classify: (status: unknown, context?: never) => seen(status, filter.classify(status, context)),
    classifyAsync: async (status: unknown, context?: never) => seen(status, await filter.classifyAsync(status, context)),
  }
}
