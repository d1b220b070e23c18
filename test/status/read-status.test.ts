import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { readStatus, unwrapStatus } from '../../src/status/read-status.js'
import { normalize } from '../helpers/evaluate.js'
import { HOUR, makeAccount, makeMentionStatus, makeStatus, mentionEntry, mentionHtml, snowflakeId, someAccts } from '../helpers/make-status.js'

const VIEWER = { acct: 'me@example.social' }
const MIDNIGHT = Date.UTC(2024, 1, 16)

describe('unwrapStatus', () => {
  test('returns a status as it is', () => {
    const status = makeStatus()
    expect(unwrapStatus(status)).toBe(status)
  })

  test('returns the boosted status of a boost', () => {
    const boosted = makeStatus({ id: 'boosted', account: { acct: 'bob@other.example', username: 'bob' } })
    expect(unwrapStatus(makeStatus({ content: '', reblog: boosted }))).toBe(boosted)
  })

  test('returns the status of a mention Notification', () => {
    const status = makeStatus()
    expect(unwrapStatus({ id: '1', type: 'mention', created_at: '2024-02-16T12:00:00Z', account: makeAccount(), status })).toBe(status)
  })

  test('returns the boosted status of a Notification about a boost', () => {
    const boosted = makeStatus({ id: 'boosted' })
    expect(unwrapStatus({ type: 'status', status: makeStatus({ reblog: boosted }) })).toBe(boosted)
  })

  // input
  test.each([[null], [undefined], ['status'], [42], [true], [[makeStatus()]]])('is undefined for %j', (input) => {
    expect(unwrapStatus(input)).toBeUndefined()
  })

  test('classifies the boosted status, not the boost', () => {
    const boost = makeStatus({ content: '', account: { acct: 'booster@example.social' }, reblog: makeMentionStatus(['a@x.example', 'b@y.example']) })
    expect(normalize(boost).mentions.map((m) => m.acct)).toEqual(['a@x.example', 'b@y.example'])
    expect(classifyStatus(boost).reasons.map((r) => r.signal)).toContain('mention-density')
  })
})

