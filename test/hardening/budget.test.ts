/**
 * Issue 12, rows "bounded time" and "linear": one status inside the default limits used to cost
 * 1.8–7 s with `skipped` empty. Now the text fields share one budget per status (the most
 * important first) and a `truncated` entry says what was not read.
 */
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { createSpamFilter } from '../../src/filter.js'
import type { ImageReader } from '../../src/ocr/index.js'
import { resolveOptions } from '../../src/options.js'
import { readStatus } from '../../src/status/read-status.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'
import { costRatio } from '../helpers/cost-ratio.js'
import { makeStatus } from '../helpers/make-status.js'

const BUDGET = 200_000

/** Fullwidth Latin words (NFKC folds them to ASCII): the costliest script measured. */
function fullwidth(length: number): string {
  let text = ''
  for (let i = 0; text.length < length; i++) text += i % 8 === 7 ? ' ' : String.fromCharCode(0xff41 + (i % 26))
  return text.slice(0, length)
}

const FW_1K = fullwidth(1_000)
const FW_5K = fullwidth(5_000)
const FW_99K = fullwidth(99_000)
const FW_100K = FW_99K + FW_1K
const FW_3M = FW_100K.repeat(31)
const A_50K = 'a'.repeat(50_000)
const M_10K = 'm'.repeat(10_000)
const B_3M = 'b'.repeat(3_100_000)

/** The status of the issue: every field at the default limits, at once (long strings shared, so building it is cheap). */
function hostileStatus() {
  return makeStatus({
    content: `<p>${FW_99K}</p>`,
    spoiler_text: FW_5K,
    poll: { options: Array.from({ length: 500 }, () => ({ title: FW_1K })) },
    media_attachments: Array.from({ length: 500 }, (_, i) => ({ id: String(i), type: 'image', description: FW_5K, url: `https://x.example/${A_50K}${i}` })),
    card: { url: `https://card.example/${B_3M}`, title: FW_3M, description: FW_3M },
    tags: Array.from({ length: 500 }, (_, i) => ({ name: `${FW_5K}${i}` })),
    mentions: Array.from({ length: 500 }, (_, i) => ({ acct: `${M_10K}${i}@x.example`, url: `https://x.example/@${M_10K}${i}` })),
  })
}

/** Characters of text the signals will read: the work measure the budget bounds. */
function textRead(status: NormalizedStatus): number {
  return status.text.length + status.spoilerText.length + status.extraTexts.reduce((sum, text) => sum + text.length, 0)
}

describe('the work budget per status', () => {
  test('the issue’s status: at most the budget is read, and the verdict says what was cut', () => {
    const status = readStatus(hostileStatus(), undefined, resolveOptions().limits)
    expect(textRead(status)).toBeLessThanOrEqual(BUDGET)
    expect(status.cut).toEqual(['poll options', 'alt texts'])
    const verdict = classifyStatus(hostileStatus())
    expect(verdict.skipped).toContainEqual(expect.objectContaining({ signal: 'input', because: 'truncated', detail: expect.stringContaining('alt texts') }))
  })

  test('names, ids and URLs are capped before any work, not counted against the text', () => {
    const status = readStatus(hostileStatus(), undefined)
    expect(Math.max(...status.hashtags.map((tag) => tag.length))).toBeLessThanOrEqual(1_000)
    expect(Math.max(...status.mentions.map((m) => m.acct.length))).toBeLessThanOrEqual(1_000 + 'x.example'.length + 1)
    expect(status.card?.url.length).toBeLessThanOrEqual(8_192)
    expect(Math.max(...status.media.map((m) => m.url?.length ?? 0))).toBeLessThanOrEqual(8_192)
  })

  test('the fields that matter most are read first: content and CW whole, alt texts last', () => {
    const content = 'join my server discord.gg/abcdef free nitro'
    const status = readStatus(
      makeStatus({ content: `<p>${content}</p>`, spoiler_text: 'cw', media_attachments: [{ id: '1', type: 'image', description: 'x'.repeat(5_000) }] }),
      undefined,
      { maxContentLength: 100_000, maxListLength: 500, maxTextLength: 100 },
    )
    expect(status.text).toBe(content)
    expect(status.spoilerText).toBe('cw')
    expect(status.media[0]?.description.length).toBe(100 - content.length - 2 - '<p></p>'.length)
    expect(status.cut).toEqual(['alt texts'])
  })

  test('a status within the budget is not truncated', () => {
    const status = readStatus(makeStatus({ content: '<p>hello</p>', poll: { options: [{ title: 'a' }, { title: 'b' }] } }), undefined)
    expect(status.truncated).toBe(false)
    expect(status.cut).toBeUndefined()
  })

  test('image text is read against what is left of the budget', async () => {
    const ocr: ImageReader = { readMedia: async () => ({ text: 'discord.gg/abcdef '.repeat(10_000), qrTexts: [], skipped: [] }), readBytes: async () => ({ text: '', qrTexts: [], skipped: [] }), terminate: async () => {} }
    const filter = createSpamFilter({ ocr, ocrMode: 'always', limits: { maxTextLength: 1_000 } })
    const verdict = await filter.classifyAsync(makeStatus({ content: '<p>hello</p>', media_attachments: [{ id: '1', type: 'image' }] }))
    expect(verdict.skipped).toContainEqual(expect.objectContaining({ because: 'truncated', detail: expect.stringContaining('image text') }))
    // The invite at the start of the image text is still read.
    expect(verdict.reasons.map((r) => r.signal)).toContain('discord-invite')
  })

  test('limits.maxTextLength is checked like the other limits', () => {
    expect(() => classifyStatus({}, { limits: { maxTextLength: 0 } })).toThrow(/limits\.maxTextLength/u)
  })
})

describe('cost is linear in the text, whatever the script', () => {
  /** Mixed scripts: Latin, Cyrillic look-alikes, fullwidth, Japanese, emoji, combining marks, a link. */
  const PIECES = ['free ', 'nіtro ', 'ｄｉｓｃｏｒｄ ', '荒らし ', 'サーバー ', '😀 ', 'd\u0338i\u0301s ', 'ο ', 'https://ex.example/a ', '@bob ', '#tag ']
  function mixed(length: number): string {
    let text = ''
    for (let i = 0; text.length < length; i++) text += PIECES[(i * 7) % PIECES.length]
    return text.slice(0, length)
  }

  test('4× the characters costs well under 8× (a ratio of the fastest runs, not a time limit)', () => {
    const small = makeStatus({ content: `<p>${mixed(20_000)}</p>`, poll: { options: [{ title: mixed(1_000) }] }, media_attachments: [{ id: '1', type: 'image', description: mixed(5_000) }] })
    const large = makeStatus({ content: `<p>${mixed(80_000)}</p>`, poll: { options: Array.from({ length: 4 }, () => ({ title: mixed(1_000) })) }, media_attachments: Array.from({ length: 4 }, (_, i) => ({ id: String(i), type: 'image', description: mixed(5_000) })) })
    expect(costRatio(() => classifyStatus(small), () => classifyStatus(large))).toBeLessThan(8)
  })
})
