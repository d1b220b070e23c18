import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildServiceWorker, servicePage } from '../../examples/service-worker/build.js'
import type { MastodonPushPayload } from '../../src/push/push-payload.js'
import { fixtureNotification, HAM_MENTION, pushPayloadFor, SPAM_MENTION, waveNotification } from '../push/recorded.js'
import { launchChromium } from './harness.js'

// The service-worker example in Debian's Chromium: a local page registers it, pushes are delivered
// through the DevTools protocol (ServiceWorker.deliverPushMessage, as DevTools' "Push" button
// does), and a local stand-in for the Mastodon server answers GET /api/v1/notifications/:id with
// recorded Notifications. What the worker showed is read with registration.getNotifications().

type Outcome = { notificationId: string; label: string; shown: string; source: string; skipped: string[]; memorySize: number; memoryError?: string }
type Shown = { title: string; body: string; tag: string; silent: boolean | null }

const ham = fixtureNotification(HAM_MENTION)
const spam = fixtureNotification(SPAM_MENTION)
// After the other notifications: a memory export keeps what is within its window of the newest.
const wave = [0, 1, 2, 3, 4].map((i) => waveNotification(i, Date.parse('2025-03-23T09:00:00.000Z')))
/** A notification the stand-in fails to answer (HTTP 500): the payload decides. */
const unreachable = { ...fixtureNotification(SPAM_MENTION), id: '99999' }
const RECORDED = new Map([ham, spam, ...wave].map((n) => [String(n['id']), n]))

let server: Server
let origin: string
const requests: { path: string; auth: string | undefined }[] = []
let context: BrowserContext
let page: Page
let cdp: CDPSession
let registrationId: string
let closeBrowser: (() => Promise<void>) | undefined

function answer(req: IncomingMessage, res: ServerResponse, files: Record<string, [string, string]>): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  const api = /^\/api\/v1\/notifications\/([^/]+)$/u.exec(path)
  if (api !== null) {
    requests.push({ path, auth: req.headers.authorization })
    const found = RECORDED.get(decodeURIComponent(api[1]!))
    if (req.headers.authorization !== 'Bearer push-token-0001') res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}')
    else if (found === undefined) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal"}')
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found))
    return
  }
  const file = files[path === '/' ? '/index.html' : path]
  if (file === undefined) res.writeHead(404).end('not found')
  else res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1])
}

