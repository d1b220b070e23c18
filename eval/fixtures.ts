import { readFileSync } from 'node:fs'
import type { VerdictLabel } from '../src/index.js'
import type { EvalItem } from './items.js'
import { FIXTURES_DIR } from './paths.js'

/** One entry of `fixtures/statuses/manifest.json`. */
export interface FixtureEntry {
  /** Path under `fixtures/statuses/`, e.g. `spam/2024-02-arashi-link-01.json`. */
  readonly file: string
  /** The label the fixture must get. */
  readonly label: VerdictLabel
  /** The spam campaign it rebuilds, e.g. `feb-2024-arashi-kyoueiken`. */
  readonly campaign?: string
  readonly notes: string
  /** The documented facts it was built from. */
  readonly source: string
}

/** The campaign id of the February 2024 wave in the manifest. */
export const FEB_2024_CAMPAIGN = 'feb-2024-arashi-kyoueiken'

/**
 * Reads the manifest.
 *
 * @param dir - the fixtures folder
 * @returns the entries, in manifest order
 */
export function readManifest(dir: string = FIXTURES_DIR): FixtureEntry[] {
  return JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as FixtureEntry[]
}

/**
 * Reads one fixture's JSON.
 *
 * @param entry - its manifest entry
 * @param dir - the fixtures folder
 * @returns the parsed JSON
 */
export function readFixture(entry: FixtureEntry, dir: string = FIXTURES_DIR): unknown {
  return JSON.parse(readFileSync(`${dir}${entry.file}`, 'utf8')) as unknown
}

/**
 * Every fixture as an evaluation item; its row is its campaign (spam) or `fixtures: hard ham`.
 *
 * @param dir - the fixtures folder
 * @returns the evaluation items
 */
export function loadFixtureItems(dir: string = FIXTURES_DIR): EvalItem[] {
  return readManifest(dir).map((entry) => ({
    id: `fixture:${entry.file}`,
    source: 'fixture',
    group: entry.label === 'clean' ? 'fixtures: hard ham' : `fixtures: ${entry.campaign ?? entry.label}`,
    truth: entry.label === 'spam' ? 'spam' : entry.label === 'suspicious' ? 'gray' : 'ham',
    expected: entry.label,
    ...(entry.campaign === FEB_2024_CAMPAIGN ? { feb2024: true } : {}),
    input: readFixture(entry, dir),
  }))
}
