import type { ReasonParams } from './messages/types.js'

/** The three labels a verdict can carry, from least to most severe. */
export type VerdictLabel = 'clean' | 'suspicious' | 'spam'

/** Ids of the signals this package ships. Custom signals may use any other kebab-case id. */
export type BuiltinSignalId =
  | 'allow-list'
  | 'mention-density'
  | 'new-account'
  | 'bare-profile'
  | 'machine-username'
  | 'bot-account'
  | 'established-author'
  | 'followed-author'
  | 'campaign-domain'
  | 'discord-invite'
  | 'lookalike-domain'
  | 'link-text-mismatch'
  | 'url-shortener'
  | 'phrase-list'
  | 'phrase-near'
  | 'author-server'
  | 'username-block'
  | 'near-duplicate'
  | 'known-spam-text'
  | 'image-duplicate'
  | 'known-spam-image'
  | 'author-rate'
  | 'unsolicited-mention'
  | 'impersonation'
  | 'credential-phishing'
  | 'quoted-status'

/** A signal id: a built-in one (autocompleted) or any custom string. */
export type SignalId = BuiltinSignalId | (string & {})

/** One reason behind a verdict: which signal fired, how much it added, and why. */
export interface Reason {
  /** The signal's id, e.g. `'mention-density'`. */
  readonly signal: SignalId
  /** What this reason added to the verdict's score (negative for signs of legitimacy). */
  readonly score: number
  /**
   * One sentence a client can show under "Filtered: potential spam", rendered from `params` by
   * the catalog of the chosen locale (`locale`, `messages` options).
   */
  readonly message: string
  /** The numbers and names the message is made of: stable data a client can key on or translate (`renderMessage`). */
  readonly params: ReasonParams
  /** The exact things that triggered the signal: accts, hosts, invite codes, counts. */
  readonly evidence: readonly string[]
}

/** A part of the analysis that could not run (bad input shape, OCR timeout, …). */
export interface Skipped {
  readonly signal: SignalId
  readonly because: 'invalid-input' | 'truncated' | 'timeout' | 'error' | 'aborted' | 'too-large'
  readonly detail?: string
}

/**
 * Mastodon 4.5 quote states; a state this package does not know is read as `unauthorized` (the
 * quoted status is then not shown, so not classified).
 */
export type QuoteState = 'pending' | 'accepted' | 'rejected' | 'revoked' | 'deleted' | 'unauthorized' | 'blocked_account' | 'blocked_domain' | 'muted_account'

/** What a quote post quotes, and the quoted status's own verdict. */
export interface QuoteVerdict {
  readonly state: QuoteState
  /** The quoted status's id, when the input names it. */
  readonly id?: string
  /**
   * The quoted status classified on its own (its own quote is not followed): present when the
   * quote is `accepted` and the input carries the quoted status.
   */
  readonly verdict?: Verdict
  /**
   * True when the quoted status is what makes this verdict worse than the post's own: the
   * verdict then carries a `quoted-status` reason, and a client may fold only the quote.
   */
  readonly isTheSpam: boolean
}

/** The result of classifying one status. */
export interface Verdict {
  readonly label: VerdictLabel
  /** Sum of the reasons' scores; compared with the thresholds to choose the label. */
  readonly score: number
  /** Reasons sorted by score, highest first. */
  readonly reasons: readonly Reason[]
  /** Analyses that were skipped; empty in the common case. */
  readonly skipped: readonly Skipped[]
  /** Present for a quote post (Mastodon 4.5): the quote's state and the quoted status's verdict. */
  readonly quote?: QuoteVerdict
}

/** Score thresholds for the labels: `score >= spam` is spam, `score >= suspicious` is suspicious. */
export interface Thresholds {
  readonly suspicious: number
  readonly spam: number
}

/**
 * Chooses the label for a score.
 *
 * @param score - the verdict's score
 * @param thresholds - the label thresholds
 * @returns the label
 */
export function decideLabel(score: number, thresholds: Thresholds): VerdictLabel {
  if (score >= thresholds.spam) return 'spam'
  if (score >= thresholds.suspicious) return 'suspicious'
  return 'clean'
}
