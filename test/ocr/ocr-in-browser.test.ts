/**
 * The OCR entry in a real Chromium, fully offline: the built dist/ocr.js bundled for browsers (no
 * Node built-ins allowed), tesseract.js's browser build, worker and core, and the language data
 * of @tesseract.js-data/eng are all served from 127.0.0.1; every other request is blocked and
 * recorded, and the test asserts there was none.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { findDiscordInvites } from '../../src/links/discord-invite.js'
import { launchChromium, noNodeBuiltins, ROOT, serve } from '../browser/harness.js'

const require = createRequire(import.meta.url)
const TESSERACT = dirname(require.resolve('tesseract.js/package.json'))
const CORE = dirname(require.resolve('tesseract.js-core/package.json'))
const LANG = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
const JS = 'text/javascript'

interface Reading {
  readonly text: string
  readonly qrTexts: readonly string[]
  readonly skipped: readonly unknown[]
}

// What a browser app does: import both modules, give the reader self-hosted paths, read images.
const PAGE = `<!doctype html><title>OCR offline</title>
<script type="module">
import Tesseract from '/tesseract.esm.min.js'
import { createImageReader } from '/ocr.js'
window.ocrDone = (async () => {
  const reader = createImageReader({
    tesseract: Tesseract,
    langPath: location.origin + '/lang',
    corePath: location.origin + '/core',
    workerPath: location.origin + '/worker.min.js',
    timeoutMs: 90000,
  })
  const bytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer())
  const invite = await reader.readBytes(await bytes('/invite.webp'))
  const qr = await reader.readBytes(await bytes('/qr.png'))
  await reader.terminate()
  return { invite, qr }
})()
</script>`

let site: { url: string; close: () => Promise<void> }
let browser: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  const ocr = await build({ entryPoints: [join(ROOT, 'dist/ocr.js')], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2020', plugins: [noNodeBuiltins], logLevel: 'silent' })
  const core = ['tesseract-core-relaxedsimd-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-lstm.wasm.js']
  site = await serve({
    '/index.html': ['text/html', PAGE],
    '/ocr.js': [JS, ocr.outputFiles[0]?.text ?? ''],
    '/tesseract.esm.min.js': [JS, readFileSync(join(TESSERACT, 'dist/tesseract.esm.min.js'))],
    '/worker.min.js': [JS, readFileSync(join(TESSERACT, 'dist/worker.min.js'))],
    ...Object.fromEntries(core.map((file) => [`/core/${file}`, [JS, readFileSync(join(CORE, file))] as [string, Buffer]])),
    '/lang/eng.traineddata.gz': ['application/gzip', readFileSync(join(LANG, 'eng.traineddata.gz'))],
    '/invite.webp': ['image/webp', readFileSync(join(ROOT, 'fixtures/images/layout-1009x200-dejavusans.webp'))],
    '/qr.png': ['image/png', readFileSync(join(ROOT, 'fixtures/images/qr-invite-with-caption.png'))],
  })
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe('mastodon-spam-filter/ocr in Chromium', () => {
  test('reads an invite image and a QR code with self-hosted worker, core and language data, and nothing else', async () => {
    const page = await browser.context.newPage()
    const requested: string[] = []
    const blocked: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.route('**', async (route) => {
      const url = new URL(route.request().url())
      if (url.hostname === '127.0.0.1') await route.continue()
      else {
        blocked.push(url.href)
        await route.abort()
      }
    })
    await page.goto(`${site.url}/index.html`)
    // The page's own module script does the work (see PAGE); vitest would rewrite import() here.
    const result = (await page.evaluate('window.ocrDone')) as { invite: Reading; qr: Reading }
    expect(result.invite.skipped).toEqual([])
    expect(findDiscordInvites(result.invite.text).map((invite) => invite.code)).toEqual(['ctkpaarr'])
    expect(result.qr.qrTexts).toEqual(['https://discord.gg/ctkpaarr'])
    expect(blocked).toEqual([])
    expect(requested.filter((url) => !url.startsWith(site.url))).toEqual([])
    expect(requested).toContain(`${site.url}/lang/eng.traineddata.gz`)
    expect(requested.some((url) => url.startsWith(`${site.url}/core/`))).toBe(true)
    await page.close()
  }, 120_000)
})
