/**
 * Per-author activity of the in-process store: for each author that mentioned strangers, the
 * distinct accounts mentioned and when last (a small ring per author), in a map bounded by
 * `maxAuthors` (the least recently active author is dropped first). Only authors who mention
 * strangers in posts that are not replies take room.
 */

/** Distinct mentioned accounts kept per author: enough to count past any threshold worth setting. */
export const MENTIONS_PER_AUTHOR = 64

interface Mentions {
  /** Mentioned account hashes. */
  readonly accounts: Uint32Array
  /** When each was last mentioned, seconds. */
  readonly times: Uint32Array
  /** Next slot to overwrite when full. */
  next: number
  /** Slots in use. */
  used: number
}

/** The per-author table. */
export interface AuthorTable {
  readonly maxAuthors: number
  readonly authors: Map<number, Mentions>
}

/**
 * Creates an empty table.
 *
 * @param maxAuthors - most authors kept
 * @returns the table
 */
export function createAuthorTable(maxAuthors: number): AuthorTable {
  return { maxAuthors, authors: new Map() }
}

/**
 * Distinct accounts an author mentioned within the window, counting `extra` (this status's
 * mentions) too.
 *
 * @param table - the table
 * @param author - the author hash
 * @param extra - hashes mentioned by this status
 * @param seconds - this status's time
 * @param windowSeconds - the window
 * @returns the count
 */
export function mentionedWithin(table: AuthorTable, author: number, extra: Uint32Array, seconds: number, windowSeconds: number): number {
  const entry = table.authors.get(author)
  let count = 0
  if (entry !== undefined) {
    for (let i = 0; i < entry.used; i++) if (Math.abs(entry.times[i]! - seconds) <= windowSeconds) count++
  }
  for (let j = 0; j < extra.length; j++) {
    const key = extra[j]!
    let known = false
    if (entry !== undefined) {
      for (let i = 0; i < entry.used; i++) {
        if (entry.accounts[i] === key && Math.abs(entry.times[i]! - seconds) <= windowSeconds) {
          known = true
          break
        }
      }
    }
    if (!known) count++
  }
  return count
}

/**
 * Records the accounts a status mentioned.
 *
 * @param table - the table
 * @param author - the author hash
 * @param mentions - hashes mentioned
 * @param seconds - the status's time
 */
export function recordMentions(table: AuthorTable, author: number, mentions: Uint32Array, seconds: number): void {
  if (mentions.length === 0) return
  let entry = table.authors.get(author)
  if (entry === undefined) {
    entry = { accounts: new Uint32Array(MENTIONS_PER_AUTHOR), times: new Uint32Array(MENTIONS_PER_AUTHOR), next: 0, used: 0 }
    if (table.authors.size >= table.maxAuthors) table.authors.delete(table.authors.keys().next().value!)
  } else {
    table.authors.delete(author)
  }
  table.authors.set(author, entry)
  outer: for (let j = 0; j < mentions.length; j++) {
    const key = mentions[j]!
    for (let i = 0; i < entry.used; i++) {
      if (entry.accounts[i] === key) {
        entry.times[i] = Math.max(entry.times[i]!, seconds)
        continue outer
      }
    }
    // Full: overwrite the oldest-written slot (the ring order is the order of first mention).
    const slot = entry.used < MENTIONS_PER_AUTHOR ? entry.used++ : entry.next
    if (entry.used >= MENTIONS_PER_AUTHOR) entry.next = (slot + 1) % MENTIONS_PER_AUTHOR
    entry.accounts[slot] = key
    entry.times[slot] = seconds
  }
}
