import { imageDetail } from '../media/image-distance.js'
import { MIN_IMAGE_DETAIL } from './candidates.js'
import { createAuthorTable, mentionedWithin, recordMentions, type AuthorTable } from './author-activity.js'
import { addNotSpam, addSpam, createFeedback, imageMarked, textMarked, type Feedback } from './feedback.js'
import { createImageRing, imageAppend, imageCopies, meanSuspicion, type ImageCopies, type ImageRing } from './image-ring.js'
import { resolveMemoryOptions, type MemoryOptions, type ResolvedMemoryOptions } from './memory-options.js'
import type { CopyMatch, MemoryLookup, MemoryRecord, SyncMemoryStore } from './memory-store.js'
import { deserializeMemory, serializeMemory } from './serialize.js'
import { createStatusRing, readId, ringAppend, ringHas, ringKept, ringTextCopies, type OwnCopies, type StatusRing } from './status-ring.js'

export { MIN_IMAGE_DETAIL }

/** The memory's contents, replaced whole by an import. */
export interface MemoryState {
  readonly ring: StatusRing
  readonly images: ImageRing
  readonly feedback: Feedback
  readonly authors: AuthorTable
}

/**
 * The in-process memory store: recently seen statuses (text and image fingerprints) in typed-array
 * ring buffers over a bounded window, the user's spam / not-spam marks and per-author activity.
 * Synchronous; owned by the caller (one per filter, or shared by the filters of one process).
 */
export interface InProcessMemoryStore extends SyncMemoryStore {
  readonly options: ResolvedMemoryOptions
  exportMemory(): Uint8Array
  importMemory(data: Uint8Array): void
  /** Forgets everything, feedback included. */
  clear(): void
}

function emptyState(options: ResolvedMemoryOptions): MemoryState {
  return { ring: createStatusRing(options.maxStatuses), images: createImageRing(options.maxImages), feedback: createFeedback(), authors: createAuthorTable(options.maxImages) }
}

/**
 * Creates the in-process memory store (what `createSpamFilter({ memory: { … } })` creates). Throws
 * `SpamFilterConfigError` for bad options.
 *
 * @param options - size, time window and minimum number of accounts
 * @returns an empty store
 * @example
 * const memory = createMemoryStore({ maxStatuses: 500_000, windowMs: 6 * 3_600_000 })
 * const filter = createSpamFilter({ memory })
 */
export function createMemoryStore(options?: MemoryOptions): InProcessMemoryStore {
  const resolved = resolveMemoryOptions(options)
  const windowSeconds = Math.ceil(resolved.windowMs / 1000)
  let state = emptyState(resolved)

  const imageMatches = (record: MemoryRecord): CopyMatch | undefined => {
    const found: ImageCopies = { authors: new Map(), statuses: 0, firstAt: -1, firstParent: 0 }
    for (const image of record.images) {
      if (imageDetail(image) < MIN_IMAGE_DETAIL || imageMarked(state.feedback.allowImages, image)) continue
      imageCopies(state.images, image, record.author, record.seconds, windowSeconds, found)
    }
    if (found.firstAt < 0) return undefined
    const ring = state.ring
    const age = ((ring.total >>> 0) - found.firstParent) >>> 0
    const parentSlot = found.firstParent !== 0 && age < ringKept(ring) ? (ring.total - 1 - age) % ring.capacity : -1
    return {
      accounts: found.authors.size + 1,
      statuses: found.statuses,
      suspicion: meanSuspicion(found, record.flags),
      firstSeenAt: found.firstAt * 1000,
      firstSeenId: parentSlot < 0 ? undefined : readId(ring, parentSlot),
      exact: false,
    }
  }

  /** Appends a record known not to be in the ring yet. */
  const append = (record: MemoryRecord): void => {
    const { ring, images } = state
    const sequence = ringAppend(ring, record, record.flags, record.seconds, record.id)
    for (const image of record.images) {
      if (imageDetail(image) >= MIN_IMAGE_DETAIL) imageAppend(images, image, record.author, record.flags, record.seconds, (sequence + 1) >>> 0)
    }
    recordMentions(state.authors, record.author, record.mentions, record.seconds)
  }

  const remember = (record: MemoryRecord): boolean => {
    if (ringHas(state.ring, record, record.id)) return false
    append(record)
    return true
  }

  /** The author's own copies and "seen already", found by the text walk (reused: no allocation per status). */
  const own: OwnCopies = { repeats: 0, seen: false }

  return {
    synchronous: true,
    options: resolved,
    minAccounts: resolved.minAccounts,
    windowMs: resolved.windowMs,
    size: () => ringKept(state.ring),
    lookup(record, rememberIt): MemoryLookup {
      const { feedback } = state
      // An empty set first: `has` hashes the acct, a new string for every status.
      const allowedAuthor = feedback.allowAuthors.size > 0 && feedback.allowAuthors.has(record.acct)
      own.repeats = 0
      // The text walk also answers "seen already" (ringHas) on its walk of chain 0.
      const walked = record.kind !== 'none' && !allowedAuthor && !textMarked(feedback.allowTexts, record)
      const text = walked ? ringTextCopies(state.ring, record, record.flags, record.seconds, windowSeconds, own) : undefined
      const seen = walked ? own.seen : ringHas(state.ring, record, record.id)
      const image = record.images.length === 0 || allowedAuthor ? undefined : imageMatches(record)
      let markedSpamImages = 0
      if (feedback.spamImages.length > 0) for (const image of record.images) if (imageMarked(feedback.spamImages, image)) markedSpamImages++
      const mentioned = mentionedWithin(state.authors, record.author, record.mentions, record.seconds, windowSeconds)
      if (rememberIt && !seen) append(record)
      return {
        text,
        image,
        markedSpamText: feedback.spamTexts.length > 0 && textMarked(feedback.spamTexts, record),
        markedSpamImages,
        allowedAuthor,
        author: { mentioned, repeats: own.repeats },
        seen,
      }
    },
    remember,
    mark(record, verdict) {
      if (verdict === 'spam') addSpam(state.feedback, record)
      else addNotSpam(state.feedback, record, record.acct)
    },
    exportMemory() {
      return serializeMemory(state, windowSeconds)
    },
    importMemory(data) {
      state = deserializeMemory(data, emptyState(resolved))
    },
    clear() {
      state = emptyState(resolved)
    },
  }
}
