import { describe, expect, test } from 'vitest'

import { linksOf, scanLinks } from '../../src/links/status-links.js'
import type { NormalizedStatus } from '../../src/status/normalized-status.js'
import { makeContext, normalize } from '../helpers/evaluate.js'
import { makeStatus } from '../helpers/make-status.js'

const scan = (overrides: Parameters<typeof makeStatus>[0]): ReturnType<typeof scanLinks> => scanLinks(normalize(makeStatus(overrides)))

describe('scanLinks', () => {
  describe('finds links', () => {
    // where | status fields | url, host and origin found
    test.each([
      ['in a content anchor', { content: '<p><a href="https://xn--68j5e377y.com/">荒らし.com/</a></p>' }, ['https://xn--68j5e377y.com/', '荒らし.com', 'content']],
      ['in the preview card', { card: { url: 'https://荒らし.com/', title: '荒らし共栄圏', description: '' } }, ['https://荒らし.com/', '荒らし.com', 'card']],
      ['written as text', { content: '<p>見て ctkpaarr。org です</p>' }, ['ctkpaarr.org', 'ctkpaarr.org', 'text']],
      ['in the content warning', { spoiler_text: 'krsw-wiki.org' }, ['krsw-wiki.org', 'krsw-wiki.org', 'text']],
      ['in a poll option', { poll: { options: [{ title: 'yip.su/25X8U6' }] } }, ['yip.su/25X8U6', 'yip.su', 'text']],
      ['in a media description', { media_attachments: [{ id: '1', type: 'image', url: 'https://files.example/1.webp', description: 'ｄｉｓｃｏｒｄ．ｇｇ/ctkpaarr' }] }, ['discord.gg/ctkpaarr', 'discord.gg', 'text']],
    ])('%s', (_where, overrides, [url, host, origin]) => {
      expect(scan(overrides as never).links).toContainEqual(expect.objectContaining({ url, host, origin }))
    })
  })

  test('does not search anchors again as text', () => {
    const result = scan({ content: '<p><a href="https://example.com/a">example.com/a</a></p>' })
    expect(result.links.map((l) => l.origin)).toEqual(['content'])
  })

  test('scans text read from images, marked as from an image', () => {
    const status: NormalizedStatus = { ...normalize(makeStatus()), imageTexts: ['DISCORD.GG/CTKPAARR', 'see krsw-wiki.org'] }
    const result = scanLinks(status)
    expect(result.invites).toEqual([{ host: 'discord.gg', code: 'CTKPAARR', match: 'DISCORD.GG/CTKPAARR', origin: 'image' }])
    expect(result.links).toContainEqual(expect.objectContaining({ host: 'krsw-wiki.org', origin: 'image' }))
  })

  test('finds each invite once, from the href and the text', () => {
    const result = scan({ content: '<p><a href="https://discord.gg/TfcWHMV4">discord.gg/TfcWHMV4</a> or discord . gg / TfcWHMV4</p>' })
    expect(result.invites).toEqual([{ host: 'discord.gg', code: 'TfcWHMV4', match: 'discord.gg/TfcWHMV4', origin: 'content' }])
  })

  test('keeps at most 100 links', () => {
    const content = Array.from({ length: 150 }, (_, i) => `<a href="https://s${i}.example/">s${i}</a>`).join(' ')
    expect(scan({ content }).links).toHaveLength(100)
  })
})

describe('linksOf', () => {
  test('uses the scan of the context', () => {
    const status = normalize(makeStatus())
    const mine = { links: [], invites: [] }
    expect(linksOf(status, { ...makeContext(status), links: () => mine })).toBe(mine)
  })

  test('scans when the context has no scan', () => {
    const status = normalize(makeStatus({ content: '<p>krsw-wiki.org</p>' }))
    expect(linksOf(status, makeContext(status)).links.map((l) => l.host)).toEqual(['krsw-wiki.org'])
  })
})
