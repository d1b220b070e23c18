import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { classifyStatus, toFilterResult, type Verdict } from '../src/index.js'
import { makeStatus, makeWaveStatus } from './helpers/make-status.js'

const fixture = (file: string): unknown => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/statuses', file), 'utf8'))
const imageStatus = (extra = {}) =>
  makeStatus({
    content: '<p>look</p>',
    media_attachments: [{ id: '1', type: 'image', blurhash: 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', meta: { original: { width: 1009, height: 200 } } }],
    ...extra,
  })

describe('toFilterResult', () => {
  test('gives the FilterResult shape Mastodon puts in status.filtered', () => {
    const verdict = classifyStatus(fixture('spam/2024-02-arashi-link-01.json'))
    expect(toFilterResult(verdict)).toEqual({
      filter: { id: 'mastodon-spam-filter', title: 'Potential spam', context: ['home', 'notifications', 'public', 'thread', 'account'], filter_action: 'warn', expires_at: null, keywords: [], statuses: [] },
      keyword_matches: ['荒らし.com', '@user01@example.social', '@user02@example.net', '@user03@example.org', '@user04@example.social'],
      status_matches: null,
    })
  })

  test('is undefined for a clean verdict, so nothing is appended', () => {
    expect(toFilterResult(classifyStatus(makeStatus()))).toBeUndefined()
  })

  // case | verdict | options | action
  test.each([
    ['suspicious → warn', classifyStatus(fixture('spam/2026-03-crowdfunding-blast-01.json')), {}, 'warn'],
    ['spam → warn by default', classifyStatus(makeWaveStatus()), {}, 'warn'],
    ['spam → hide when asked', classifyStatus(makeWaveStatus()), { spam: 'hide' as const }, 'hide'],
    ['suspicious stays warn when spam hides', classifyStatus(fixture('spam/2026-03-crowdfunding-blast-01.json')), { spam: 'hide' as const }, 'warn'],
  ])('%s', (_case, verdict, options, action) => {
    expect(verdict.label).not.toBe('clean')
    expect(toFilterResult(verdict, options)?.filter.filter_action).toBe(action)
  })

  test('blurs when every piece of post evidence is in the pictures', () => {
    const verdict = classifyStatus(imageStatus())
    expect(verdict.reasons.map((r) => r.signal)).toEqual(['known-spam-image'])
    expect(toFilterResult(verdict)?.filter.filter_action).toBe('blur')
    expect(toFilterResult(verdict, { blurImageOnly: false, spam: 'hide' })?.filter.filter_action).toBe('hide')
    // Text read from an image (OCR) is image evidence too.
    const ocr: Verdict = { label: 'suspicious', score: 3.5, skipped: [], reasons: [{ signal: 'discord-invite', score: 3.5, message: '', params: { inImage: true, count: 1, invite: 'discord.gg/x' }, evidence: ['discord.gg/x'] }] }
    expect(toFilterResult(ocr)?.filter.filter_action).toBe('blur')
    // A picture and a mention blast: the text is evidence too, so warn.
    const mixed = classifyStatus(fixture('spam/2024-02-mentions-image-01.json'))
    expect(mixed.reasons.map((r) => r.signal)).toContain('known-spam-image')
    expect(toFilterResult(mixed)?.filter.filter_action).toBe('warn')
  })

  test('takes an id, a title, a locale and contexts; gives masto.js camelCase on request', () => {
    const verdict = classifyStatus(makeWaveStatus())
    expect(toFilterResult(verdict, { locale: 'ja' })?.filter.title).toBe('スパムの可能性')
    const result = toFilterResult(verdict, { id: 'spam', title: 'Spam?', context: ['home'], shape: 'masto' })
    expect(result?.filter).toEqual({ id: 'spam', title: 'Spam?', context: ['home'], filterAction: 'warn', expiresAt: null, keywords: [], statuses: [] })
    expect(result?.statusMatches).toBeNull()
  })
})
