/**
 * Issue 12, row "never hangs": `classifyAsync` settles whatever `fetchImage` or the engine does —
 * raced against the caller's signal and the time limit, and `terminate()` settles every pending
 * read. On the landed main these stayed pending (15 s and more).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSpamFilter } from '../../src/index.js'
import { createImageReader, type ImageReader, type ImageReaderOptions } from '../../src/ocr/index.js'
import type { Verdict } from '../../src/verdict.js'
import { makeMentionStatus, makeSpamAccount } from '../helpers/make-status.js'
import { fakeTesseract } from '../ocr/fake-tesseract.js'

const PNG = new Uint8Array(readFileSync(new URL('../../fixtures/images/colour-pastel.png', import.meta.url)))
const TARGETS = ['a@one.example', 'b@two.example', 'c@three.example', 'd@four.example']
const spam = () => makeMentionStatus(TARGETS, '', { account: makeSpamAccount(), media_attachments: [{ id: 'm1', type: 'image', preview_url: 'https://files.example/m1.png' }] })
const never = <T>(): Promise<T> => new Promise<T>(() => {})

/** The promise's value, or 'pending' when it has not settled within `ms` (a bound far above the expected time). */
async function within<T>(promise: Promise<T>, ms = 2_000): Promise<T | 'pending'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

function reader(options: Partial<ImageReaderOptions>, tesseract = fakeTesseract()): ImageReader {
  return createImageReader({ tesseract, langPath: '/data', ...options })
}

const skippedOf = (verdict: Verdict | 'pending') => (verdict === 'pending' ? 'pending' : verdict.skipped.filter((s) => s.signal === 'ocr'))

describe('classifyAsync settles', () => {
  test('a fetchImage that never settles, the signal aborted: settles as aborted', async () => {
    const ocr = reader({ fetchImage: never, timeoutMs: 60_000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const verdict = await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam(), { signal: controller.signal }))
    expect(skippedOf(verdict)).toMatchObject([{ because: 'aborted' }])
    await ocr.terminate()
  })

  test('a fetchImage that never settles, no signal: settles at the time limit', async () => {
    const ocr = reader({ fetchImage: never, timeoutMs: 50 })
    const verdict = await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam()))
    expect(skippedOf(verdict)).toMatchObject([{ because: 'timeout', detail: expect.stringContaining('fetching') }])
    await ocr.terminate()
  })

  test('terminate() settles every pending read as skipped', async () => {
    const ocr = reader({ fetchImage: never, timeoutMs: 60_000 }, fakeTesseract({ recognize: never }))
    const filter = createSpamFilter({ ocr, ocrMode: 'always' })
    const verdicts = [filter.classifyAsync(spam()), filter.classifyAsync({ ...spam(), id: 'other', media_attachments: [{ id: 'm2', type: 'image' }] })]
    const direct = ocr.readBytes(PNG)
    setTimeout(() => void ocr.terminate(), 30)
    for (const verdict of await within(Promise.all(verdicts)).then((v) => (v === 'pending' ? ['pending' as const] : v))) {
      expect(skippedOf(verdict)).toMatchObject([{ because: 'error', detail: expect.stringContaining('terminated') }])
    }
    expect(await within(direct)).toMatchObject({ skipped: [{ detail: expect.stringContaining('terminated') }] })
  })

  test('an engine that never starts: the signal settles it (the start time limit is not waited for)', async () => {
    const ocr = reader({ fetchImage: async () => PNG, timeoutMs: 60_000, startTimeoutMs: 60_000 }, fakeTesseract({ start: 'hang' }))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const verdict = await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam(), { signal: controller.signal }))
    expect(skippedOf(verdict)).toMatchObject([{ because: 'aborted' }])
    await ocr.terminate()
  })

  test('an engine that never starts: terminate() settles it', async () => {
    const ocr = reader({ fetchImage: async () => PNG, timeoutMs: 60_000, startTimeoutMs: 60_000 }, fakeTesseract({ start: 'hang' }))
    const pending = createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam())
    setTimeout(() => void ocr.terminate(), 30)
    expect(skippedOf(await within(pending))).toMatchObject([{ because: 'error' }])
  })

  test('an engine that never answers: the time limit settles it', async () => {
    const ocr = reader({ fetchImage: async () => PNG, timeoutMs: 50 }, fakeTesseract({ recognize: never }))
    expect(skippedOf(await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam())))).toMatchObject([{ because: 'timeout' }])
    await ocr.terminate()
  })

  test('a custom reader that never settles: the call’s signal settles classifyAsync', async () => {
    const ocr: ImageReader = { readMedia: never, readBytes: never, terminate: async () => {} }
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const verdict = await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam(), { signal: controller.signal }))
    expect(skippedOf(verdict)).toMatchObject([{ because: 'aborted' }])
  })

  test.each([
    ['throws', (): never => {
      throw new Error('sync')
    }],
    ['returns undefined', () => undefined],
    ['answers garbage', async () => ({ text: 5, qrTexts: 'x', skipped: null })],
    ['rejects with a cyclic object', async () => {
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      throw cyclic
    }],
  ])('a custom reader that %s: classifyAsync still resolves', async (_case, readMedia) => {
    const ocr = { readMedia, readBytes: never, terminate: async () => {} } as unknown as ImageReader
    const verdict = await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam()))
    expect(verdict).not.toBe('pending')
    expect(verdict).toHaveProperty('label')
  })

  test('a fetchImage that rejects with a cyclic object or a revoked proxy is a skipped entry', async () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const thrown of [cyclic, proxy]) {
      const ocr = reader({ fetchImage: () => Promise.reject(thrown as Error) })
      expect(skippedOf(await within(createSpamFilter({ ocr, ocrMode: 'always' }).classifyAsync(spam())))).toMatchObject([{ because: 'error' }])
      await ocr.terminate()
    }
  })
})
