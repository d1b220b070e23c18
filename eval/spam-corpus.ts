import { readFileSync } from 'node:fs'
import type { AccountInput } from '../src/index.js'
import type { EvalItem } from './items.js'
import { createRandom, randomUsername } from './prng.js'
import { plainAccount, scriptedAccount, withVictims, wrapStatus } from './wrap-status.js'

/** A line of `spam/spam-contents.jsonl`: the verbatim content HTML of a real spam status. */
export interface SpamContentRecord {
  readonly wave: string
  readonly content_html: string
  readonly is_fragment?: boolean
  readonly mentions_redacted?: boolean
  readonly note?: string
}

/** How a wave's statuses looked, from spam-facts.md and spam-indicators.json. */
export interface WaveFacts {
  /** When it was posted (a day of the wave, UTC). */
  readonly postedAt: string
  /** The documented number of mentions per post; `undefined`: as many as the content has. */
  readonly mentions?: number
  /** Whether the accounts are documented (10 random characters, bare, minutes old). */
  readonly scripted: boolean
  readonly displayName?: string
  readonly language?: string
}

/**
 * The facts per wave. Feb 2024: 4 mentions (the dragonfly log), scripted accounts. Midokuri: ten
 * direct mentions (IFTAS), the same script reused. Mastodon Support phishing: one target user per
 * post. Waves with no documented account get a plain two-month-old account, so that only their
 * content can flag them.
 */
export const WAVE_FACTS: Readonly<Record<string, WaveFacts>> = {
  'feb-2024-arashi-kyoueiken': { postedAt: '2024-02-16T10:20:00Z', mentions: 4, scripted: true, language: 'ja' },
  midokuri: { postedAt: '2024-10-08T06:00:00Z', mentions: 10, scripted: true, language: 'ja' },
  'mastodon-support-scam': { postedAt: '2025-08-20T12:00:00Z', mentions: 1, scripted: false, displayName: 'Mastodon Support Team', language: 'en' },
  'fediverse-chick': { postedAt: '2025-01-10T12:00:00Z', scripted: false, displayName: 'Nicole', language: 'en' },
  'odessa-concern-troll': { postedAt: '2023-05-02T12:00:00Z', mentions: 2, scripted: false, language: 'en' },
  'black-friday-2024': { postedAt: '2024-11-29T12:00:00Z', scripted: false, language: 'en' },
}

const UNKNOWN_WAVE: WaveFacts = { postedAt: '2025-01-01T12:00:00Z', scripted: false }

/**
 * Reads `spam/spam-contents.jsonl`.
 *
 * @param corpusDir - the shared corpus folder
 * @returns the records
 */
export function readSpamContents(corpusDir: string): SpamContentRecord[] {
  return readFileSync(`${corpusDir}spam/spam-contents.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SpamContentRecord)
}

/**
 * Wraps one real spam content in a Status whose account follows its wave's documented indicators.
 *
 * @param record - the spam content
 * @param index - its line number, which seeds the random parts
 * @returns the evaluation item
 */
export function wrapSpamContent(record: SpamContentRecord, index: number): EvalItem {
  const facts = WAVE_FACTS[record.wave] ?? UNKNOWN_WAVE
  const random = createRandom(0x5eed + index)
  const postedAt = Date.parse(facts.postedAt) + index * 97_000
  const { content, mentions } = withVictims(record.content_html, facts.mentions ?? 0, 1 + index * 10)
  const account: AccountInput = facts.scripted
    ? scriptedAccount({ username: randomUsername(random), host: `open-reg-${index}.example`, postedAt, minutesBefore: 2 + Math.floor(random() * 30) })
    : plainAccount(`${record.wave.replace(/[^a-z]/gu, '').slice(0, 12)}${index}`, `server-${index}.example`, postedAt, facts.displayName ?? record.wave)
  const feb2024 = record.wave === 'feb-2024-arashi-kyoueiken'
  return {
    id: `spam:${record.wave}#${index}`,
    source: 'spam',
    group: `real spam: ${record.wave}${record.is_fragment === true ? ' (fragment)' : ''}`,
    truth: 'spam',
    ...(feb2024 ? { feb2024: true } : {}),
    input: wrapStatus(account, { postedAt, content, mentions, language: facts.language ?? null }),
  }
}

/**
 * Every real spam content, wrapped.
 *
 * @param corpusDir - the shared corpus folder
 * @returns the evaluation items
 */
export function loadSpamItems(corpusDir: string): EvalItem[] {
  return readSpamContents(corpusDir).map(wrapSpamContent)
}
