/**
 * The memory seam: what a spam filter hands its memory for each status (a `MemoryRecord`: the
 * fingerprints, the time, the author and the suspect flags, never the status itself), what it gets
 * back (a `MemoryLookup`), and the `MemoryStore` interface every memory implements: the in-process
 * typed-array store (`createMemoryStore`, the default) and the Redis store
 * (`mastodon-spam-filter/redis`). A store knows nothing of signals or of the pipeline: the filter
 * computes the record, asks the store, and shows the answer to the signals.
 */

/** The author's profile is bare (the `bare-profile` signal fires). */
export const FLAG_BARE = 1
/** The author's account was under a week old when posting. */
export const FLAG_NEW = 2
/** The post is not a reply and mentions someone the viewer is not known to follow. */
export const FLAG_STRANGERS = 4

/**
 * How suspicious one copy is, 0–1: half for a new or bare author, half for mentioning strangers.
 *
 * @param flags - a bit set of `FLAG_*`
 * @returns the suspicion
 */
export function suspicion(flags: number): number {
  return ((flags & (FLAG_BARE | FLAG_NEW)) !== 0 ? 0.5 : 0) + ((flags & FLAG_STRANGERS) !== 0 ? 0.5 : 0)
}

/** What a memory keeps of one status: computed once per status by the filter. */
export interface MemoryRecord {
  /** `none` (no words of its own), `short` (compared exactly) or `long` (MinHash + LSH). */
  readonly kind: 'none' | 'short' | 'long'
  /** The packed MinHash signature (`MINHASH_SIZE` bytes; all equal bytes for `none`). */
  readonly packed: Uint8Array
  /**
   * Index keys: the LSH band keys of a long text, one exact-text key of a short one, one id key of
   * a status without text (for "seen already"; none when it has no id either).
   */
  readonly keys: Uint32Array
  /** Hash of the author's canonical acct. */
  readonly author: number
  /** The author's canonical acct (for the not-spam list of authors). */
  readonly acct: string
  /** The status id, when known. */
  readonly id: string | undefined
  /** Post time, seconds since the epoch. */
  readonly seconds: number
  /** Suspect bits (`FLAG_*`). */
  readonly flags: number
  /** Image fingerprints of the attachments that have a blurhash (at most 4). */
  readonly images: readonly Uint8Array[]
  /** Hashes of the accounts the status mentions that the viewer is not known to follow (not a reply; at most 64). */
  readonly mentions: Uint32Array
}

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

/** What the memory knows of the author within the window (this status included). */
export interface AuthorActivity {
  /** Distinct accounts the author mentioned in statuses that were not replies and whose author the viewer is not known to follow. */
  readonly mentioned: number
  /** Earlier statuses of the author with the same or nearly the same text (other status ids). */
  readonly repeats: number
}

/** The store's answer for one status. */
export interface MemoryLookup {
  /** Copies of the text from other accounts; `undefined` when none, allow-listed or no words. */
  readonly text: CopyMatch | undefined
  /** Copies of the images from other accounts. */
  readonly image: CopyMatch | undefined
  /** Whether the text matches a text marked as spam. */
  readonly markedSpamText: boolean
  /** How many of the images match images marked as spam. */
  readonly markedSpamImages: number
  /** Whether a status of this author was marked as not spam. */
  readonly allowedAuthor: boolean
  /** The author's activity in the window. */
  readonly author: AuthorActivity
  /** Whether this status (same author and id) was remembered before. */
  readonly seen: boolean
}

/** The methods every store has; `R<T>` is `T` for a synchronous store, `Promise<T>` for an asynchronous one. */
export interface StoreMethods<Sync extends boolean> {
  /** `true`: every method returns its value; `false`: every method returns a promise (use `classifyAsync`). */
  readonly synchronous: Sync
  /** Statuses further apart in time than this (ms) are not compared. */
  readonly windowMs: number
  /** Distinct accounts (the status's author included) that make copies count. */
  readonly minAccounts: number
  /**
   * Looks up the record's copies, marks and author activity, then, when `remember` is true,
   * remembers it (one step for a shared store, so two processes see each other's statuses in
   * order). A record never matches itself.
   */
  lookup(record: MemoryRecord, remember: boolean): Sync extends true ? MemoryLookup : Promise<MemoryLookup>
  /** Remembers a record without looking it up. @returns `false` when it was remembered before */
  remember(record: MemoryRecord): Sync extends true ? boolean : Promise<boolean>
  /** Marks a record's text and images as spam, or its author, text and images as not spam. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a method's result: nothing, or a promise of nothing
  mark(record: MemoryRecord, verdict: 'spam' | 'not-spam'): Sync extends true ? void : Promise<void>
  /** Statuses remembered. */
  size(): Sync extends true ? number : Promise<number>
  /** The memory in a compact binary form (a store may not support it: then absent). */
  exportMemory?(): Sync extends true ? Uint8Array : Promise<Uint8Array>
  /** Replaces the memory with an export; throws `SpamFilterMemoryError` and changes nothing on bad data. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a method's result: nothing, or a promise of nothing
  importMemory?(data: Uint8Array): Sync extends true ? void : Promise<void>
}

/** A store whose methods return their values: works with `filter.classify` and `classifyAsync`. */
export type SyncMemoryStore = StoreMethods<true>
/**
 * A store whose methods return promises (a network store such as Redis): works with
 * `filter.classifyAsync` only. Its promises should not reject: a store that cannot answer in time
 * rejects with a `MemoryUnavailableError`, which the filter turns into a `skipped` entry.
 */
export type AsyncMemoryStore = StoreMethods<false>
/**
 * Where a spam filter keeps what it has seen: remembered statuses (by fingerprint, time, author and
 * suspect flags), the user's spam / not-spam marks and per-author activity, within a time window.
 */
export type MemoryStore = SyncMemoryStore | AsyncMemoryStore

/** The brand shared by the package's ESM and CommonJS builds, so `instanceof` works across them. */
const UNAVAILABLE_BRAND = Symbol.for('mastodon-spam-filter.MemoryUnavailableError')

/** Thrown (or rejected) by a store that could not answer: the filter reports it as `skipped`, it never reaches the caller. */
export class MemoryUnavailableError extends Error {
  override readonly name = 'MemoryUnavailableError'
  /** `timeout` (no answer in time) or `connection` (the store is unreachable). */
  readonly problem: 'timeout' | 'connection'

  constructor(problem: MemoryUnavailableError['problem'], detail: string, options?: ErrorOptions) {
    super(`mastodon-spam-filter: memory unavailable (${problem}): ${detail}`, options)
    this.problem = problem
    Object.defineProperty(this, UNAVAILABLE_BRAND, { value: true })
  }

  /** True for a `MemoryUnavailableError` of either build (ESM or CommonJS): a store of one build may throw it to a filter of the other. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[UNAVAILABLE_BRAND] === true
  }
}

