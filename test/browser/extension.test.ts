/**
 * The Manifest V3 extension (examples/browser-extension/) in Debian's Chromium: loaded unpacked,
 * set up through its own options page, then run on a local page that reproduces the status markup
 * of Mastodon's web UI (test/browser/mastodon-web-page.ts), whose API calls the stand-in server
 * (test/examples/stand-in/: not Mastodon) answers with recorded-shaped Mastodon responses.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSpamFilter } from '../../src/index.js'
import { HOME_TIMELINE, STREAMS } from '../examples/stand-in/recorded.js'
import { recordedMastodon } from '../examples/stand-in/recorded.js'
import { startStandIn, type StandIn } from '../examples/stand-in/server.js'
import { chromiumPath, ROOT } from './harness.js'
import { mastodonWebPage } from './mastodon-web-page.js'

const OUTPUT = join(ROOT, 'test-output')
const TOKEN = 'stand-in-session-token'
const ME = { id: '110000000000000001', acct: 'Moderator' }

type Json = Parameters<typeof mastodonWebPage>[0]['later']
// On the page: the home timeline but the followed author's post, then a status that arrives later.
const STATUSES = HOME_TIMELINE.slice(1).map((e) => e.status as Json)
const LATER = STREAMS['public']![0]!.payload as Json

let standIn: StandIn
let context: BrowserContext
let page: Page
let extensionId: string
let cleanup: () => Promise<void>

beforeAll(async () => {
  // Build the extension from the library's ESM build; for the test its manifest grants the
  // loopback host up front (a person grants it in Chrome's prompt; a prompt cannot be clicked here).
  const dir = mkdtempSync(join(tmpdir(), 'msf-extension-'))
  const profile = mkdtempSync(join(tmpdir(), 'msf-chromium-'))
  execFileSync(process.execPath, [join(ROOT, 'examples/browser-extension/build.mjs'), dir], { stdio: 'pipe' })
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }))

  const html = mastodonWebPage({ statuses: STATUSES, later: LATER, token: TOKEN, me: ME })
  standIn = await startStandIn({ ...recordedMastodon(), files: { '/index.html': ['text/html; charset=utf-8', html], '/home': ['text/html; charset=utf-8', html] } })

  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    viewport: { width: 700, height: 1000 },
  })
  cleanup = async () => {
    await context.close()
    await standIn.close()
    rmSync(dir, { recursive: true, force: true })
    rmSync(profile, { recursive: true, force: true })
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  extensionId = new URL(worker.url()).host

  // Set the extension up as a person would: add the server on its options page.
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.waitForSelector('body[data-ready="true"]')
  await options.fill('#host', new URL(standIn.url).host)
  await options.click('#add-host button[type=submit]')
  await options.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Saved. Active on'), undefined, { timeout: 10_000 })
  await options.close()

  page = await context.newPage()
  await page.goto(`${standIn.url}/home`)
  await page.waitForSelector('html[data-msf-ready="true"]', { timeout: 15_000 })
  await page.waitForSelector('body[data-later="true"]')
  await page.waitForFunction((n) => document.querySelectorAll('.status[data-msf]:not([data-msf="pending"])').length === n, STATUSES.length + 1, { timeout: 15_000 })
}, 90_000)

afterAll(async () => {
  await cleanup?.()
})

const expected = [...STATUSES, LATER].map((status) => ({ id: status.id, verdict: createSpamFilter({ viewer: { acct: 'moderator@127.0.0.1' } }).classify(status) }))

describe('the browser extension on a Mastodon web page', () => {
  test('classifies every status on screen, the one that arrived later too', async () => {
    const labels = await page.$$eval('.status[data-id]', (els) => els.map((el) => [(el as HTMLElement).dataset['id'], (el as HTMLElement).dataset['msf']]))
    expect(labels).toEqual(expected.map((e) => [e.id, e.verdict.label]))
    expect(expected.some((e) => e.verdict.label === 'clean')).toBe(true)
    expect(expected.some((e) => e.verdict.label === 'spam')).toBe(true)
  })

  test('fetched each status from the same server with the page session', () => {
    const calls = standIn.seen.filter((r) => r.url.startsWith('/api/v1/statuses/'))
    expect(calls.map((r) => r.url.split('/').at(-1)).sort()).toEqual(expected.map((e) => e.id).sort())
    expect(calls.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })

  test('folds flagged statuses behind "Filtered: potential spam" with their reasons; clean ones stay', async () => {
    for (const { id, verdict } of expected) {
      const status = page.locator(`.status[data-id="${id}"]`)
      const fold = page.locator(`article[data-id="${id}"] .msf-fold`)
      if (verdict.label === 'clean') {
        await expect(status.isVisible()).resolves.toBe(true)
        await expect(fold.count()).resolves.toBe(0)
        continue
      }
      await expect(status.isVisible()).resolves.toBe(false)
      await expect(fold.isVisible()).resolves.toBe(true)
      await expect(fold.innerText()).resolves.toMatch(/^Filtered: potential spam\. Show anyway/u)
      const shown = await fold.locator('.msf-reasons li').allInnerTexts()
      // Every reason that added to the score, except a near-duplicate (it depends on what the tab saw first).
      for (const reason of verdict.reasons) if (reason.score > 0 && reason.signal !== 'near-duplicate') expect(shown).toContain(reason.message)
    }
  })

  test('takes a screenshot of the folded timeline', async () => {
    mkdirSync(OUTPUT, { recursive: true })
    const png = await page.screenshot({ fullPage: false })
    writeFileSync(join(OUTPUT, 'browser-extension.png'), png)
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') writeFileSync(join(ROOT, 'docs/browser-extension.png'), png)
  })

  test('"Show anyway" shows the status and it stays shown', async () => {
    const spam = expected.find((e) => e.verdict.label === 'spam')!
    await page.click(`article[data-id="${spam.id}"] .msf-show`)
    await expect(page.locator(`.status[data-id="${spam.id}"]`).isVisible()).resolves.toBe(true)
    await expect(page.locator(`article[data-id="${spam.id}"] .msf-fold`).count()).resolves.toBe(0)
    await expect(page.locator(`.status[data-id="${spam.id}"]`).getAttribute('data-msf-shown')).resolves.toBe('true')
  })

  test('the options page switches to blur: flagged statuses stay in place, blurred, with the fold above', async () => {
    const options = await context.newPage()
    await options.goto(`chrome-extension://${extensionId}/options.html`)
    await options.waitForSelector('body[data-ready="true"]')
    await options.check('input[name=mode][value=blur]')
    await options.waitForFunction(() => document.querySelector('#status')?.textContent === 'Saved.')
    await options.close()
    await page.reload()
    await page.waitForSelector('html[data-msf-ready="true"]')
    await page.waitForFunction((n) => document.querySelectorAll('.status[data-msf]:not([data-msf="pending"])').length >= n, STATUSES.length, { timeout: 15_000 })
    const spam = expected.find((e) => e.verdict.label === 'spam')!
    const status = page.locator(`.status[data-id="${spam.id}"]`)
    await expect(status.isVisible()).resolves.toBe(true)
    await expect(status.getAttribute('class')).resolves.toContain('msf-blurred')
    await expect(page.locator(`.status[data-id="${spam.id}"] .status__content`).evaluate((el) => getComputedStyle(el).filter)).resolves.toBe('blur(8px)')
    await expect(page.locator(`article[data-id="${spam.id}"] .msf-fold`).isVisible()).resolves.toBe(true)
  })
})
