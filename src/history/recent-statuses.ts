import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { imageDetail } from '../media/image-distance.js'
import { addNotSpam, addSpam, createFeedback, imageMarked, textMarked, type Feedback } from './feedback.js'
import { createImageRing, imageAppend, imageCopies, meanSuspicion, type ImageCopies, type ImageRing } from './image-ring.js'
import { resolveMemoryOptions, type MemoryOptions, type ResolvedMemoryOptions } from './memory-options.js'
import { deserializeMemory, serializeMemory } from './serialize.js'
import { fingerprintStatus, type StatusFingerprint } from './status-fingerprint.js'
import type { CopyMatch, StatusMemory } from './status-memory.js'
import { createStatusRing, readId, ringAppend, ringHas, ringKept, ringTextCopies, toSeconds, type StatusRing } from './status-ring.js'
import { suspectFlags } from './suspect-flags.js'

/** Images flatter than this (AC RMS in byte steps) are not remembered: flat pictures all look alike. */
export const MIN_IMAGE_DETAIL = 6

/** The memory's contents, replaced whole by an import. */
export interface MemoryState {
  readonly ring: StatusRing
  readonly images: ImageRing
  readonly feedback: Feedback
}

/**
 * The filter's memory: recently seen statuses (text and image fingerprints) in a bounded window,
 * and the user's spam / not-spam feedback. Owned by the caller (one per filter).
 */
export interface RecentStatuses extends StatusMemory {
  readonly options: ResolvedMemoryOptions
  /** Statuses remembered (some may be older than the window: they are ignored, then overwritten). */
  readonly size: number
  /**
   * Remembers a status. A status seen before (same author and id) is not counted twice.
   *
   * @returns `false` when it was already remembered
   */
  remember(status: NormalizedStatus, context: SignalContext): boolean
  /** Adds the status's text and images to the known-spam lists. */
  markSpam(status: NormalizedStatus): void
  /** Allow-lists the status's author, text and images. */
  markNotSpam(status: NormalizedStatus): void
  /** Whether the user marked a status of this acct as not spam. */
  isAllowedAuthor(acct: string): boolean
  /** The memory in a compact binary form (see `importMemory`). */
  exportMemory(): Uint8Array
  /** Replaces the memory with an export; throws `SpamFilterMemoryError` and changes nothing on bad data. */
  importMemory(data: Uint8Array): void
  /** Forgets everything, feedback included. */
  clear(): void
}

function emptyState(options: ResolvedMemoryOptions): MemoryState {
  return { ring: createStatusRing(options.maxStatuses), images: createImageRing(options.maxImages), feedback: createFeedback() }
}

/**
 * Creates the memory a spam filter uses for near-duplicate detection and feedback. Throws
 * `SpamFilterConfigError` for bad options.
 *
 * @param options - size, time window and minimum number of accounts
 * @returns an empty memory
 * @example
 * const memory = createRecentStatuses({ maxStatuses: 500_000, windowMs: 6 * 3_600_000 })
 */
export function createRecentStatuses(options?: MemoryOptions): RecentStatuses {
  const resolved = resolveMemoryOptions(options)
  const windowSeconds = Math.ceil(resolved.windowMs / 1000)
  let state = emptyState(resolved)
  let fingerprints = new WeakMap<NormalizedStatus, StatusFingerprint>()
  const fingerprint = (status: NormalizedStatus): StatusFingerprint => {
    let fp = fingerprints.get(status)
    if (fp === undefined) {
      fp = fingerprintStatus(status)
      fingerprints.set(status, fp)
    }
    return fp
  }
  const allowedText = (status: NormalizedStatus, fp: StatusFingerprint): boolean => state.feedback.allowAuthors.has(status.author.acct) || textMarked(state.feedback.allowTexts, fp)

  return {
    options: resolved,
    minAccounts: resolved.minAccounts,
    windowMs: resolved.windowMs,
    get size() {
      return ringKept(state.ring)
    },
    textCopies(status, context): CopyMatch | undefined {
      const fp = fingerprint(status)
      if (fp.kind === 'none' || allowedText(status, fp)) return undefined
      return ringTextCopies(state.ring, fp, suspectFlags(status, context), toSeconds(context.postedAt), windowSeconds)
    },
    imageCopies(status, context): CopyMatch | undefined {
      const fp = fingerprint(status)
      if (fp.images.length === 0 || state.feedback.allowAuthors.has(status.author.acct)) return undefined
      const found: ImageCopies = { authors: new Map(), statuses: 0, firstAt: -1, firstParent: 0 }
      for (const image of fp.images) {
        if (imageDetail(image) < MIN_IMAGE_DETAIL || imageMarked(state.feedback.allowImages, image)) continue
        imageCopies(state.images, image, fp.author, toSeconds(context.postedAt), windowSeconds, found)
      }
      if (found.firstAt < 0) return undefined
      const ring = state.ring
      const age = ((ring.total >>> 0) - found.firstParent) >>> 0
      const parentSlot = found.firstParent !== 0 && age < ringKept(ring) ? (ring.total - 1 - age) % ring.capacity : -1
      return {
        accounts: found.authors.size + 1,
        statuses: found.statuses,
        suspicion: meanSuspicion(found, suspectFlags(status, context)),
        firstSeenAt: found.firstAt * 1000,
        firstSeenId: parentSlot < 0 ? undefined : readId(ring, parentSlot),
        exact: false,
      }
    },
    isMarkedSpamText(status) {
      return textMarked(state.feedback.spamTexts, fingerprint(status))
    },
    markedSpamImages(status) {
      return fingerprint(status).images.filter((image) => imageMarked(state.feedback.spamImages, image)).length
    },
    remember(status, context) {
      const fp = fingerprint(status)
      const { ring, images } = state
      if (ringHas(ring, fp, status.id)) return false
      const flags = suspectFlags(status, context)
      const seconds = toSeconds(status.createdAt ?? context.postedAt)
      const sequence = ringAppend(ring, fp, flags, seconds, status.id)
      for (const image of fp.images) {
        if (imageDetail(image) >= MIN_IMAGE_DETAIL) imageAppend(images, image, fp.author, flags, seconds, (sequence + 1) >>> 0)
      }
      return true
    },
    markSpam(status) {
      addSpam(state.feedback, fingerprint(status))
    },
    markNotSpam(status) {
      addNotSpam(state.feedback, fingerprint(status), status.author.acct)
    },
    isAllowedAuthor(acct) {
      return state.feedback.allowAuthors.has(acct)
    },
    exportMemory() {
      return serializeMemory(state, windowSeconds)
    },
    importMemory(data) {
      state = deserializeMemory(data, emptyState(resolved))
      fingerprints = new WeakMap()
    },
    clear() {
      state = emptyState(resolved)
      fingerprints = new WeakMap()
    },
  }
}
