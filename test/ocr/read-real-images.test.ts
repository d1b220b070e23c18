/**
 * The reader with the real tesseract.js and the language data of @tesseract.js-data/eng, on a few
 * fixture images (eval/ocr.ts reads all of them). One worker for the whole file.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as tesseract from 'tesseract.js'
import { afterAll, describe, expect, test } from 'vitest'

import { findDiscordInvites } from '../../src/links/discord-invite.js'
import { createImageReader } from '../../src/ocr/index.js'

const require = createRequire(import.meta.url)
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
const image = (file: string): Buffer => readFileSync(new URL(`../../fixtures/images/${file}`, import.meta.url))
const cwdBefore = readdirSync(process.cwd())
const reader = createImageReader({ tesseract, langPath: LANG_PATH, timeoutMs: 60_000 })

afterAll(() => reader.terminate())

describe('createImageReader with tesseract.js', () => {
  describe('finds the invite', () => {
    // fixture | what is in it
    test.each([
      ['layout-1009x200-dejavusans.webp', 'the documented 1009×200 WebP, decoded by Leptonica in the worker'],
      ['spam-can-200.webp', 'a 200×200 can of SPAM, scaled up before OCR'],
      ['colour-red-on-green.webp', 'red on green of the same luma'],
    ])('in %s (%s)', async (file) => {
      const reading = await reader.readBytes(image(file))
      expect(reading.skipped).toEqual([])
      expect(findDiscordInvites(reading.text).map((invite) => invite.code)).toEqual(['ctkpaarr'])
    }, 60_000)

    test('in a QR code, without OCR text', async () => {
      const reading = await reader.readBytes(image('qr-invite.png'))
      expect(reading.qrTexts).toEqual(['https://discord.gg/ctkpaarr'])
    }, 60_000)
  })

  test('finds no invite in a screenshot that mentions Discord', async () => {
    const reading = await reader.readBytes(image('negative-discord-no-invite.png'))
    expect(reading.text).toContain('discord')
    expect(findDiscordInvites(reading.text)).toEqual([])
  }, 60_000)

  test('reports a corrupt image as skipped and keeps working', async () => {
    const broken = Buffer.from(image('colour-pastel.png').subarray(0, 300))
    expect((await reader.readBytes(broken)).skipped).toMatchObject([{ signal: 'ocr', because: 'error' }])
    const jpeg = Buffer.from(image('negative-photo.jpg'))
    expect((await reader.readBytes(jpeg.subarray(0, 400))).skipped).toMatchObject([{ signal: 'ocr', because: 'error' }])
    expect((await reader.readBytes(image('qr-invite.png'))).qrTexts).toHaveLength(1)
  }, 60_000)

  test('writes nothing to the working directory', () => {
    expect(readdirSync(process.cwd())).toEqual(cwdBefore)
    expect(existsSync(join(process.cwd(), 'eng.traineddata'))).toBe(false)
  })

  test('reports a missing language file instead of waiting forever', async () => {
    // In a child process: tesseract.js leaves that worker's thread running (createWorker never
    // settles, so nothing can end it); the child is killed once it has answered.
    const script = `
      import * as tesseract from ${JSON.stringify(require.resolve('tesseract.js'))}
      import { createImageReader } from ${JSON.stringify(fileURLToPath(new URL('../../src/ocr/index.ts', import.meta.url)))}
      import { readFileSync } from 'node:fs'
      const reader = createImageReader({ tesseract, langPath: '/nonexistent/lang' })
      const reading = await reader.readBytes(readFileSync(${JSON.stringify(fileURLToPath(new URL('../../fixtures/images/colour-pastel.png', import.meta.url)))}))
      console.log(JSON.stringify(reading))
      process.exit(0)
    `
    // The script goes to a temporary folder, not the working directory: tesseract.js's worker
    // thread inherits the execArgv, so `--input-type=module -e` cannot be used.
    const dir = mkdtempSync(join(tmpdir(), 'msf-ocr-'))
    writeFileSync(join(dir, 'missing-lang.mts'), script)
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', join(dir, 'missing-lang.mts')], { timeout: 45_000 }, (error, out) => (error === null ? resolve(out) : reject(error)))
    }).finally(() => rmSync(dir, { recursive: true, force: true }))
    const reading = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { skipped: { because: string; detail: string }[] }
    expect(reading.skipped).toMatchObject([{ because: 'error' }])
    expect(reading.skipped[0]?.detail).toMatch(/OCR engine failed to start: .*ENOENT/u)
  }, 60_000)
})
