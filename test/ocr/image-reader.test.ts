import { readFileSync } from 'node:fs'

import { describe, expect, test, vi } from 'vitest'

import { SpamFilterConfigError } from '../../src/errors.js'
import { createImageReader, type ImageReaderOptions } from '../../src/ocr/index.js'
import { fakeTesseract } from './fake-tesseract.js'

// A small PNG without a QR code: the reader runs OCR passes on it.
const PNG = readFileSync(new URL('../../fixtures/images/colour-pastel.png', import.meta.url))
const never = (): Promise<string> => new Promise(() => {})

describe('createImageReader', () => {
  describe('starts workers', () => {
    test('only when the first image arrives, and reuses them', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data' })
      expect(tesseract.created).toHaveLength(0)
      for (let i = 0; i < 3; i++) expect((await reader.readBytes(PNG)).text).toBe('discord.gg/ctkpaarr')
      expect(tesseract.created).toHaveLength(1)
      await reader.terminate()
      expect(tesseract.terminated).toBe(1)
    })

    test('up to `workers` of them for images read together', async () => {
      const slow = (): Promise<string> => new Promise((resolve) => setTimeout(() => resolve('discord.gg/ctkpaarr'), 30))
      const tesseract = fakeTesseract({ recognize: slow })
      const reader = createImageReader({ tesseract, langPath: '/data', workers: 2 })
      await Promise.all(Array.from({ length: 5 }, () => reader.readBytes(PNG)))
      expect(tesseract.created).toHaveLength(2)
      await reader.terminate()
    })

    test('offline: language data from langPath only, no cache written, an error handler set', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data/eng', corePath: '/core', workerPath: '/worker.min.js' })
      await reader.readBytes(PNG)
      expect(tesseract.created[0]).toMatchObject({ langPath: '/data/eng', cacheMethod: 'none', gzip: true, corePath: '/core', workerPath: '/worker.min.js', workerBlobURL: false })
      expect(typeof tesseract.created[0]?.errorHandler).toBe('function')
      await reader.terminate()
    })

    test('from the module or its default export', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract: { default: tesseract }, langPath: '/data' })
      expect((await reader.readBytes(PNG)).skipped).toEqual([])
      await reader.terminate()
    })
  })

  describe('turns every failure into a skipped entry', () => {
    // case | tesseract behaviour | reader options | expected because | detail contains
    test.each([
      ['a language file that fails to load (createWorker never settles)', { start: 'fail' as const }, {}, 'error', 'ENOENT'],
      ['a worker that never starts', { start: 'hang' as const }, { startTimeoutMs: 50 }, 'error', 'did not start within 50 ms'],
      ['an image OCR never finishes', { recognize: never }, { timeoutMs: 50 }, 'timeout', 'longer than 50 ms'],
      ['an image tesseract cannot read', { recognize: () => Promise.reject(new Error('Error attempting to read image.')) }, {}, 'error', 'attempting to read image'],
    ])('for %s', async (_case, behaviour, options: Partial<ImageReaderOptions>, because, detail) => {
      const reader = createImageReader({ tesseract: fakeTesseract(behaviour), langPath: '/data', ...options })
      const reading = await reader.readBytes(PNG)
      expect(reading).toMatchObject({ text: '', qrTexts: [], skipped: [{ signal: 'ocr', because }] })
      expect(reading.skipped[0]?.detail).toContain(detail)
      await reader.terminate()
    })

    // case | bytes | reader options | expected because
    test.each([
      ['a file over maxImageBytes', PNG, { maxImageBytes: 1000 }, 'too-large'],
      ['an image over maxPixels', PNG, { maxPixels: 800 * 160 - 1 }, 'too-large'],
      ['bytes that are no image', new TextEncoder().encode('<html>not an image</html>'), {}, 'error'],
      ['an empty file', new Uint8Array(0), {}, 'error'],
      ['a JPEG whose header gives no size', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9, 0, 0), {}, 'error'],
      ['a PNG of 0×0 pixels', Uint8Array.from(PNG.subarray(0, 33)).fill(0, 16, 24), {}, 'error'],
    ])('for %s, without starting a worker', async (_case, bytes, options: Partial<ImageReaderOptions>, because) => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data', ...options })
      expect((await reader.readBytes(bytes)).skipped).toMatchObject([{ signal: 'ocr', because }])
      expect(tesseract.created).toHaveLength(0)
    })

    test('and does not restart a worker whose start failed', async () => {
      const tesseract = fakeTesseract({ start: 'fail' })
      const reader = createImageReader({ tesseract, langPath: '/missing' })
      await reader.readBytes(PNG)
      expect((await reader.readBytes(PNG)).skipped[0]?.detail).toContain('ENOENT')
      expect(tesseract.created).toHaveLength(1)
    })

    test('and replaces a worker whose thread failed, without crashing the process', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data' })
      await reader.readBytes(PNG)
      // An EventEmitter throws on an 'error' event nobody listens to: the reader must listen.
      expect(() => tesseract.threads[0]?.emit('error', new Error('RuntimeError: unreachable'))).not.toThrow()
      expect((await reader.readBytes(PNG)).text).toBe('discord.gg/ctkpaarr')
      expect(tesseract.created).toHaveLength(2)
      await reader.terminate()
    })

    test('and replaces a worker that timed out', async () => {
      let calls = 0
      const tesseract = fakeTesseract({ recognize: () => (++calls === 1 ? never() : Promise.resolve('discord.gg/ctkpaarr')) })
      const reader = createImageReader({ tesseract, langPath: '/data', timeoutMs: 50 })
      expect((await reader.readBytes(PNG)).skipped[0]?.because).toBe('timeout')
      expect(tesseract.terminated).toBe(1)
      expect((await reader.readBytes(PNG)).text).toBe('discord.gg/ctkpaarr')
      expect(tesseract.created).toHaveLength(2)
      await reader.terminate()
    })
  })

  describe('stops on an AbortSignal', () => {
    test('before the image is read', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data' })
      const reading = await reader.readBytes(PNG, { signal: AbortSignal.abort() })
      expect(reading.skipped).toMatchObject([{ because: 'aborted' }])
      expect(tesseract.created).toHaveLength(0)
    })

    test('while the image is being read, ending that worker', async () => {
      const tesseract = fakeTesseract({ recognize: never })
      const reader = createImageReader({ tesseract, langPath: '/data' })
      const controller = new AbortController()
      const reading = reader.readBytes(PNG, { signal: controller.signal })
      await vi.waitFor(() => expect(tesseract.recognized).toBe(1))
      controller.abort()
      expect((await reading).skipped).toMatchObject([{ because: 'aborted', detail: 'aborted while the image was being read' }])
      expect(tesseract.terminated).toBe(1)
    })

    test('while waiting for a busy worker', async () => {
      const tesseract = fakeTesseract({ recognize: never })
      const reader = createImageReader({ tesseract, langPath: '/data', timeoutMs: 60_000 })
      void reader.readBytes(PNG)
      await vi.waitFor(() => expect(tesseract.recognized).toBe(1))
      const controller = new AbortController()
      const waiting = reader.readBytes(PNG, { signal: controller.signal })
      setTimeout(() => controller.abort(), 20)
      expect((await waiting).skipped).toMatchObject([{ because: 'aborted', detail: 'aborted while waiting for an OCR worker' }])
      await reader.terminate()
    })
  })

  describe('terminate', () => {
    test('ends the workers and answers later reads with a skipped entry', async () => {
      const tesseract = fakeTesseract()
      const reader = createImageReader({ tesseract, langPath: '/data' })
      await reader.readBytes(PNG)
      await reader.terminate()
      expect(tesseract.terminated).toBe(1)
      expect((await reader.readBytes(PNG)).skipped).toMatchObject([{ because: 'error', detail: 'the image reader was terminated' }])
      expect(tesseract.created).toHaveLength(1)
    })

    test('answers the read in progress and the reads waiting for a worker at once', async () => {
      const tesseract = fakeTesseract({ recognize: never })
      const reader = createImageReader({ tesseract, langPath: '/data', timeoutMs: 60_000 })
      const running = reader.readBytes(PNG)
      await vi.waitFor(() => expect(tesseract.recognized).toBe(1))
      const waiting = reader.readBytes(PNG)
      await reader.terminate()
      for (const reading of await Promise.all([running, waiting])) {
        expect(reading.skipped).toMatchObject([{ because: 'error', detail: 'the image reader was terminated' }])
      }
      expect(tesseract.terminated).toBe(1)
    })
  })

  describe('throws SpamFilterConfigError', () => {
    // option named | options
    test.each([
      ['tesseract', { langPath: '/data' }],
      ['tesseract', { tesseract: {}, langPath: '/data' }],
      ['langPath', { tesseract: fakeTesseract() }],
      ['langPath', { tesseract: fakeTesseract(), langPath: '' }],
      ['workers', { tesseract: fakeTesseract(), langPath: '/d', workers: 0 }],
      ['workers', { tesseract: fakeTesseract(), langPath: '/d', workers: 1.5 }],
      ['timeoutMs', { tesseract: fakeTesseract(), langPath: '/d', timeoutMs: -1 }],
      ['maxImageBytes', { tesseract: fakeTesseract(), langPath: '/d', maxImageBytes: Number.NaN }],
      ['maxPixels', { tesseract: fakeTesseract(), langPath: '/d', maxPixels: '1e6' }],
      ['fetchImage', { tesseract: fakeTesseract(), langPath: '/d', fetchImage: 'https://x' }],
      ['corePath', { tesseract: fakeTesseract(), langPath: '/d', corePath: 3 }],
      ['gzip', { tesseract: fakeTesseract(), langPath: '/d', gzip: 'yes' }],
    ])('naming %s', (option, options) => {
      const create = (): unknown => createImageReader(options as unknown as ImageReaderOptions)
      expect(create).toThrow(SpamFilterConfigError)
      expect(create).toThrow(`option ${option} `)
    })
  })
})
