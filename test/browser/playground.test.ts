import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildPlayground } from '../../playground/build.js'
import { EXAMPLES } from '../../playground/examples.js'
import { toStatus } from '../../src/cli/to-status.js'
import { classifyStatus } from '../../src/index.js'
import { launchChromium, ROOT, serve } from './harness.js'

// Screenshots go to test-output/ (not committed); UPDATE_DOCS_SCREENSHOT=1 also refreshes
// docs/playground.png, the picture in the README.
const OUTPUT = join(ROOT, 'test-output')
const SPAM_BADGE = [196, 32, 48] // .badge.spam background in playground/index.html

let page: Page
let close: (() => Promise<void>) | undefined

beforeAll(async () => {
  const server = await serve({
    '/index.html': ['text/html', readFileSync(join(ROOT, 'playground/index.html'), 'utf8')],
    '/dist/main.js': ['text/javascript', await buildPlayground(false)],
  })
  const browser = await launchChromium()
  close = async () => {
    await browser.close()
    await server.close()
  }
  page = await browser.context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}/`)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 }).catch(() => {
    throw new Error(`the playground did not start: ${errors.join('; ')}`)
  })
}, 60_000)

afterAll(async () => {
  await close?.()
})

const verdictText = (): Promise<string> => page.locator('#verdict-label').innerText()

describe('the playground', () => {
  // columns: example id
  test.each(EXAMPLES.map((e) => [e.id]))('shows the same verdict as Node for %s', async (id) => {
    const example = EXAMPLES.find((e) => e.id === id)!
    await page.selectOption('#example', id)
    const expected = classifyStatus(toStatus(example.json, 'auto', example.host))
    expect((await verdictText()).toLowerCase()).toBe(expected.label)
    expect(await page.locator('#verdict-score').innerText()).toBe(`score ${expected.score.toFixed(2)}`)
    expect(await page.locator('#reasons .signal').allInnerTexts()).toEqual(expected.reasons.map((r) => r.signal))
  })

  test('highlights the evidence in the text', async () => {
    await page.selectOption('#example', 'misskey-mention-wave')
    const marked = await page.locator('#text mark').allInnerTexts()
    expect(marked).toEqual(expect.arrayContaining(['@kuma@mastodon.example', '@riku@fedi.example']))
  })

  test('says when pasted text is not JSON, and classifies pasted JSON', async () => {
    await page.fill('#input', '{"content": ')
    expect(await page.locator('#error').innerText()).toMatch(/^Not valid JSON/u)
    await page.fill('#input', JSON.stringify({ content: '<p>Lovely weather for a walk.</p>', account: { acct: 'sam@town.example' } }))
    expect(await page.locator('#error').innerText()).toBe('')
    expect((await verdictText()).toLowerCase()).toBe('clean')
    expect(await page.locator('#text').innerText()).toBe('Lovely weather for a walk.')
  })

  test('takes a screenshot that shows the spam verdict', async () => {
    await page.selectOption('#example', 'mastodon-arashi-link')
    const badge = page.locator('#verdict-label')
    expect((await badge.innerText()).toLowerCase()).toBe('spam')
    await expect(badge.isVisible()).resolves.toBe(true)
    const box = await badge.boundingBox()
    const viewport = page.viewportSize()!
    expect(box !== null && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width).toBe(true)

    const png = await page.screenshot({ fullPage: false })
    mkdirSync(OUTPUT, { recursive: true })
    writeFileSync(join(OUTPUT, 'playground.png'), png)
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') writeFileSync(join(ROOT, 'docs/playground.png'), png)

    // The pixels inside the badge's box are the spam colour: the picture shows the verdict.
    const image = PNG.sync.read(png)
    let red = 0
    for (let y = Math.ceil(box!.y); y < Math.floor(box!.y + box!.height); y++) {
      for (let x = Math.ceil(box!.x); x < Math.floor(box!.x + box!.width); x++) {
        const i = (y * image.width + x) * 4
        if (image.data[i] === SPAM_BADGE[0] && image.data[i + 1] === SPAM_BADGE[1] && image.data[i + 2] === SPAM_BADGE[2]) red++
      }
    }
    expect(red / (box!.width * box!.height)).toBeGreaterThan(0.4)
  })
})
