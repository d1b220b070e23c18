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
  | 'author-server'
  | 'near-duplicate'
  | 'known-spam-text'
  | 'image-duplicate'
  | 'known-spam-image'
  | 'author-rate'
  | 'unsolicited-mention'
  | 'impersonation'
  | 'credential-phishing'

/** A signal id: a built-in one (autocompleted) or any custom string. */
export type SignalId = BuiltinSignalId | (string & {})

/** One reason behind a verdict: which signal fired, how much it added, and why. */
export interface Reason {
  /** The signal's id, e.g. `'mention-density'`. */
  readonly signal: SignalId
  /** What this reason added to the verdict's score (negative for signs of legitimacy). */
  readonly score: number
  /** One sentence a client can show under "Filtered: potential spam". */
  readonly message: string
  /** The exact things that triggered the signal: accts, hosts, invite codes, counts. */
  readonly evidence: readonly string[]
}

/** A part of the analysis that could not run (bad input shape, OCR timeout, …). */
export interface Skipped {
  readonly signal: SignalId
  readonly because: 'invalid-input' | 'truncated' | 'timeout' | 'error' | 'aborted' | 'too-large'
  readonly detail?: string
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
