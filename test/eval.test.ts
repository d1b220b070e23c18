import { describe, expect, test } from 'vitest'
import { evaluate } from '../eval/evaluate.js'
import { loadFixtureItems } from '../eval/fixtures.js'
import type { EvalItem } from '../eval/items.js'
import { loadEvalItems } from '../eval/load-items.js'
import { findCorpus } from '../eval/paths.js'
import { parseSpamImages } from '../eval/rebuild-feb-2024.js'
import { wrapSpamContent } from '../eval/spam-corpus.js'
import { withVictims } from '../eval/wrap-status.js'
import { classifyStatus, type Verdict, type VerdictLabel } from '../src/index.js'
import { readStatus } from '../src/internals.js'

const corpus = findCorpus()
const verdictOf = (label: VerdictLabel): Verdict => ({ label, score: 0, reasons: [], skipped: [] })

describe('evaluation', () => {
  describe('on the fixtures alone', () => {
    const result = evaluate(loadFixtureItems(), (input) => classifyStatus(input))

    test('labels every February 2024 fixture spam', () => {
      const check = result.checks.find((c) => c.name.includes('Feb 2024'))
      expect(check?.failures).toEqual([])
      expect(check?.pass).toBe(true)
    })

    test('labels no hard-ham fixture spam or suspicious', () => {
      const row = result.rows.find((r) => r.group === 'fixtures: hard ham')
      expect(row?.count).toBeGreaterThanOrEqual(10)
      expect(row?.clean).toBe(row?.count)
    })
  })

  describe('on the shared corpus', () => {
    if (corpus === undefined) {
      test('says the corpus is absent and evaluates the fixtures only', () => {
        const loaded = loadEvalItems()
        expect(loaded.corpus).toBe(false)
        expect(loaded.items.every((i) => i.source === 'fixture')).toBe(true)
      })
    } else {
      const loaded = loadEvalItems()
      const result = evaluate(loaded.items, (input) => classifyStatus(input))

      test('labels no real ham status spam', () => {
        const check = result.checks.find((c) => c.name.includes('real ham'))
        expect(check?.failures).toEqual([])
        expect(loaded.items.filter((i) => i.source === 'ham').length).toBeGreaterThanOrEqual(100)
      })

      test('labels every rebuilt February 2024 status spam', () => {
        const check = result.checks.find((c) => c.name.includes('Feb 2024'))
        expect(check?.failures).toEqual([])
        expect(loaded.items.filter((i) => i.source === 'rebuilt').length).toBeGreaterThanOrEqual(10)
      })
    }
  })

  test('runs on the fixtures with a notice when the shared folder is missing', () => {
    const loaded = loadEvalItems('/nonexistent/shared/')
    expect(loaded.corpus).toBe(false)
    expect(loaded.notices.join(' ')).toMatch(/absent/u)
    expect(loaded.items.length).toBe(loadFixtureItems().length)
  })
})

describe('evaluate', () => {
  // columns: truth, expected label (fixtures), label given
  const table: [EvalItem['truth'], VerdictLabel | undefined, VerdictLabel][] = [
    ['spam', 'spam', 'spam'],
    ['spam', undefined, 'suspicious'],
    ['gray', 'suspicious', 'suspicious'],
    ['ham', undefined, 'clean'],
    ['ham', undefined, 'spam'],
  ]
  const items: EvalItem[] = table.map(([truth, expected, label], i) => ({ id: `x${i}`, source: truth === 'ham' ? 'ham' : 'spam', group: truth, truth, ...(expected === undefined ? {} : { expected }), input: label }))
  const result = evaluate(items, (input) => verdictOf(input as VerdictLabel))

  test('counts spam vs rest and flagged vs rest', () => {
    expect(result.spamVsRest).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 })
    expect(result.flaggedVsRest).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 0, precision: 0.75, recall: 1 })
  })

  test('fails the ham check when a real ham status is labeled spam, naming it', () => {
    const check = result.checks.find((c) => c.name.includes('real ham'))
    expect(check).toMatchObject({ pass: false, failures: ['x4'] })
  })

  test('counts each row by label', () => {
    expect(result.rows.find((r) => r.group === 'ham')).toMatchObject({ count: 2, spam: 1, suspicious: 0, clean: 1 })
  })
})

describe('withVictims', () => {
  const redacted = '<p><span class="h-card" translate="no"><a href="@someuser" class="u-url mention">@<span>someuser</span></a></span> Verify now</p>'

  // columns: content, documented count, mentions expected in the array, in the HTML
  test.each([
    [redacted, 1, 1, 1],
    [redacted, 4, 4, 4],
    ['<p>no mentions</p>', 10, 10, 10],
    ['<p>no mentions</p>', 0, 0, 0],
  ])('gives %s the documented %i mentions', (html, count, inArray, inHtml) => {
    const { content, mentions } = withVictims(html, count)
    expect(mentions).toHaveLength(inArray)
    expect(content.match(/class="u-url mention"/gu)?.length ?? 0).toBe(inHtml)
    expect(content).not.toContain('someuser')
    expect(readStatus({ content, mentions }, undefined).mentions).toHaveLength(inArray)
  })
})

describe('wrapSpamContent', () => {
  test('gives a February 2024 content the documented account', () => {
    const item = wrapSpamContent({ wave: 'feb-2024-arashi-kyoueiken', content_html: '<p><a href="https://荒らし.com/">荒らし.com/</a></p>' }, 3)
    const status = readStatus(item.input as object, undefined)
    expect(item.feb2024).toBe(true)
    expect(status.mentions).toHaveLength(4)
    expect(status.author.username).toMatch(/^[a-z0-9]{10}$/u)
    expect(status.author.displayName).toBe(status.author.username)
    expect(status.author).toMatchObject({ hasDefaultAvatar: true, followersCount: 0, followingCount: 0 })
    expect(status.isReply).toBe(false)
    const age = (status.createdAt ?? 0) - (status.author.createdAt ?? 0)
    expect(age).toBeGreaterThan(0)
    expect(age).toBeLessThan(3_600_000)
  })
})

describe('parseSpamImages', () => {
  // columns: media fact, images expected
  test.each([
    ['1009x200 UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj (image)', [{ width: 1009, height: 200, blurhash: 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj' }]],
    ['also UkKBv%k8Oas:t1f9V[ae|;afoJofs;bYovjZ (1080x1080)', [{ width: undefined, height: undefined, blurhash: 'UkKBv%k8Oas:t1f9V[ae|;afoJofs;bYovjZ' }]],
    ['truncated UTQcbkVY... only', []],
  ])('reads %s', (media, images) => {
    expect(parseSpamImages(media)).toEqual(images)
  })
})
