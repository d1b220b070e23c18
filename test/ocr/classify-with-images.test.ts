import { describe, expect, test, vi } from 'vitest'

import { createSpamFilter, SpamFilterConfigError } from '../../src/index.js'
import type { ImageReader, ImageReading, ReadImageOptions } from '../../src/ocr/index.js'
import type { StatusMedia } from '../../src/status/normalized-status.js'
import type { MediaAttachmentInput } from '../../src/status/status-input.js'
import { makeMentionStatus, makeSpamAccount, makeStatus, NOW } from '../helpers/make-status.js'

const TARGETS = ['a@one.example', 'b@two.example', 'c@three.example', 'd@four.example']

function image(id: string, overrides: Partial<MediaAttachmentInput> = {}): MediaAttachmentInput {
  return {
    id,
    type: 'image',
    url: `https://files.example/${id}.webp`,
    preview_url: `https://files.example/small/${id}.webp`,
    description: null,
    blurhash: `UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj${id}`,
    meta: { original: { width: 1009, height: 200 } },
    ...overrides,
  }
}

/** The February 2024 shape: a new bare account, mentions only, one image. */
function spamWithImage(media: MediaAttachmentInput = image('m1')) {
  return makeMentionStatus(TARGETS, '', { account: makeSpamAccount(), media_attachments: [media] })
}

/** An image reader answering from a table of texts by media id, counting reads. */
function tableReader(texts: Readonly<Record<string, Partial<ImageReading>>>) {
  const readMedia = vi.fn<(media: StatusMedia, options?: ReadImageOptions) => Promise<ImageReading>>(async (media) => ({ text: '', qrTexts: [], skipped: [], ...texts[media.id ?? ''] }))
  const reader: ImageReader = { readMedia, readBytes: async () => ({ text: '', qrTexts: [], skipped: [] }), terminate: async () => {} }
  return { reader, readMedia }
}

const INVITE = { text: 'discord.gg/ctkpaarr' }

