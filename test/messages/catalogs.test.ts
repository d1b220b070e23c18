import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { classifyStatus, createSpamFilter, MESSAGES, renderMessage, SpamFilterConfigError, type BuiltinReasonParams, type BuiltinSignalId } from '../../src/index.js'
import { makeStatus, makeWaveStatus } from '../helpers/make-status.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Params of every built-in reason, each variant its message has: typed by signal id, so a new
 * built-in signal without an entry here fails the typecheck.
 */
const SAMPLES: { readonly [K in BuiltinSignalId]: readonly BuiltinReasonParams[K][] } = {
  'allow-list': [{ kind: 'own', acct: 'me@home.example' }, { kind: 'account', acct: 'friend@example.social' }, { kind: 'server', host: 'my-community.example' }, { kind: 'marked', acct: 'bob@example.net' }],
  'mention-density': [{ count: 4, reply: false, mentionsOnly: true }, { count: 12, reply: true, strangers: 3, mentionsOnly: false }, { count: 2, reply: false, strangers: 1, mentionsOnly: false }, { count: 3, reply: true, strangerReply: true, mentionsOnly: true }],
  'new-account': [{ ageMs: 6 * 60_000 }, { ageMs: 5 * HOUR }, { ageMs: 12 * DAY, profileFilled: true }],
  'unsolicited-mention': [
    { acct: 'xk3v9qm2pa@spam.example', shape: 'mentions', others: 0, traits: ['age-hour', 'no-followers', 'bare-profile', 'follows-nobody', 'machine-username'] },
    { acct: 'new@example.social', shape: 'mentions-others', others: 3, traits: ['age-day', 'few-followers', 'sparse-profile'], followers: 3 },
    { acct: 'new@example.social', shape: 'quiet-reply', others: 0, traits: ['age-week'] },
    { acct: 'new@example.social', shape: 'reply-with-link', others: 0, traits: ['age-month'] },
  ],
  impersonation: [{ name: 'Mastodon Support', claim: 'mastodon support', host: 'netprocesse.com', direct: true }, { name: 'Nitro Team', claim: 'Discord', host: '', direct: false }],
  'credential-phishing': [{ parts: ['action', 'threat', 'urgency', 'account'], warningWords: [], noLink: false }, { parts: ['threat', 'account'], warningWords: ['scam', 'PSA'], noLink: true }],
  'bare-profile': [{ traits: ['default-avatar', 'name-is-username', 'empty-bio', 'no-follows'] }, { traits: ['no-display-name', 'empty-bio'] }],
  'machine-username': [{ username: '5wq130rvkg' }],
  'bot-account': [{ acct: 'bot@example.social' }],
  'established-author': [{ ageMs: 800 * DAY, followers: 120, posts: 300 }, { followers: 51, posts: 52 }],
  'followed-author': [{ acct: 'alice@example.social' }],
  'campaign-domain': [
    { host: '荒らし.com', count: 1, inImage: false, campaign: 'the February 2024 荒らし共栄圏 wave' },
    { host: 'spam.example', count: 3, inImage: true, list: 'Friends' },
    { host: 'spam.example', count: 1, inImage: false, list: '' },
    { host: 'ctkpaarr.org', count: 1, inImage: false, campaign: 'the February 2024 荒らし共栄圏 wave', warning: 'words', warningWords: ['block', 'report'] },
    { host: 'spam.example', count: 1, inImage: false, list: 'Friends', warning: 'quotes' },
  ],
  'discord-invite': [{ count: 1, invite: 'discord.gg/ctkpaarr', inImage: false }, { count: 2, invite: 'discord.gg/abc', inImage: true }],
  'lookalike-domain': [
    { host: 'dlscord.gg', imitates: 'discord.gg', kind: 'one-letter', inImage: false },
    { host: 'dіscord.gg', imitates: 'discord.gg', kind: 'homoglyph', inImage: true },
    { host: 'mаstodon.example', imitates: 'mastodon.example', kind: 'mixed-script', inImage: false },
    { host: 'mastodon-support.example', imitates: 'mastodon', kind: 'brand-lure', inImage: false },
    { host: 'rnastodon.social', imitates: 'mastodon.social', kind: 'reads-alike', inImage: false },
    { host: 'rnastodon.xyz', imitates: 'mastodon.social', kind: 'reads-alike-other-tld', inImage: false },
    { host: 'misskey.xyz', imitates: 'misskey.io', kind: 'other-tld', inImage: false },
    { host: 'mastodn.social', imitates: 'mastodon.social', kind: 'typo', inImage: true },
    { host: 'mastodon.social.evil.example', imitates: 'mastodon.social', kind: 'prefix-domain', other: 'evil.example', inImage: false },
    { host: 'discord.gift-claim.example', imitates: 'discord', kind: 'prefix-name', other: 'gift-claim.example', inImage: false },
    { host: '203.0.113.7', imitates: '', kind: 'ip', inImage: false },
    { host: 'xkqzvb.top', imitates: '.top', kind: 'cheap-tld', inImage: false },
    { host: 'discord.gg', imitates: 'discord.gg', kind: 'percent-encoded', inImage: false },
    { host: 'evil.example', imitates: 'mastodon.social', kind: 'userinfo', other: 'evil.example', inImage: false },
  ],
  'link-text-mismatch': [{ shown: 'joinmastodon.org', target: 'evil.example' }],
  'url-shortener': [{ host: 'bit.ly', inImage: false }, { host: 'yip.su', inImage: true }],
  'phrase-list': [
    { pattern: '"画像が貼れなかったのでメンションだけします"', inImage: false, campaign: 'the February 2024 荒らし共栄圏 wave' },
    { pattern: 'free nitro', inImage: true, list: 'Mods' },
    { pattern: 'free nitro', inImage: false, list: '' },
    { pattern: '荒らし共栄圏', inImage: false, campaign: 'the February 2024 荒らし共栄圏 wave', warning: 'words', warningWords: ['通報'] },
    { pattern: 'free nitro', inImage: false, list: 'Mods', warning: 'quotes' },
  ],
  'phrase-near': [
    { pattern: '"your account has been suspended due to content violating new eu legislation"', inImage: false, campaign: 'the 2025 "Mastodon Support" phishing', change: 'substituted', word: 'account', by: 'profile' },
    { pattern: '"join our private server for free nitro"', inImage: true, list: 'Mods', change: 'inserted', word: 'really' },
    { pattern: '"join our private server for free nitro"', inImage: false, list: '', change: 'deleted', word: 'private' },
    { pattern: '"my hobby is sending nukes to various sites"', inImage: false, campaign: 'the October 2024 Midokuri wave', change: 'substituted', word: 'nukes', by: 'bombs', warning: 'words', warningWords: ['report'] },
  ],
  'username-block': [{ username: 'sp4mb0t99', rule: 'spambot', comparison: 'contains', blocked: true }, { username: 'Admin', rule: 'admin', comparison: 'equals', blocked: false }],
  'author-rate': [{ acct: 'xk3v9qm2pa@spam.example', by: 'mentions', mentioned: 20, copies: 1, windowMs: 24 * HOUR }, { acct: 'xk3v9qm2pa@spam.example', by: 'repeats', mentioned: 3, copies: 4, windowMs: 6 * HOUR }],
  'author-server': [{ host: 'open.example', blocked: true }, { host: 'open.example', blocked: false }],
  'near-duplicate': [{ accounts: 3, exact: true, windowMs: DAY }, { accounts: 12, exact: false, windowMs: 6 * HOUR }],
  'known-spam-text': [{}],
  'image-duplicate': [{ accounts: 4, windowMs: DAY }],
  'known-spam-image': [{ count: 1, marked: 0 }, { count: 1, marked: 1 }, { count: 2, marked: 0 }],
  'quoted-status': [{ label: 'spam', score: 14.8, top: '荒らし.com へのリンクがあります。' }, { label: 'suspicious', score: 3.2, top: '' }],
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u
/** Words of the English catalog that must not leak into a Japanese message. */
const ENGLISH_WORDS = /\b(?:the|is|an?|with|account|links?|shows|posted|profile|follows?)\b/iu

/** The names and numbers a message should show, from its params (strings and counts). */
function shown(params: object): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(params)) {
    if (key === 'kind' || key === 'traits' || key === 'campaign' || key === 'label' || key === 'top' || key === 'exact' || key === 'inImage' || key === 'reply' || key === 'mentionsOnly' || key === 'blocked' || key.endsWith('Ms') || key === 'marked' || key === 'pattern' || key === 'acct' || key === 'invite' || key === 'comparison' || key === 'others' || key === 'shape' || key === 'warning' || key === 'by' || key === 'mentioned' || key === 'copies' || key === 'change') continue
    if (typeof value === 'string' && value !== '') out.push(value)
    if (typeof value === 'number' && key !== 'count') out.push(String(value))
  }
  return out
}

