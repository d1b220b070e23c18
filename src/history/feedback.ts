import { sameImage } from '../media/image-distance.js'
import { estimateJaccard } from '../text/minhash.js'
import { MIN_SIMILARITY } from './status-ring.js'
import type { MemoryRecord } from './memory-store.js'

/** Most entries kept in each feedback list; the oldest are dropped first. */
export const MAX_MARKS = 4096

/** A text the user marked: its kind and packed signature. */
export interface MarkedText {
  readonly kind: 'short' | 'long'
  readonly packed: Uint8Array
}

/** What the user told the filter: spam to catch from the first copy, and what never to flag. */
export interface Feedback {
  readonly spamTexts: MarkedText[]
  readonly spamImages: Uint8Array[]
  readonly allowTexts: MarkedText[]
  readonly allowImages: Uint8Array[]
  /** Accts whose statuses are always clean. */
  readonly allowAuthors: Set<string>
}

/** Creates empty feedback. */
export function createFeedback(): Feedback {
  return { spamTexts: [], spamImages: [], allowTexts: [], allowImages: [], allowAuthors: new Set() }
}

function sameText(mark: MarkedText, fp: MemoryRecord): boolean {
  if (mark.kind !== fp.kind) return false
  if (mark.kind === 'long') return estimateJaccard(mark.packed, 0, fp.packed, 0) >= MIN_SIMILARITY
  return mark.packed.every((byte, i) => byte === fp.packed[i])
}

/**
 * Whether a status's text matches a marked text.
 *
 * @param marks - a feedback list
 * @param fp - the status's fingerprint
 * @returns whether one matches
 */
export function textMarked(marks: readonly MarkedText[], fp: MemoryRecord): boolean {
  return fp.kind !== 'none' && marks.some((mark) => sameText(mark, fp))
}

/**
 * Whether an image matches a marked image.
 *
 * @param marks - a feedback list of image fingerprints
 * @param image - an image fingerprint
 * @returns whether one matches
 */
export function imageMarked(marks: readonly Uint8Array[], image: Uint8Array): boolean {
  return marks.some((mark) => sameImage(mark, 0, image))
}

function push<T>(list: T[], item: T): void {
  list.push(item)
  if (list.length > MAX_MARKS) list.splice(0, list.length - MAX_MARKS)
}

function remove<T>(list: T[], matches: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (matches(list[i]!)) list.splice(i, 1)
}

/**
 * Records a status the user marked as spam: its text and images join the spam lists and leave
 * the allow lists.
 *
 * @param feedback - the feedback
 * @param fp - the status's fingerprint
 */
export function addSpam(feedback: Feedback, fp: MemoryRecord): void {
  if (fp.kind !== 'none') {
    remove(feedback.allowTexts, (mark) => sameText(mark, fp))
    if (!textMarked(feedback.spamTexts, fp)) push(feedback.spamTexts, { kind: fp.kind, packed: fp.packed.slice() })
  }
  for (const image of fp.images) {
    remove(feedback.allowImages, (mark) => sameImage(mark, 0, image))
    if (!imageMarked(feedback.spamImages, image)) push(feedback.spamImages, image.slice())
  }
}

/**
 * Records a status the user marked as not spam: its author, text and images join the allow
 * lists and leave the spam lists.
 *
 * @param feedback - the feedback
 * @param fp - the status's fingerprint
 * @param acct - the author's canonical acct
 */
export function addNotSpam(feedback: Feedback, fp: MemoryRecord, acct: string): void {
  if (acct !== '') {
    feedback.allowAuthors.delete(acct)
    feedback.allowAuthors.add(acct)
    if (feedback.allowAuthors.size > MAX_MARKS) feedback.allowAuthors.delete(feedback.allowAuthors.values().next().value ?? '')
  }
  if (fp.kind !== 'none') {
    remove(feedback.spamTexts, (mark) => sameText(mark, fp))
    if (!textMarked(feedback.allowTexts, fp)) push(feedback.allowTexts, { kind: fp.kind, packed: fp.packed.slice() })
  }
  for (const image of fp.images) {
    remove(feedback.spamImages, (mark) => sameImage(mark, 0, image))
    if (!imageMarked(feedback.allowImages, image)) push(feedback.allowImages, image.slice())
  }
}
