import { DIGIT_LETTERS } from '../data/digit-letters.js'
import { foldForMatching } from '../text/fold-for-matching.js'

/**
 * Folds a username the way Mastodon 4.4's username blocks compare them (lower case, the digits
 * 1 2 3 4 5 7 8 9 0 read as i z e a s t b g o), after this package's folding of width and
 * look-alike letters (Cyrillic `а` reads as `a`).
 *
 * @param username - a username or a rule's name
 * @returns the folded form
 */
export function foldUsername(username: string): string {
  const folded = foldForMatching(username.slice(0, 200))
  let out = ''
  for (const char of folded) out += DIGIT_LETTERS[char] ?? char
  return out
}

/** A username rule, checked and folded. */
export interface CompiledUsernameRule {
  /** The rule as written. */
  readonly username: string
  readonly folded: string
  readonly comparison: 'equals' | 'contains'
  readonly blocked: boolean
}
