import * as library from '../src/index.js'
import { loadFixtureItems } from './fixtures.js'
import { type ActivityPubAdapter, loadActivityPubItems, loadHamItems } from './ham-corpus.js'
import type { EvalItem } from './items.js'
import { findCorpus } from './paths.js'
import { rebuildFeb2024 } from './rebuild-feb-2024.js'
import { loadSpamItems } from './spam-corpus.js'

/** What the evaluation runs over, and what it could not load. */
export interface LoadedItems {
  readonly items: readonly EvalItem[]
  /** Lines to print before the report. */
  readonly notices: readonly string[]
  /** Whether the shared corpus was found. */
  readonly corpus: boolean
}

/**
 * The ActivityPub adapter, when `src/index.ts` exports one named `fromActivityPub`.
 *
 * @returns the adapter, or `undefined`
 */
export function activityPubAdapter(): ActivityPubAdapter | undefined {
  const candidate = (library as Record<string, unknown>)['fromActivityPub']
  return typeof candidate === 'function' ? (candidate as ActivityPubAdapter) : undefined
}

/**
 * Loads every labeled item: the fixtures always; with the shared corpus (`<root>/../shared/`),
 * also the real ham, the real spam contents wrapped in Status JSON, and the February 2024
 * statuses rebuilt from the documented indicators.
 *
 * @param sharedDir - the `shared` folder, when not `<root>/../shared/`
 * @returns the items and notices
 */
export function loadEvalItems(sharedDir?: string): LoadedItems {
  const items: EvalItem[] = loadFixtureItems()
  const notices: string[] = []
  const corpus = findCorpus(sharedDir)
  if (corpus === undefined) {
    notices.push('the shared corpus (../shared/corpus) is absent: evaluating the fixtures only')
    return { items, notices, corpus: false }
  }
  items.push(...rebuildFeb2024(corpus), ...loadSpamItems(corpus), ...loadHamItems(corpus))
  const adapter = activityPubAdapter()
  if (adapter === undefined) {
    notices.push('src/index.ts exports no fromActivityPub adapter: ham/activitypub-notes.jsonl is not evaluated')
  } else {
    const { items: notes, rejected } = loadActivityPubItems(corpus, adapter)
    items.push(...notes)
    if (rejected > 0) notices.push(`fromActivityPub threw on ${rejected} ActivityPub objects; they are left out`)
  }
  return { items, notices, corpus: true }
}
