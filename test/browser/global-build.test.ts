/**
 * The script-tag build (dist/browser/mastodon-spam-filter.global.js, tsup's IIFE of the core) in
 * Debian's Chromium: a page loads it with a plain <script> tag and classifies every fixture through
 * `globalThis.MastodonSpamFilter`, with the same verdicts as Node.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { classifyStatus } from '../../src/index.js'
import { fixtureStatuses, launchChromium, ROOT, serve } from './harness.js'

const FILE = join(ROOT, 'dist/browser/mastodon-spam-filter.global.js')
let page: Page
let close: (() => Promise<void>) | undefined

beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error('dist/browser/mastodon-spam-filter.global.js is missing: run `npm run build` first')
  const server = await serve({
    '/index.html': ['text/html', '<!doctype html><meta charset="utf-8"><script src="/mastodon-spam-filter.global.js"></script>'],
    '/mastodon-spam-filter.global.js': ['text/javascript', readFileSync(FILE, 'utf8')],
  })
  const browser = await launchChromium()
  close = async () => {
    await browser.close()
    await server.close()
  }
  page = await browser.context.newPage()
  await page.goto(`${server.url}/`)
}, 60_000)

afterAll(async () => {
  await close?.()
})

describe('the script-tag build', () => {
  test('defines MastodonSpamFilter with the core API', async () => {
    const names = await page.evaluate(() => Object.keys((globalThis as unknown as { MastodonSpamFilter: object }).MastodonSpamFilter))
    expect(names).toEqual(expect.arrayContaining(['classifyStatus', 'createSpamFilter', 'fromMasto', 'fromMisskey', 'fromActivityPub']))
  })

  test('classifies every fixture as Node does', async () => {
    const fixtures = fixtureStatuses()
    expect(fixtures.length).toBeGreaterThan(10)
    const inBrowser = await page.evaluate((statuses) => {
      const api = (globalThis as unknown as { MastodonSpamFilter: { classifyStatus: (s: unknown, o: object) => { label: string; score: number } } }).MastodonSpamFilter
      return statuses.map((s) => {
        const v = api.classifyStatus(s, { now: Date.parse('2026-06-01T00:00:00Z') })
        return [v.label, v.score]
      })
    }, fixtures.map(([, json]) => json))
    expect(inBrowser).toEqual(fixtures.map(([, json]) => {
      const v = classifyStatus(json, { now: Date.parse('2026-06-01T00:00:00Z') })
      return [v.label, v.score]
    }))
  })
})