describe('the en and ja catalogs', () => {
  const cases = Object.entries(SAMPLES).flatMap(([signal, list]) => (list as readonly object[]).map((params, i) => [signal, i, params] as const))

  test('cover every built-in reason and nothing else', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(SAMPLES).sort())
    expect(Object.keys(MESSAGES.ja).sort()).toEqual(Object.keys(SAMPLES).sort())
  })

  test.each(cases)('render %s (variant %i) from its params in en and ja', (signal, _i, params) => {
    const en = renderMessage({ signal, params: params as never }, { locale: 'en' })
    const ja = renderMessage({ signal, params: params as never }, { locale: 'ja' })
    expect(en).toMatch(/^[A-Z@0-9].*[.!?。]$/u)
    expect(en).not.toMatch(/undefined|NaN|\[object/u)
    expect(ja).toMatch(JAPANESE)
    expect(ja).toMatch(/[。]$/u)
    expect(ja).not.toMatch(/undefined|NaN|\[object/u)
    expect(ja.replace(/[a-z0-9.-]+\.[a-z]+|@\S+|"[^"]*"/giu, '')).not.toMatch(ENGLISH_WORDS)
    for (const value of shown(params)) {
      expect(en, value).toContain(value)
      expect(ja, value).toContain(value)
    }
    expect(en).not.toBe(ja)
  })

  test('name the built-in campaigns in Japanese', () => {
    expect(renderMessage({ signal: 'campaign-domain', params: SAMPLES['campaign-domain'][0]! }, { locale: 'ja' })).toBe('2024年2月の荒らし共栄圏によるスパムで使われた 荒らし.com へのリンクがあります。')
  })

  test('render every reason of every fixture in Japanese, with the same params as in English', () => {
    const dir = path.resolve(import.meta.dirname, '../../fixtures/statuses')
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { file: string }[]
    let reasons = 0
    for (const { file } of manifest) {
      const status: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
      const en = classifyStatus(status)
      const ja = classifyStatus(status, { locale: 'ja' })
      expect(ja.label).toBe(en.label)
      expect(ja.score).toBe(en.score)
      expect(ja.reasons.map((r) => r.params)).toEqual(en.reasons.map((r) => r.params))
      for (const reason of ja.reasons) {
        reasons++
        expect(reason.message, reason.signal).toMatch(JAPANESE)
        expect(renderMessage(reason, { locale: 'en' })).toBe(en.reasons.find((r) => r.signal === reason.signal)?.message)
      }
    }
    expect(reasons).toBeGreaterThan(50)
  })
})

describe('the locale and messages options', () => {
  test('a caller catalog overrides a built-in message and names a custom signal', () => {
    const custom = { id: 'my-signal', group: 'text' as const, evaluate: () => ({ strength: 1, params: { word: 'casino' }, evidence: ['casino'] }) }
    const verdict = classifyStatus(makeWaveStatus(), {
      signals: [custom],
      weights: { 'my-signal': 4 },
      messages: { 'my-signal': (p: { word?: string }) => `Says ${p.word ?? ''}.` },
    })
    expect(verdict.reasons[0]).toMatchObject({ signal: 'my-signal', message: 'Says casino.', params: { word: 'casino' } })
    const own = classifyStatus(makeWaveStatus(), { locale: 'ja', messages: { 'machine-username': ({ username }) => `名前 ${username}。` } })
    expect(own.reasons.find((r) => r.signal === 'machine-username')?.message).toBe('名前 5wq130rvkg。')
    expect(own.reasons.find((r) => r.signal === 'new-account')?.message).toMatch(JAPANESE)
  })

  test('a custom signal with no catalog entry keeps its own sentence; a throwing message falls back', () => {
    const custom = { id: 'my-signal', group: 'text' as const, evaluate: () => ({ strength: 1, message: 'Mine.', evidence: ['x'] }) }
    expect(classifyStatus(makeWaveStatus(), { signals: [custom], weights: { 'my-signal': 4 }, locale: 'ja' }).reasons[0]?.message).toBe('Mine.')
    const throwing = classifyStatus(makeWaveStatus(), { signals: [custom], weights: { 'my-signal': 4 }, messages: { 'my-signal': () => { throw new Error('no') } } })
    expect(throwing.reasons[0]?.message).toBe('Mine.')
  })

  test('renders only the reasons that survive scoring', () => {
    // A first post by a new, bare account with no spam in it: the author signals fire but the
    // author gate drops them, so their messages are never made.
    const newAccount = vi.fn(() => 'new')
    const bareProfile = vi.fn(() => 'bare')
    const verdict = classifyStatus(makeStatus({ content: '<p>hello fediverse</p>', account: { created_at: '2024-02-16T00:00:00.000Z', avatar: 'https://x.example/avatars/original/missing.png', note: '', followers_count: 0, following_count: 0 } }), { messages: { 'new-account': newAccount, 'bare-profile': bareProfile } })
    expect(verdict.reasons).toEqual([])
    expect(newAccount).not.toHaveBeenCalled()
    expect(bareProfile).not.toHaveBeenCalled()
    classifyStatus(makeWaveStatus(), { messages: { 'new-account': newAccount } })
    expect(newAccount).toHaveBeenCalledTimes(1)
  })

  test('createSpamFilter takes them too; bad values throw naming the option', () => {
    expect(createSpamFilter({ locale: 'ja' }).classify(makeWaveStatus()).reasons[0]?.message).toMatch(JAPANESE)
    expect(() => classifyStatus(makeWaveStatus(), { locale: 'fr' as never })).toThrow(SpamFilterConfigError)
    expect(() => createSpamFilter({ locale: 'fr' as never })).toThrow(/option locale must be 'en' or 'ja'/u)
    expect(() => createSpamFilter({ messages: { 'new-account': 'hi' as never } })).toThrow(/option messages\["new-account"\] must be a function/u)
  })
})
