import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { findCorpus } from '../../eval/paths.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'
import { readStatus } from '../../src/status/read-status.js'
import { leadingSkeleton, readStatusTexts } from '../../src/status/status-texts.js'
import { skeleton } from '../../src/text/deobfuscate.js'
import { keyTextSource } from '../../src/text/shingles.js'

/** The reference: a separate pass of the layer over the content warning and the prose. */
const reference = (status: NormalizedStatus): string => skeleton(keyTextSource(status))

/** What the memory reads: the key source's skeleton off the one pass over every field, else a pass of its own. */
function fromJoined(status: NormalizedStatus): { text: string; shared: boolean } {
  const source = keyTextSource(status)
  const read = leadingSkeleton(readStatusTexts(status).joined, source)
  return read === undefined ? { text: skeleton(source), shared: false } : { text: read, shared: true }
}

const fake = (spoilerText: string, prose: string, extraTexts: string[]): NormalizedStatus =>
  ({ spoilerText, prose, extraTexts, hashtags: [], links: [], imageTexts: [] }) as unknown as NormalizedStatus

// Pieces the layer's steps react to, and the line breaks between them: spaced letters, spelled
// dots and slashes (in brackets, Japanese), overrides, percent escapes (one a line break),
// Punycode, look-alike and full-width letters, marks, final sigma, other line ends.
const PIECES = [
  'a', 'b', 'x', 'Z', '7', ' ', ' ', '\n', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '.', '/', 'dot', 'slash', ' dot ', ' . ', '(dot)', '[.]', '{ / }',
  'discord', 'gg', 'd i s c o r d', 'f r e e', 'n-i-t-r-o', '。', '・', 'ドット', 'てん', 'スラッシュ', 'ディスコード', '\u202e', '\u202c', 'gro.elgoog',
  '%2E', '%0A', '%2F', '%', 'xn--', 'xn--80ak6aa92e.com', 'ｄｉｓｃｏｒｄ', 'ԁіѕсоrԁ', 'é', 'e\u0301', '\u0301', 'ΟΔΟΣ', 'Σ', 'ß', 'İ', '日本', '\u200b', '\u00ad', '😀', '𝐟𝐫𝐞𝐞',
]
const field = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''))

describe('the key source skeleton read off the one pass over the status texts (leadingSkeleton)', () => {
  test('equals a separate pass over the content warning and prose, on fuzzed statuses with polls, alt texts and cards', () => {
    let shared = 0
    fc.assert(
      fc.property(field, field, fc.array(field, { maxLength: 4 }), (spoiler, prose, extras) => {
        const status = fake(spoiler, prose, extras)
        const got = fromJoined(status)
        expect(got.text).toBe(reference(status))
        if (got.shared) shared++
      }),
      { numRuns: 6_000 },
    )
    // The fast path is taken for most statuses, not skipped by its guards.
    expect(shared).toBeGreaterThan(3_000)
  })

  test('returns undefined (a pass of its own) where a field meeting is glued or the source is not a prefix', () => {
    const read = readStatusTexts(fake('see discord.', 'gg/abc', ['poll option']))
    expect(leadingSkeleton(read.joined, keyTextSource(fake('see discord.', 'gg/abc', [])))).toBeUndefined()
    expect(leadingSkeleton(readStatusTexts(fake('', 'hello', ['.com'])).joined, 'hello')).toBeUndefined()
    expect(leadingSkeleton(readStatusTexts(fake('', 'hello', ['world'])).joined, 'hello')).toBe('hello')
  })

  test('equals a separate pass on the corpus statuses that have a poll, alt text or card', () => {
    const corpus = findCorpus()
    if (corpus === undefined) return
    let checked = 0
    for (const line of readFileSync(`${corpus}ham/mastodon-statuses.jsonl`, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const record = JSON.parse(line) as { status?: object }
      if (record.status === undefined) continue
      const status = readStatus(record.status, undefined)
      if (status.extraTexts.length === 0) continue
      expect(fromJoined(status).text).toBe(reference(status))
      checked++
    }
    expect(checked).toBeGreaterThan(0)
  })
})