describe('readStatus', () => {
  describe('treats missing or wrongly typed fields as no evidence', () => {
    // field overrides | what is read
    test.each([
      [{ content: 42 }, { text: '', prose: '' }],
      [{ content: null }, { text: '' }],
      [{ content: ['<p>x</p>'] }, { text: '' }],
      [{ mentions: 'alice bob' }, { mentions: [] }],
      [{ mentions: [null, 3, 'x', {}] }, { mentions: [] }],
      [{ tags: 5 }, { hashtags: [] }],
      [{ tags: [{ name: 7 }, null, { name: 'OK' }] }, { hashtags: ['ok'] }],
      [{ media_attachments: {} }, { media: [] }],
      [{ created_at: 1708084800000 }, { createdAt: undefined }],
      [{ created_at: 'yesterday' }, { createdAt: undefined }],
      [{ id: 123 }, { id: '123' }],
      [{ id: {} }, { id: undefined }],
      [{ spoiler_text: ['cw'] }, { spoilerText: '' }],
      [{ in_reply_to_id: 5 }, { isReply: true }],
      [{ in_reply_to_id: '' }, { isReply: false }],
      [{ poll: { options: 'yes' } }, { extraTexts: [] }],
      [{ card: { url: 5, title: 'x' } }, { card: undefined }],
      [{ visibility: 1, language: false }, { visibility: undefined, language: undefined }],
    ])('%j', (overrides, expected) => {
      expect(normalize(makeStatus(overrides as never))).toMatchObject(expected)
    })

    // account | what is read of the author
    test.each([
      [null, { acct: '', username: '', host: undefined, createdAt: undefined, hasDefaultAvatar: false, bot: false }],
      ['alice', { acct: '', username: '' }],
      [{ followers_count: '12', following_count: -1, statuses_count: 'many' }, { followersCount: 12, followingCount: undefined, statusesCount: undefined }],
      [{ followers_count: Number.NaN, following_count: Number.POSITIVE_INFINITY }, { followersCount: undefined, followingCount: undefined }],
      [{ bot: 'true' }, { bot: false }],
      [{ acct: 5, username: 'carol', url: 'https://c.example/@carol' }, { acct: 'carol', username: 'carol', host: 'c.example' }],
      [{ display_name: 42, note: { html: 'x' } }, { displayName: '', hasBio: false }],
      [{ fields: 'x' }, { fieldsCount: 0 }],
    ])('account %j', (account, expected) => {
      const status = { ...makeStatus(), account }
      expect(normalize(status).author).toMatchObject(expected)
    })

    test('for getters that throw', () => {
      const status = makeStatus()
      const hostile = Object.defineProperties({ ...status }, {
        content: { get: () => { throw new Error('content') }, enumerable: true },
        mentions: { get: () => { throw new Error('mentions') }, enumerable: true },
      })
      const media: unknown[] = []
      Object.defineProperty(media, 0, { get: () => { throw new Error('media[0]') }, enumerable: true })
      const withMedia = { ...status, media_attachments: media }
      expect(normalize(hostile)).toMatchObject({ text: '', mentions: [] })
      expect(normalize(withMedia).media).toEqual([])
    })

    test('keeping every other field when one getter throws (status, account, mention)', () => {
      const thrower = { get: (): never => { throw new Error('getter') }, enumerable: true }
      const base = makeMentionStatus(someAccts(3), 'hello', { spoiler_text: 'cw', language: 'ja' })
      const account = Object.defineProperty({ ...makeAccount({ acct: 'spammer@spam.example' }) }, 'note', thrower)
      const mentions = (base.mentions as object[]).map((m, i) => (i === 0 ? Object.defineProperty({ ...m }, 'id', thrower) : m))
      const hostile = Object.defineProperty({ ...base, account, mentions }, 'poll', thrower)
      const read = normalize(hostile)
      const plain = normalize({ ...base, account: makeAccount({ acct: 'spammer@spam.example' }) })
      expect(read.text).toBe(plain.text)
      expect(read.spoilerText).toBe('cw')
      expect(read.language).toBe('ja')
      expect(read.author.acct).toBe('spammer@spam.example')
      expect(read.author.hasBio).toBe(false)
      expect(read.mentions.map((m) => m.acct)).toEqual(plain.mentions.map((m) => m.acct))
      expect(read.mentions[0]?.id).toBeUndefined()
    })

    test('for a proxy whose every trap throws', () => {
      const trap = (): never => {
        throw new Error('trap')
      }
      const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap })
      const arrayProxy = new Proxy([], { get: trap, has: trap })
      expect(classifyStatus(proxy).label).toBe('clean')
      expect(classifyStatus({ type: 'mention', status: proxy }).label).toBe('clean')
      expect(classifyStatus(new Proxy({ type: 'mention', status: makeStatus() }, { has: trap })).label).toBe('clean')
      expect(classifyStatus(makeStatus({ mentions: arrayProxy as never })).label).toBe('clean')
    })
  })

  describe('reads mentions', () => {
    test('from the array and the HTML without counting one account twice', () => {
      // `alice` is local: the array says `alice`, the HTML links her profile on the viewer's server.
      const status = makeStatus({
        content: `<p>${mentionHtml('alice@example.social')} ${mentionHtml('bob@b.example')} ${mentionHtml('carol@c.example')}</p>`,
        mentions: [mentionEntry('alice'), mentionEntry('bob@b.example')],
      })
      expect(normalize(status, { viewer: VIEWER }).mentions.map((m) => m.acct)).toEqual(['alice@example.social', 'bob@b.example', 'carol@c.example'])
    })

    test('without the viewer host, a local acct still matches its h-card', () => {
      const status = makeStatus({ content: `<p>${mentionHtml('alice@example.social')}</p>`, mentions: [{ acct: 'alice', username: 'alice' }] })
      expect(normalize(status).mentions.map((m) => m.acct)).toEqual(['alice'])
    })

    test('counts accounts with the same username on different servers apart', () => {
      const status = makeStatus({ content: `<p>${mentionHtml('bob@a.example')} ${mentionHtml('bob@b.example')}</p>`, mentions: [] })
      expect(normalize(status).mentions.map((m) => m.acct)).toEqual(['bob@a.example', 'bob@b.example'])
    })

    test('counts an account listed twice once', () => {
      const status = makeStatus({ content: '<p>hi</p>', mentions: [mentionEntry('bob@b.example'), mentionEntry('bob@b.example')] })
      expect(normalize(status).mentions).toHaveLength(1)
    })

    test('reads a Misskey-style mention with the host in its text', () => {
      const status = makeStatus({ content: '<p><a href="https://misskey.example/@carol" class="u-url mention">@carol@misskey.example</a> hi</p>', mentions: [] })
      expect(normalize(status).mentions.map((m) => m.acct)).toEqual(['carol@misskey.example'])
    })

    test('removes plain-text @mentions from the prose', () => {
      const status = makeMentionStatus(['bob@b.example'], 'cc @carol@c.example and thanks')
      expect(normalize(status).prose.replace(/\s+/gu, ' ')).toBe('cc and thanks')
    })
  })

  describe('qualifies local accts with the viewer host', () => {
    // account acct | viewer | author acct | author host
    test.each([
      ['alice', VIEWER, 'alice@example.social', 'example.social'],
      ['alice', undefined, 'alice', 'example.social'],
      ['Bob@Other.Example', VIEWER, 'bob@other.example', 'other.example'],
    ])('%j seen by %j is %j on %j', (acct, viewer, expectedAcct, host) => {
      const status = makeStatus({ account: { acct, url: 'https://example.social/@alice' } })
      const author = normalize(status, viewer === undefined ? {} : { viewer }).author
      expect(author.acct).toBe(expectedAcct)
      expect(author.host).toBe(host)
    })
  })

  describe('reads the account age', () => {
    // case | created_at | id | createdAt
    test.each([
      ['from a snowflake id within the day of a midnight created_at', '2024-02-16T00:00:00.000Z', snowflakeId(MIDNIGHT + 11 * HOUR), MIDNIGHT + 11 * HOUR],
      ['from created_at when the snowflake falls outside that day', '2024-02-16T00:00:00.000Z', snowflakeId(MIDNIGHT + 30 * HOUR), MIDNIGHT],
      ['from created_at when the id is not a snowflake', '2024-02-16T00:00:00.000Z', '12345', MIDNIGHT],
      ['as unknown without created_at', null, snowflakeId(MIDNIGHT + HOUR), undefined],
    ])('%s', (_case, created_at, id, createdAt) => {
      expect(normalize(makeStatus({ account: { created_at, id } })).author.createdAt).toBe(createdAt)
    })
  })

  describe('detects the default avatar', () => {
    // avatar | avatar_static | default
    test.each([
      ['https://example.social/avatars/original/missing.png', undefined, true],
      ['https://files.example.social/avatars/original/missing.png?1700000000', undefined, true],
      ['/avatars/original/missing.png', undefined, true],
      ['https://misskey.example/missing.png', undefined, true],
      ['', undefined, true],
      [null, null, false],
      [null, 'https://example.social/accounts/avatars/1/original/cat.png', false],
      ['https://example.social/accounts/avatars/1/original/cat.png', undefined, false],
      ['https://example.social/accounts/avatars/1/original/not-missing.png', undefined, false],
      ['https://example.social/missing.png.jpg', undefined, false],
    ])('%j (static %j) is default: %j', (avatar, avatarStatic, isDefault) => {
      const status = makeStatus({ account: { avatar: avatar ?? null, avatar_static: avatarStatic ?? null } })
      expect(normalize(status).author.hasDefaultAvatar).toBe(isDefault)
    })
  })

  test('reads an account without avatar fields as no evidence of a default avatar', () => {
    const account: Record<string, unknown> = { ...makeAccount() }
    delete account.avatar
    delete account.avatar_static
    expect(normalize({ ...makeStatus(), account }).author.hasDefaultAvatar).toBe(false)
  })

  describe('reads the other texts', () => {
    test('spoiler, poll options, media descriptions and the preview card', () => {
      const status = makeStatus({
        spoiler_text: 'CW: food',
        poll: { options: [{ title: 'Yes' }, { title: '' }, { title: 'No' }] },
        media_attachments: [{ id: '1', type: 'image', url: 'https://f.example/1.png', description: 'A cat', meta: { original: { width: 200, height: 100 } } }],
        card: { url: 'https://news.example/a', title: 'Title', description: 'Summary' },
        tags: [{ name: 'Food' }],
        content: '<p>text <a href="https://example.social/tags/cats" class="mention hashtag" rel="tag">#<span>Cats</span></a></p>',
      })
      const read = normalize(status)
      expect(read.spoilerText).toBe('CW: food')
      expect(read.extraTexts).toEqual(['Yes', 'No', 'A cat', 'Title', 'Summary'])
      expect(read.links).toEqual([{ href: 'https://news.example/a', text: 'Title', source: 'card' }])
      expect([...read.hashtags].sort()).toEqual(['cats', 'food'])
      expect(read.media[0]).toMatchObject({ type: 'image', description: 'A cat', width: 200, height: 100 })
    })
  })

  describe('flags truncated content', () => {
    test('when content is longer than limits.maxContentLength', () => {
      const status = makeStatus({ content: `<p>${'a'.repeat(200)}</p>` })
      expect(readStatus(status, undefined, { maxContentLength: 100, maxListLength: 10 }).truncated).toBe(true)
      expect(readStatus(status, undefined).truncated).toBe(false)
      expect(classifyStatus(status, { limits: { maxContentLength: 100 } }).skipped).toEqual([
        { signal: 'input', because: 'truncated', detail: 'content longer than limits.maxContentLength was cut' },
      ])
    })

    test('and reads at most limits.maxListLength mentions', () => {
      const accts = Array.from({ length: 30 }, (_, i) => `u${i}@x.example`)
      const status = makeMentionStatus(accts)
      expect(readStatus(status, undefined, { maxContentLength: 100_000, maxListLength: 10 }).mentions).toHaveLength(10)
    })
  })
})

