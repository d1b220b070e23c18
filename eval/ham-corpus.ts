import { readFileSync } from 'node:fs'
import type { EvalItem } from './items.js'

/** A line of `ham/mastodon-statuses.jsonl` or `ham/activitypub-notes.jsonl`. */
export interface HamRecord {
  readonly kind?: string
  readonly source?: { readonly repo?: string; readonly path?: string }
  readonly synthetic_suspect?: boolean
  readonly status?: unknown
  readonly object?: unknown
}

/**
 * The table row of a real ham status, by the repository and file it came from.
 *
 * @param record - the record
 * @returns e.g. `mastodon4j public timelines (JA)`, `templated bot (mastodon-api)`
 */
export function hamCategory(record: HamRecord): string {
  const repo = record.source?.repo ?? ''
  const path = record.source?.path ?? ''
  if (repo === 'sys1yagi/mastodon4j') {
    if (path.endsWith('public_timeline.json')) return 'mastodon4j public timelines (JA)'
    if (path.endsWith('tag.json')) return 'mastodon4j #mastodon tag (EN/FR/JA)'
    return 'mastodon4j context and notifications'
  }
  if (repo === 'metabolist/metatext') return 'metatext #linux (bots, crossposts)'
  if (repo === 'mastodon/mastodon-api') return 'templated bot (mastodon-api)'
  if (repo === 'mastodon/documentation') return 'docs examples'
  if (repo === 'andregasser/bigbone') return 'bigbone preview card'
  if (repo === 'KDE/tokodon') return 'tokodon photo post'
  return repo === '' ? 'other' : repo
}

function readJsonl(file: string): HamRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HamRecord)
}

/**
 * The real Mastodon statuses of `ham/mastodon-statuses.jsonl`. Records the corpus marks
 * `synthetic_suspect` ("test", "Hello world") are counted in their own row.
 *
 * @param corpusDir - the shared corpus folder
 * @returns the evaluation items
 */
export function loadHamItems(corpusDir: string): EvalItem[] {
  return readJsonl(`${corpusDir}ham/mastodon-statuses.jsonl`).map((record, index) => {
    const synthetic = record.synthetic_suspect === true
    return {
      id: `ham:${record.source?.repo ?? '?'}#${index}`,
      source: 'ham',
      group: synthetic ? 'synthetic_suspect (placeholders, all sources)' : hamCategory(record),
      truth: 'ham',
      ...(synthetic ? { synthetic: true } : {}),
      input: record.status,
    }
  })
}

/** An adapter from an ActivityPub object to a Status, as `fromActivityPub` would be. */
export type ActivityPubAdapter = (object: unknown) => unknown

/**
 * The real ActivityPub objects of `ham/activitypub-notes.jsonl`, through an adapter.
 *
 * @param corpusDir - the shared corpus folder
 * @param adapter - converts an ActivityPub object to what `classifyStatus` reads
 * @returns the evaluation items (objects the adapter rejects by throwing are left out and counted)
 */
export function loadActivityPubItems(corpusDir: string, adapter: ActivityPubAdapter): { items: EvalItem[]; rejected: number } {
  const items: EvalItem[] = []
  let rejected = 0
  readJsonl(`${corpusDir}ham/activitypub-notes.jsonl`).forEach((record, index) => {
    try {
      const input = adapter(record.object)
      items.push({ id: `activitypub:${index}`, source: 'activitypub', group: 'ActivityPub notes (Pleroma fixtures)', truth: 'ham', input })
    } catch {
      rejected++
    }
  })
  return { items, rejected }
}