beforeAll(async () => {
  const files: Record<string, [string, string]> = { '/index.html': ['text/html', servicePage()], '/sw.js': ['text/javascript', await buildServiceWorker()] }
  server = createServer((req, res) => answer(req, res, files))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`

  const browser = await launchChromium()
  closeBrowser = browser.close
  context = browser.context
  await context.grantPermissions(['notifications'], { origin })
  page = await context.newPage()
  cdp = await context.newCDPSession(page)
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
      const mine = event.registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)
      if (mine !== undefined) resolve(mine.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  await page.goto(`${origin}/index.html`)
  await page.waitForFunction(() => (window as unknown as { swReady?: boolean }).swReady === true, undefined, { timeout: 20_000 })
  registrationId = await registered
}, 60_000)

afterAll(async () => {
  await closeBrowser?.()
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
})

async function saveSettings(settings: { origin: string; mode: string; viewer?: string }): Promise<void> {
  await page.evaluate((s) => (window as unknown as { saveSettings: (s: unknown) => Promise<unknown> }).saveSettings(s), settings)
}

/** Delivers one push and waits for the worker's report on it. */
async function push(payload: MastodonPushPayload): Promise<Outcome> {
  const before = await page.evaluate(() => (window as unknown as { pushLog: unknown[] }).pushLog.length)
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(payload) })
  await page.waitForFunction((n) => (window as unknown as { pushLog: unknown[] }).pushLog.length > n, before, { timeout: 15_000 })
  return page.evaluate((n) => (window as unknown as { pushLog: Outcome[] }).pushLog[n]!, before)
}

async function shown(): Promise<Shown[]> {
  return page.evaluate(() => (window as unknown as { shownNotifications: () => Promise<Shown[]> }).shownNotifications())
}

const byTag = async (id: string): Promise<Shown | undefined> => (await shown()).find((n) => n.tag === `notification-${id}`)

describe('the service-worker example in Chromium', () => {
  test('a friend’s mention is shown as it came, after the full notification was fetched', async () => {
    await saveSettings({ origin, mode: 'fold', viewer: 'me@home.example' })
    const outcome = await push(pushPayloadFor(ham))
    expect(outcome).toMatchObject({ label: 'clean', shown: 'as-is', source: 'notification' })
    expect(await byTag(String(ham['id']))).toMatchObject({ title: 'Priya mentioned you', body: pushPayloadFor(ham).body, tag: `notification-${String(ham['id'])}` })
    expect(requests.at(-1)).toEqual({ path: `/api/v1/notifications/${String(ham['id'])}`, auth: 'Bearer push-token-0001' })
  })

  test('the February 2024 wave is shown folded: "Potential spam from …" without its text', async () => {
    const outcome = await push(pushPayloadFor(spam))
    expect(outcome).toMatchObject({ label: 'spam', shown: 'folded', source: 'notification' })
    const folded = await byTag(String(spam['id']))
    expect(folded?.title).toBe('Potential spam from 9n1ggx00n7')
    expect(folded?.silent).toBe(true)
    expect(folded?.body).toContain('荒らし.com')
    expect(folded?.body).not.toBe(pushPayloadFor(spam).body)
  })

  test('a copy wave is recognised across pushes, even after the browser stopped the worker (memory in IndexedDB)', async () => {
    // A viewer the copies do not mention: only the memory flags them (the mentioned viewer sees a
    // minutes-old bare stranger's mention as spam from the first copy: unsolicited-mention).
    await saveSettings({ origin, mode: 'fold', viewer: 'mod@home.example' })
    const outcomes: Outcome[] = []
    for (const n of wave.slice(0, 2)) outcomes.push(await push(pushPayloadFor(n)))
    // The worker's globals are gone: only IndexedDB remembers the first two copies.
    await cdp.send('ServiceWorker.stopAllWorkers')
    outcomes.push(await push(pushPayloadFor(wave[2]!)))
    expect(outcomes.map((o) => [o.label, o.shown])).toEqual([
      ['clean', 'as-is'],
      ['clean', 'as-is'],
      ['spam', 'folded'],
    ])
    // The restarted worker loaded the first two copies from IndexedDB.
    expect(outcomes[2]).not.toHaveProperty('memoryError')
    expect(outcomes[2]!.memorySize).toBeGreaterThanOrEqual(3)
    expect((await byTag(String(wave[2]!['id'])))?.title).toBe(`Potential spam from ${String((wave[2]!['account'] as { display_name: string }).display_name)}`)
  })

  test('with "show nothing", the next copy shows no notification; with "show", it is shown as it came', async () => {
    await saveSettings({ origin, mode: 'hide', viewer: 'me@home.example' })
    const hidden = await push(pushPayloadFor(wave[3]!))
    expect(hidden).toMatchObject({ label: 'spam', shown: 'nothing' })
    expect(await byTag(String(wave[3]!['id']))).toBeUndefined()
    await saveSettings({ origin, mode: 'show', viewer: 'me@home.example' })
    const anyway = await push(pushPayloadFor(wave[4]!))
    expect(anyway).toMatchObject({ label: 'spam', shown: 'as-is' })
    expect((await byTag(String(wave[4]!['id'])))?.title).toBe(pushPayloadFor(wave[4]!).title)
  })

  test('when the server fails, the payload decides and the verdict says so', async () => {
    await saveSettings({ origin, mode: 'fold', viewer: 'me@home.example' })
    const outcome = await push(pushPayloadFor(unreachable))
    expect(outcome).toMatchObject({ label: 'spam', shown: 'folded', source: 'payload' })
    expect(outcome.skipped).toEqual(expect.arrayContaining(['push-fetch:error', 'push:truncated']))
  })

  test('a payload that is not JSON still shows a notification', async () => {
    const before = await page.evaluate(() => (window as unknown as { pushLog: unknown[] }).pushLog.length)
    await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: 'not json' })
    await page.waitForFunction((n) => (window as unknown as { pushLog: unknown[] }).pushLog.length > n, before, { timeout: 15_000 })
    const outcome = await page.evaluate((n) => (window as unknown as { pushLog: Outcome[] }).pushLog[n]!, before)
    expect(outcome).toMatchObject({ label: 'clean', shown: 'as-is', source: 'none' })
    expect(await byTag('')).toMatchObject({ title: 'New notification' })
  })
})
