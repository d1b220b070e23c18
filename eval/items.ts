import type { VerdictLabel } from '../src/index.js'

/** What a labeled item really is: spam, a gray-area post (expected `suspicious`), or ham. */
export type Truth = 'spam' | 'gray' | 'ham'

/** Where an evaluation item comes from. */
export type ItemSource = 'fixture' | 'ham' | 'activitypub' | 'spam' | 'rebuilt'

/** One labeled input of the evaluation. */
export interface EvalItem {
  /** Stable id for reports, e.g. `fixture:spam/2024-02-arashi-link-01.json`. */
  readonly id: string
  readonly source: ItemSource
  /** The table row it is counted in: a spam wave or a ham category. */
  readonly group: string
  readonly truth: Truth
  /** The label the item must get (fixtures only: the manifest label). */
  readonly expected?: VerdictLabel
  /** A rebuilt February 2024 status: required to be labeled spam. */
  readonly feb2024?: boolean
  /** A real ham status that looks like a placeholder ("test", "Hello world"). */
  readonly synthetic?: boolean
  /** The input given to `classifyStatus`: a Status, a boost or a Notification, as JSON. */
  readonly input: unknown
}
