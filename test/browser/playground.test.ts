import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildPlayground } from '../../playground/build.js'
import { EXAMPLES, SEVERAL_EXAMPLE } from '../../playground/examples.js'
import { parseOne } from '../../playground/input.js'
import { createSpamFilter } from '../../src/index.js'
import { launchChromium, ROOT, serve } from './harness.js'

// Screenshots go to test-output/ (not committed); UPDATE_DOCS_SCREENSHOT=1 also refreshes
// docs/playground.png and docs/playground-phone.png, the pictures in the README.
const OUTPUT = join(ROOT, 'test-output')
const SPAM_BADGE = [196, 32, 48] // .badge.spam background in playground/index.html
const fixture = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, 'fixtures', path), 'utf8'))

let page: Page
let url: string
let close: (() => Promise<void>) | undefined

beforeAll(async () => {
  const server = await serve({
    '/index.html': ['text/html', readFileSync(join(ROOT, 'playground/index.html'), 'utf8')],
    '/dist/main.js': ['text/javascript', await buildPlayground(false)],
  })
  url = server.url
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

const verdictText = async (): Promise<string> => (await page.locator('#verdict-label').innerText()).toLowerCase()
const paste = async (text: string): Promise<void> => {
  await page.fill('#input', text)
}

describe('the playground', () => {
  // columns: example id
  test.each(EXAMPLES.map((e) => [e.id]))('shows the same verdict as Node for %s', async (id) => {
    const example = EXAMPLES.find((e) => e.id === id)!
    await page.selectOption('#example', id)
    const parsed = parseOne(typeof example.json === 'string' ? example.json : JSON.stringify(example.json), example.host)
    if ('error' in parsed) throw new Error(parsed.error)
    const expected = createSpamFilter().classify(parsed.items[0]!.status)
    expect(await verdictText()).toBe(expected.label)
    expect(await page.locator('#verdict-score').innerText()).toBe(`score ${expected.score.toFixed(2)}`)
    expect(await page.locator('#reasons .signal').allInnerTexts()).toEqual(expected.reasons.map((r) => r.signal))
  })

  test('highlights the evidence in the text', async () => {
    await page.selectOption('#example', 'misskey-mention-wave')
    const marked = await page.locator('#text mark').allInnerTexts()
    expect(marked).toEqual(expect.arrayContaining(['@kuma@mastodon.example', '@riku@fedi.example']))
  })

  test('shows the label on a scale with the thresholds, and how each reason adds up', async () => {
    await page.selectOption('#example', 'mastodon-arashi-link')
    expect(await page.locator('#scale .tick').allInnerTexts()).toEqual(['0', 'suspicious 3', 'spam 6'])
    const reasons = createSpamFilter().classify(fixture('statuses/spam/2024-02-arashi-link-01.json')).reasons
    expect(await page.locator('#scale .seg').count()).toBe(reasons.length)
    let total = 0
    expect(await page.locator('#reasons .total').allInnerTexts()).toEqual(reasons.map((r) => `= ${(total += r.score).toFixed(2)}`))
    // The pointer stands at the score: right of the spam tick.
    const pointer = (await page.locator('#scale .pointer').boundingBox())!
    const spamTick = (await page.locator('#scale .tick').nth(2).boundingBox())!
    expect(pointer.x).toBeGreaterThan(spamTick.x + spamTick.width / 2)
  })

  describe('accepts every input shape', () => {
    const arashi = fixture('statuses/spam/2024-02-arashi-link-01.json')
    // columns: what, pasted value
    test.each([
      ['a {"status": …} wrapper', { status: arashi }],
      ['a streaming message', { stream: ['user'], event: 'update', payload: JSON.stringify(arashi) }],
      ['an admin webhook', { event: 'status.created', created_at: '2024-02-17T00:00:00Z', object: arashi }],
      ['a mention notification', { id: '1', type: 'mention', created_at: '2024-02-17T00:00:00Z', account: (arashi as { account: unknown }).account, status: arashi }],
      ['a JSON array', [arashi]],
    ])('%s: wrapped spam is spam, and the page says what it read', async (_what, value) => {
      const text = JSON.stringify(value, null, 2)
      await paste(text)
      expect(await page.locator('#error').innerText()).toBe('')
      expect(await verdictText()).toBe('spam')
      const parsed = parseOne(text, undefined)
      if ('error' in parsed) throw new Error(parsed.error)
      expect(await page.locator('#verdict-format').innerText()).toBe(`read as ${parsed.items[0]!.seen}`)
      expect(parsed.items[0]!.seen).not.toMatch(/^Mastodon REST JSON$|^a Mastodon status$/u)
    })

    test('plain text, as a status by a stranger (mentions read as mentions)', async () => {
      await paste('Free nitro for everyone who joins today! discord.gg/ctkpaarr\n\n@kuma@mastodon.example @riku@fedi.example @sora@misskey.example @ami@example.social')
      expect(await page.locator('#error').innerText()).toBe('')
      expect(await page.locator('#verdict-format').innerText()).toBe('read as plain text (a public status by a stranger)')
      expect(await page.locator('#reasons .signal').allInnerTexts()).toEqual(expect.arrayContaining(['discord-invite', 'mention-density']))
      expect(await page.locator('#author').innerText()).toBe('by @stranger1@elsewhere.example')
    })

    test('JSON that does not parse is an error, not plain text', async () => {
      await paste('{"content": ')
      expect(await page.locator('#error').innerText()).toMatch(/^Not valid JSON/u)
      expect(await page.locator('#result').isVisible()).toBe(false)
    })
  })

  test('pasting over an example makes it "(your input)"', async () => {
    await page.selectOption('#example', 'mastodon-arashi-link')
    await paste(JSON.stringify({ content: '<p>Lovely weather for a walk.</p>', account: { acct: 'sam@town.example' } }))
    expect(await page.locator('#example').inputValue()).toBe('')
    expect(await page.locator('#example option:checked').innerText()).toBe('(your input)')
    expect(await verdictText()).toBe('clean')
    expect(await page.locator('#text').innerText()).toBe('Lovely weather for a walk.')
  })

  describe('settings', () => {
    test('thresholds move the label; a blatant hit is spam whatever they say, and the page says why', async () => {
      await paste(JSON.stringify(fixture('statuses/spam/2026-03-crowdfunding-blast-01.json')))
      expect(await verdictText()).toBe('suspicious')
      await page.fill('#threshold-spam', '100')
      await page.fill('#threshold-suspicious', '50')
      expect(await verdictText()).toBe('clean')
      expect(await page.locator('#scale .tick').allInnerTexts()).toEqual(['0', 'suspicious 50', 'spam 100'])
      await page.selectOption('#example', 'mastodon-arashi-link')
      const verdict = createSpamFilter({ thresholds: { suspicious: 50, spam: 100 } }).classify(fixture('statuses/spam/2024-02-arashi-link-01.json'))
      expect(verdict.label).toBe('spam')
      expect(await verdictText()).toBe('spam')
      // The note shows exactly when the label is not the one the score and thresholds give.
      const notes = await page.locator('#reasons .reason.none').allInnerTexts()
      if (verdict.score < 100) expect(notes).toEqual([expect.stringMatching(/^Spam whatever the score: a blatant hit/u)])
      else expect(notes).toEqual([])
      await page.fill('#threshold-suspicious', '3')
      await page.fill('#threshold-spam', '6')
      expect(await verdictText()).toBe('spam')
      expect(await page.locator('#reasons .reason.none').count()).toBe(0)
    })

    test('following the author clears a mention-heavy post', async () => {
      await page.selectOption('#example', 'mastodon-japanese-links')
      const blast = fixture('statuses/spam/2026-03-crowdfunding-blast-01.json')
      await paste(JSON.stringify(blast))
      expect(await verdictText()).toBe('suspicious')
      await page.fill('#viewer', 'me@home.example')
      await page.fill('#follows', 'HopeForFamily@mstdn.example')
      expect(await verdictText()).toBe('clean')
      expect(await page.locator('#reasons .signal').allInnerTexts()).toContain('followed-author')
      await page.fill('#follows', '')
      await page.fill('#viewer', '')
    })

    test('a rules document adds a block list; a bad one names the entry', async () => {
      await paste('Great deals at https://spam-campaign.example/offer today')
      expect(await verdictText()).toBe('clean')
      await page.fill('#rules', readFileSync(join(ROOT, 'fixtures/rules/example.rules.json'), 'utf8'))
      expect(await page.locator('#reasons .signal').allInnerTexts()).toContain('campaign-domain')
      await page.fill('#rules', '{"version": 1, "blockDomains": [7]}')
      expect(await page.locator('#settings-error').innerText()).toContain('blockDomains[0]')
      await page.fill('#rules', '')
      expect(await page.locator('#settings-error').innerText()).toBe('')
    })
  })

  test('"several" runs one filter, so later copies are near-duplicates', async () => {
    await page.check('#mode-several')
    await page.click('#several-example')
    const rows = page.locator('#several-list > li')
    expect(await rows.count()).toBe(SEVERAL_EXAMPLE.split('\n---\n').length)
    const signals = await rows.locator('.signals').allInnerTexts()
    expect(signals[0]).not.toContain('near-duplicate')
    expect(signals[1]).not.toContain('near-duplicate')
    expect(signals.at(-1)).toContain('near-duplicate')
    expect(await page.locator('#several-summary').innerText()).toMatch(/^5 statuses through one filter: /u)
    await page.check('#mode-one')
  })

  describe('screenshots', () => {
    test('desktop: the spam verdict is on screen in the badge colour', async () => {
      await page.setViewportSize({ width: 1100, height: 900 })
      await page.selectOption('#example', 'mastodon-arashi-link')
      await page.evaluate(() => window.scrollTo(0, 0))
      const badge = page.locator('#verdict-label')
      expect(await verdictText()).toBe('spam')
      const box = (await badge.boundingBox())!
      const viewport = page.viewportSize()!
      expect(box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width).toBe(true)

      const png = await page.screenshot({ fullPage: false })
      mkdirSync(OUTPUT, { recursive: true })
      writeFileSync(join(OUTPUT, 'playground.png'), png)
      if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') writeFileSync(join(ROOT, 'docs/playground.png'), png)

      // The pixels inside the badge's box are the spam colour: the picture shows the verdict.
      const image = PNG.sync.read(png)
      let red = 0
      for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++) {
        for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) {
          const i = (y * image.width + x) * 4
          if (image.data[i] === SPAM_BADGE[0] && image.data[i + 1] === SPAM_BADGE[1] && image.data[i + 2] === SPAM_BADGE[2]) red++
        }
      }
      expect(red / (box.width * box.height)).toBeGreaterThan(0.4)
    })

    test('phone (390 px): nothing wider than the screen, Japanese in a CJK font', async () => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${url}/?example=mastodon-japanese-links`)
      await page.waitForSelector('body[data-ready="true"]')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      for (const id of ['#input', '#result', '#scale', '#text']) {
        const box = (await page.locator(id).boundingBox())!
        expect(box.x + box.width).toBeLessThanOrEqual(390)
      }
      // The text is not one word per line: its box is most of the screen wide.
      expect((await page.locator('#text').boundingBox())!.width).toBeGreaterThan(300)
      // fonts-noto-cjk is installed (.ci/run): Japanese is drawn with glyphs, not the missing-glyph
      // box. Two private-use characters (no font has them) draw the same box; a kanji in the page's
      // font must draw something else.
      const drawn = await page.evaluate(() => {
        const draw = (text: string): string => {
          const canvas = document.createElement('canvas')
          canvas.width = 48
          canvas.height = 48
          const ctx = canvas.getContext('2d')!
          ctx.font = `32px ${getComputedStyle(document.getElementById('text')!).fontFamily}`
          ctx.fillText(text, 4, 38)
          return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',')
        }
        return { kanji: draw('勉'), box1: draw('\uE000'), box2: draw('\uE001') }
      })
      expect(drawn.box1).toBe(drawn.box2)
      expect(drawn.kanji).not.toBe(drawn.box1)
      await page.locator('#result').scrollIntoViewIfNeeded()
      const png = await page.screenshot({ fullPage: false })
      mkdirSync(OUTPUT, { recursive: true })
      writeFileSync(join(OUTPUT, 'playground-phone.png'), png)
      if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') writeFileSync(join(ROOT, 'docs/playground-phone.png'), png)
    })
  })
})
