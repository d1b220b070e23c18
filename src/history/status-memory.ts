import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'

/** Copies of a text or image found in memory. */
export interface CopyMatch {
  /** Distinct accounts that posted it, this status's author included. */
  readonly accounts: number
  /** Earlier statuses from other accounts that matched. */
  readonly statuses: number
  /** Mean suspicion (0–1) over the accounts: new or bare authors, strangers mentioned. */
  readonly suspicion: number
  /** Time of the earliest matching status from another account, ms since the epoch. */
  readonly firstSeenAt: number
  /** Its status id, when known. */
  readonly firstSeenId: string | undefined
  /** Whether this is an exact match of a short text. */
  readonly exact: boolean
}

/**
 * What signals may ask the filter's memory. Read-only: signals never change it; the filter
 * remembers a status after classifying it, so a status never matches itself.
 */
export interface StatusMemory {
  /** Distinct accounts (the status's author included) that make copies count. */
  readonly minAccounts: number
  /** Statuses further apart in time than this (ms) are not compared. */
  readonly windowMs: number
  /**
   * Copies of the status's text from other accounts within the window; `undefined` when there are
   * none, when the text is on the allow list, or when the status has no words of its own.
   */
  textCopies(status: NormalizedStatus, context: SignalContext): CopyMatch | undefined
  /** Copies of the status's images from other accounts within the window. */
  imageCopies(status: NormalizedStatus, context: SignalContext): CopyMatch | undefined
  /** Whether the status's text matches a text the user marked as spam. */
  isMarkedSpamText(status: NormalizedStatus): boolean
  /** How many of the status's images match images the user marked as spam. */
  markedSpamImages(status: NormalizedStatus): number
}
