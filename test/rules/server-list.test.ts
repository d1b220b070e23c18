import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { classifyStatus, parseServerList, validateRules } from '../../src/index.js'
import { makeSpamAccount, makeWaveStatus } from '../helpers/make-status.js'

const read = (file: string): string => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/server-lists', file), 'utf8')

describe('parseServerList', () => {
  test("reads Mastodon's domain_blocks.csv: suspend is blocked, silence listed, noop and obfuscated ignored", () => {
    const parsed = parseServerList(read('domain_blocks.csv'))
    expect(parsed.format).toBe('mastodon-csv')
    expect(parsed.blocked).toEqual(['open-reg-a.example', 'wildcard.example'])
    expect(parsed.listed).toEqual(['open-reg-b.example', 'mixed-case.example'])
    expect(parsed.ignored).toEqual([
      { line: 5, entry: 'ab*d.example', reason: 'obfuscated' },
      { line: 6, entry: 'media-only.example', reason: 'noop' },
    ])
    expect(parsed.rules).toEqual({ version: 1, servers: [{ domains: ['open-reg-a.example', 'wildcard.example'], blocked: true }, { domains: ['open-reg-b.example', 'mixed-case.example'], blocked: false }] })
    expect(validateRules(parsed.rules)).toEqual([])
  })

  test('reads the IFTAS style (header without #) and a domain-only list (suspend, as Mastodon imports it)', () => {
    expect(parseServerList(read('iftas-style.csv')).blocked).toEqual(['dni-a.example', 'dni-b.example'])
    expect(parseServerList(read('domain-only.csv'), 'mastodon-csv').blocked).toEqual(['tier0-a.example', 'tier0-b.example'])
  })

  test("reads GoToSocial's JSON export (blocks are suspensions) and Mastodon's API list", () => {
    const gts = parseServerList(read('gotosocial.json'))
    expect(gts.format).toBe('json')
    expect(gts.blocked).toEqual(['gts-a.example', 'gts-b.example'])
    expect(gts.ignored.map((i) => i.reason)).toEqual(['obfuscated'])
    const api = parseServerList(read('mastodon-instance-api.json'))
    expect(api.blocked).toEqual(['api-a.example'])
    expect(api.listed).toEqual(['api-b.example'])
    expect(api.ignored).toEqual([{ line: 3, entry: 'api-c.example', reason: 'unknown-severity' }])
  })

  test('reads plain text: listed by default, blocked on request; says which lines are no domain', () => {
    const plain = parseServerList(read('plain.txt'))
    expect(plain.format).toBe('plain')
    expect(plain.listed).toEqual(['plain-a.example', 'plain-b.example'])
    expect(plain.ignored).toEqual([
      { line: 5, entry: 'not', reason: 'invalid-domain' },
      { line: 6, entry: 'https://plain-c.example/', reason: 'invalid-domain' },
    ])
    expect(parseServerList(read('plain.txt'), { blocked: true, name: 'Feb wave' }).rules).toEqual({ version: 1, name: 'Feb wave', servers: [{ domains: ['plain-a.example', 'plain-b.example'], blocked: true }] })
  })

  test('a server both suspended and silenced is blocked; never throws on junk', () => {
    expect(parseServerList('a.example,silence\na.example,suspend\n').blocked).toEqual(['a.example'])
    for (const junk of ['', '[', '{"x":1}', '"unterminated', '\u0000,,,', 'a'.repeat(100_000), '[1,null,{"domain":3}]']) {
      expect(() => parseServerList(junk)).not.toThrow()
      expect(validateRules(parseServerList(junk).rules)).toEqual([])
    }
  })

  test('the rules it gives drive author-server: blocked at full weight, listed at a quarter', () => {
    const rules = parseServerList(read('domain_blocks.csv')).rules
    const from = (host: string) => makeWaveStatus({ account: makeSpamAccount({ acct: `xk3v9qm2pa@${host}` }) })
    const reason = (host: string) => classifyStatus(from(host), { rules }).reasons.find((r) => r.signal === 'author-server')
    expect(reason('open-reg-a.example')?.params).toEqual({ host: 'open-reg-a.example', blocked: true })
    expect(reason('open-reg-b.example')?.params).toEqual({ host: 'open-reg-b.example', blocked: false })
    expect(reason('media-only.example')).toBeUndefined()
  })
})

// A real shared list, read at test time from ../shared/corpus (CC0-1.0), never copied here.
const REAL = path.resolve(import.meta.dirname, '../../../shared/corpus/raw/martinmuc__mastodon-spam-lists/spam-domains.txt')
// Skipped only outside CI (a checkout without ../shared); in CI a moved file fails the suite.
describe.runIf(existsSync(REAL) || process.env.CI === 'true')('parseServerList on a real plain-text list (martinmuc/mastodon-spam-lists, CC0)', () => {
  test('reads every domain line and ignores the comments', () => {
    const text = readFileSync(REAL, 'utf8')
    const lines = text.split('\n').map((l) => l.replace(/#.*$/u, '').trim()).filter((l) => l !== '')
    const parsed = parseServerList(text)
    expect(parsed.format).toBe('plain')
    const unique = new Set(lines.map((l) => l.split(/\s+/u)[0]?.toLowerCase())).size
    // Each distinct line is a server or an ignored entry (listed servers are deduplicated).
    expect(parsed.listed.length).toBeLessThanOrEqual(unique)
    expect(parsed.listed.length + parsed.ignored.length).toBeGreaterThanOrEqual(unique)
    expect(parsed.listed.length).toBeGreaterThan(10)
    expect(validateRules(parsed.rules)).toEqual([])
  })
})
