import type { AuthorActivity, CopyMatch } from './history/memory-store.js'
import type { LinkScan } from './links/status-links.js'
import type { ReasonParams } from './messages/types.js'
import type { ResolvedRules } from './rules/resolve-rules.js'
import type { NormalizedStatus } from './status/normalized-status.js'
import type { SignalId } from './verdict.js'

/**
 * Groups cap what related signals add together (rspamd's `max_score`), so ten weak link hits
 * cannot outvote everything else.
 * - `author` signals describe the account, not the post: they count only when the post itself
 *   carries spam evidence, so a new user's first post stays clean.
 * - `trust` signals are signs of legitimacy and have negative weights.
 */
export type SignalGroup = 'mentions' | 'links' | 'text' | 'duplicates' | 'media' | 'author' | 'trust'

/** What a signal reports when it fires. */
export interface SignalHit {
  /** How strongly it fired, 0–1; multiplied by the signal's weight to give the reason's score. */
  readonly strength: number
  /**
   * The numbers and names the reason's message is rendered from (built-in signals: see
   * `BuiltinReasonParams`); the message itself comes from the catalog of the chosen locale.
   */
  readonly params?: ReasonParams
  /**
   * A sentence for people, used when no catalog has a message for this signal (a custom signal
   * may give one instead of catalog entries); built-in signals give `params` only.
   */
  readonly message?: string
  /** The exact accts, hosts, invite codes or counts that made it fire. */
  readonly evidence: readonly string[]
  /**
   * Blatant spam content (a campaign domain, a known spam image): a verdict with a blatant hit is
   * not cleared by the viewer following the author.
   */
  readonly blatant?: boolean
  /**
   * A sign of legitimacy strong enough to decide the label (the viewer follows the author): a
   * verdict with such a hit is clean unless another hit is blatant. Its score still counts.
   */
  readonly clears?: boolean
}

/** The viewer: the signed-in account, as the app knows it. */
export interface ViewerContext {
  /** Canonical acct of the viewer (`user@host`), or `undefined`. */
  readonly acct: string | undefined
  /** The viewer's server host, used to qualify local accts. */
  readonly host: string | undefined
  /**
   * Whether the viewer follows an account: `true`, `false`, or `undefined` when the app did not
   * say whom the viewer follows.
   */
  readonly follows: (acct: string) => boolean | undefined
}

/** Everything a signal may read besides the status. State lives here, owned by the caller. */
export interface SignalContext {
  /** When the status was posted (or now, when it has no time), ms since the epoch. */
  readonly postedAt: number
  readonly viewer: ViewerContext
  /** Block, allow, server and phrase lists, compiled once; the built-in lists when absent. */
  readonly rules?: ResolvedRules
  /** The status's links and Discord invites, found once per call and shared by the link signals. */
  readonly links?: () => LinkScan
  /**
   * The filter's memory of recently seen statuses and of the user's feedback (read only); absent
   * in `classifyStatus`, which is stateless, so the near-duplicate signals stay silent there.
   */
  readonly memory?: StatusMemory
}

/**
 * What signals may ask the filter's memory about the status being classified. Read-only: signals
 * never change it. The filter asks its store once per status before the signals run, then
 * remembers the status, so a status never matches itself.
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
  /** The author's activity within the window: distinct strangers mentioned, own repeats. */
  authorActivity(status: NormalizedStatus, context: SignalContext): AuthorActivity
}

/**
 * A synchronous detector: pure, never throws on any normalized status. `Id` is its id's type:
 * give a custom signal a literal id (`as const`) and `weights` checks its key too.
 */
export interface Signal<Id extends string = SignalId> {
  /** Kebab-case id, equal to the file name of a built-in signal. */
  readonly id: Id
  readonly group: SignalGroup
  readonly evaluate: (status: NormalizedStatus, context: SignalContext) => SignalHit | undefined
}
