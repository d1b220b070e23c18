import { readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FEB_2024_CAMPAIGN, readFixture, readManifest } from '../eval/fixtures.js'
import { FIXTURES_DIR } from '../eval/paths.js'
import { classifyStatus } from '../src/index.js'

const entries = readManifest()
const NAME = /^(spam|ham)\/\d{4}-(0[1-9]|1[0-2])-[a-z0-9]+(?:-[a-z0-9]+)*-\d{2}\.json$/u

describe('fixtures', () => {
  describe('get the label their manifest entry expects', () => {
    // columns: fixture file, expected label, manifest entry
    test.each(entries.map((e) => [e.file, e.label, e] as const))('%s is %s', (_file, label, entry) => {
      const verdict = classifyStatus(readFixture(entry))
      expect(verdict.label, verdict.reasons.map((r) => `${r.signal} ${r.score}`).join(', ')).toBe(label)
    })
  })

  describe('give consistent verdicts', () => {
    // columns: fixture file, manifest entry
    const rows = entries.map((e) => [e.file, e] as const)

    test.each(rows)('the reasons of %s are sorted by score, highest first', (_file, entry) => {
      const scores = classifyStatus(readFixture(entry)).reasons.map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    })

    test.each(rows)('the reasons of %s add up to its score (never below 0)', (_file, entry) => {
      const verdict = classifyStatus(readFixture(entry))
      const sum = verdict.reasons.reduce((total, r) => total + r.score, 0)
      expect(verdict.score).toBeCloseTo(Math.max(0, sum), 2)
    })

    test.each(rows)('every reason of %s has a sentence and evidence', (_file, entry) => {
      for (const reason of classifyStatus(readFixture(entry)).reasons) {
        expect(reason.message).toMatch(/^\S.*\.$/su)
        expect(reason.evidence.length).toBeGreaterThan(0)
      }
    })
  })

  describe('manifest', () => {
    test('lists every fixture file, once', () => {
      const onDisk = ['spam', 'ham'].flatMap((dir) => readdirSync(`${FIXTURES_DIR}${dir}`).map((f) => `${dir}/${f}`)).sort()
      expect(entries.map((e) => e.file).sort()).toEqual(onDisk)
    })

    // columns: fixture file, manifest entry
    test.each(entries.map((e) => [e.file, e] as const))('names %s as <spam|ham>/<yyyy-mm>-<case>-<nn>.json, with notes and a source', (file, entry) => {
      expect(file).toMatch(NAME)
      expect(['spam', 'suspicious', 'clean']).toContain(entry.label)
      expect(entry.notes.length).toBeGreaterThan(20)
      expect(entry.source.length).toBeGreaterThan(5)
    })

    test('holds every February 2024 variant the brief lists', () => {
      const feb = entries.filter((e) => e.campaign === FEB_2024_CAMPAIGN).map((e) => e.file)
      for (const variant of ['arashi-link', 'ctkpaarr-card', 'mentions-image', 'no-image-text', 'korean', 'discord-text', 'mention-notification']) {
        expect(feb.some((f) => f.includes(variant)), variant).toBe(true)
      }
    })
  })
})