describe('classifyAsync with OCR', () => {
  describe('puts text read from images through the signals', () => {
    test('so an invite drawn in an image fires discord-invite "in an image"', async () => {
      const { reader } = tableReader({ m1: INVITE })
      const filter = createSpamFilter({ ocr: reader, now: NOW })
      const sync = filter.classify(spamWithImage())
      const verdict = await filter.classifyAsync(spamWithImage())
      const reason = verdict.reasons.find((r) => r.signal === 'discord-invite')
      expect(reason?.message).toContain('in an image')
      expect(reason?.evidence).toEqual(['discord.gg/ctkpaarr'])
      expect(verdict.score).toBeGreaterThan(sync.score)
      expect(verdict.label).toBe('spam')
    })

    test('so an invite in a QR code fires discord-invite', async () => {
      const { reader } = tableReader({ m1: { qrTexts: ['https://discord.gg/ctkpaarr'] } })
      const verdict = await createSpamFilter({ ocr: reader, now: NOW }).classifyAsync(spamWithImage())
      expect(verdict.reasons.map((r) => r.signal)).toContain('discord-invite')
    })

    test('so a wave phrase in an image fires phrase-list', async () => {
      const { reader } = tableReader({ m1: { text: 'BTCTurboMiner Made Me $500 in 3 Hours' } })
      const verdict = await createSpamFilter({ ocr: reader, now: NOW }).classifyAsync(spamWithImage())
      expect(verdict.reasons.find((r) => r.signal === 'phrase-list')?.message).toContain('in an image')
    })
  })

  test('counts the status once: the second run with image text does not see it as a copy of itself', async () => {
    const { reader } = tableReader({ m1: { text: 'nothing special here' } })
    const status = makeMentionStatus(TARGETS.slice(0, 3), 'hello friends', { account: makeSpamAccount(), media_attachments: [image('m1')] })
    const verdict = await createSpamFilter({ ocr: reader, ocrMode: 'always', now: NOW }).classifyAsync(status)
    expect(verdict.reasons).toEqual(createSpamFilter({ now: NOW }).classify(status).reasons)
  })

  describe('reads images', () => {
    // mode | status | reads
    test.each([
      ['when-suspicious', 'a suspicious status', spamWithImage(), 1],
      ['when-suspicious', 'a clean status', makeStatus({ media_attachments: [image('m1')] }), 0],
      ['always', 'a clean status', makeStatus({ media_attachments: [image('m1')] }), 1],
      ['never', 'a suspicious status', spamWithImage(), 0],
      ['always', 'a status without images', makeStatus(), 0],
      ['always', 'a status with a video only', makeStatus({ media_attachments: [image('v1', { type: 'video' })] }), 0],
      ['always', 'a status with 6 images (at most 4 read)', makeStatus({ media_attachments: ['1', '2', '3', '4', '5', '6'].map((id) => image(id)) }), 4],
    ] as const)('in mode %s for %s: %i', async (ocrMode, _name, status, reads) => {
      const { reader, readMedia } = tableReader({})
      await createSpamFilter({ ocr: reader, ocrMode, now: NOW }).classifyAsync(status)
      expect(readMedia).toHaveBeenCalledTimes(reads)
    })

    test('by default only when the status is at least suspicious', async () => {
      const { reader, readMedia } = tableReader({})
      const filter = createSpamFilter({ ocr: reader, now: NOW })
      await filter.classifyAsync(makeStatus({ media_attachments: [image('m1')] }))
      expect(readMedia).not.toHaveBeenCalled()
    })

    test('not for an allow-listed author, even in mode always', async () => {
      const { reader, readMedia } = tableReader({})
      const filter = createSpamFilter({ ocr: reader, ocrMode: 'always', allow: { accounts: ['5wq130rvkg@spam.example'] } })
      expect((await filter.classifyAsync(spamWithImage())).label).toBe('clean')
      expect(readMedia).not.toHaveBeenCalled()
    })

    test('passing the call’s AbortSignal to the reader', async () => {
      const { reader, readMedia } = tableReader({})
      const signal = new AbortController().signal
      await createSpamFilter({ ocr: reader, now: NOW }).classifyAsync(spamWithImage(), { signal })
      expect(readMedia.mock.calls[0]?.[1]).toEqual({ signal })
    })
  })

  describe('reads an image once', () => {
    // what the second status shares with the first
    test.each([
      ['the media id', image('m1'), image('m1', { url: 'https://other.example/x.webp', preview_url: null, blurhash: null })],
      ['the URL', image('m1'), image('m2', { url: 'https://files.example/m1.webp', blurhash: null, preview_url: null })],
      ['the blurhash (one picture uploaded to many servers)', image('m1'), image('m2', { url: 'https://x.example/a.webp', preview_url: null, blurhash: image('m1').blurhash ?? null })],
    ])('when statuses share %s', async (_shared, first, second) => {
      const { reader, readMedia } = tableReader({ m1: INVITE })
      const filter = createSpamFilter({ ocr: reader, now: NOW })
      await filter.classifyAsync(spamWithImage(first))
      const verdict = await filter.classifyAsync(spamWithImage(second))
      expect(readMedia).toHaveBeenCalledTimes(1)
      expect(verdict.reasons.map((r) => r.signal)).toContain('discord-invite')
    })

    test('when a wave of statuses with it arrives at once', async () => {
      const { reader, readMedia } = tableReader({ m1: INVITE })
      const filter = createSpamFilter({ ocr: reader, now: NOW })
      const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => filter.classifyAsync(spamWithImage(image('m1', { id: `copy${i}` })))))
      expect(readMedia).toHaveBeenCalledTimes(1)
      expect(verdicts.every((v) => v.label === 'spam')).toBe(true)
    })

    test('but again after a failed read, and after the cache forgot it', async () => {
      let calls = 0
      const readMedia = vi.fn(async (): Promise<ImageReading> => (++calls === 1 ? { text: '', qrTexts: [], skipped: [{ signal: 'ocr', because: 'timeout' }] } : { text: '', qrTexts: [], skipped: [] }))
      const filter = createSpamFilter({ ocr: { readMedia, readBytes: readMedia, terminate: async () => {} }, ocrCacheSize: 1, now: NOW })
      await filter.classifyAsync(spamWithImage(image('m1')))
      await filter.classifyAsync(spamWithImage(image('m1')))
      expect(readMedia).toHaveBeenCalledTimes(2)
      await filter.classifyAsync(spamWithImage(image('m2')))
      await filter.classifyAsync(spamWithImage(image('m1')))
      expect(readMedia).toHaveBeenCalledTimes(4)
    })
  })

  describe('never rejects', () => {
    test('listing failed reads in skipped and keeping the synchronous reasons', async () => {
      const { reader } = tableReader({ m1: { skipped: [{ signal: 'ocr', because: 'timeout', detail: 'OCR took longer than 30000 ms' }] } })
      const filter = createSpamFilter({ ocr: reader, now: NOW })
      const verdict = await filter.classifyAsync(spamWithImage())
      expect(verdict.skipped).toEqual([{ signal: 'ocr', because: 'timeout', detail: 'OCR took longer than 30000 ms' }])
      expect(verdict.reasons).toEqual(filter.classify(spamWithImage()).reasons)
    })

    test('when a custom reader rejects', async () => {
      const readMedia = vi.fn(() => Promise.reject(new Error('disk on fire')))
      const filter = createSpamFilter({ ocr: { readMedia, readBytes: readMedia, terminate: async () => {} }, now: NOW })
      expect((await filter.classifyAsync(spamWithImage())).skipped).toMatchObject([{ signal: 'ocr', because: 'error', detail: 'disk on fire' }])
    })

    // input
    test.each([[null], ['text'], [[1, 2]], [{ media_attachments: 'x' }]])('for input %j', async (input) => {
      const { reader } = tableReader({})
      const verdict = await createSpamFilter({ ocr: reader, ocrMode: 'always' }).classifyAsync(input)
      expect(verdict.label).toBe('clean')
    })
  })

  describe('throws SpamFilterConfigError at creation', () => {
    // option named | options
    test.each([
      ['ocrMode', { ocrMode: 'sometimes' }],
      ['ocr', { ocr: {} }],
      ['ocr', { ocr: 'tesseract' }],
      ['ocrCacheSize', { ocrCacheSize: 0 }],
      ['ocrCacheSize', { ocrCacheSize: 2.5 }],
    ])('naming %s', (option, options) => {
      const create = (): unknown => createSpamFilter(options as never)
      expect(create).toThrow(SpamFilterConfigError)
      expect(create).toThrow(`option ${option} `)
    })
  })
})

describe('classifyAsync on a quote post', () => {
  test("keeps the quote's verdict next to the post's images read", async () => {
    const { reader } = tableReader({ m1: INVITE })
    const quoted = makeMentionStatus(TARGETS, 'join us', { id: '900', account: makeSpamAccount() })
    const post = { ...spamWithImage(), quote: { state: 'accepted', quoted_status: quoted } }
    const filter = createSpamFilter({ ocr: reader, now: NOW, memory: false })
    const verdict = await filter.classifyAsync(post)
    expect(verdict.reasons.map((r) => r.signal)).toContain('discord-invite')
    expect(verdict.quote).toMatchObject({ state: 'accepted', id: '900' })
    expect(verdict.quote?.verdict?.label).toBe(filter.classify(quoted).label)
    expect(verdict.reasons.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(verdict.score, 1)
  })
})