describe('readStatus: hashtag and mention anchors that are links', () => {
  const account = { id: '1', username: 'a', acct: 'a@x.example' }
  test('a hashtag anchor whose href is not a tag page is a link', () => {
    const status = readStatus({ id: '1', account, content: '<p><a href="https://discord.gg/ctkpaarr" class="mention hashtag" rel="tag">#<span>join</span></a> <a href="https://x.example/tags/ok" class="mention hashtag" rel="tag">#<span>ok</span></a></p>' }, undefined)
    expect(status.links.map((l) => l.href)).toEqual(['https://discord.gg/ctkpaarr'])
    expect(status.hashtags).toEqual(['join', 'ok'])
  })

  test('a mention anchor whose href is not a profile is a link; listed profiles are not', () => {
    const content = '<p><span class="h-card"><a href="https://evil.example/login?x=1" class="u-url mention">@<span>support</span></a></span> <span class="h-card"><a href="https://b.example/@bob" class="u-url mention">@<span>bob</span></a></span> <span class="h-card"><a href="https://c.example/accounts/7" class="u-url mention">@<span>carol</span></a></span></p>'
    const status = readStatus({ id: '1', account, content, mentions: [{ id: '2', acct: 'bob@b.example', url: 'https://b.example/@bob' }, { id: '3', acct: 'carol@c.example', url: 'https://c.example/accounts/7' }] }, undefined)
    expect(status.links.map((l) => l.href)).toEqual(['https://evil.example/login?x=1'])
  })
})

describe('readStatus: the quote-post fallback of Mastodon 4.5', () => {
  const url = 'https://spam.example/@x/1'
  const content = `<p class="quote-inline">RE: <a href="${url}">${url}</a></p><p>look <a href="https://own.example/page">own.example/page</a></p>`
  test('with the quote carried, the fallback link is not the post\'s link (the quote is classified on its own)', () => {
    const status = readStatus({ id: '1', content, quote: { state: 'accepted', quoted_status: { id: '9', content: 'hi' } } }, undefined)
    expect(status.links.map((l) => l.href)).toEqual(['https://own.example/page'])
  })
  test('a shallow quote (id only) drops it too', () => {
    const status = readStatus({ id: '1', content, quote: { state: 'pending', quoted_status_id: '9' } }, undefined)
    expect(status.links.map((l) => l.href)).toEqual(['https://own.example/page'])
  })
  test('without the quote, the fallback is the only reference and counts as a link', () => {
    const status = readStatus({ id: '1', content }, undefined)
    expect(status.links.map((l) => l.href)).toEqual(['https://own.example/page', url])
  })
})
