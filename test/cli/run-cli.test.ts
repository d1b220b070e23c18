import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli, type CliIo } from '../../src/cli/run-cli.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')
const compact = (path: string): string => JSON.stringify(JSON.parse(fixture(path)))

async function run(argv: string[], files: Record<string, string>, tty = false): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = {
    readText: async (path) => {
      const text = files[path]
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`)
      return text
    },
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    stderrIsTty: tty,
    version: '9.9.9',
  }
  return { code: await runCli(argv, io), out, err }
}

const MIXED = [compact('misskey/mention-wave-2024-02.json'), compact('activitypub/question-with-poll.json'), compact('activitypub/create-note-mention-wave.json')].join('\n')

describe('runCli', () => {
  test('prints a table with one row per status, any input format mixed', async () => {
    const { code, out, err } = await run(['classify', 'in.jsonl', '--host', 'open-signup.example'], { 'in.jsonl': MIXED })
    expect(code).toBe(0)
    const lines = out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^LINE\s+LABEL\s+SCORE\s+AUTHOR\s+REASON$/u)
    expect(lines.slice(1).map((l) => l.split(/\s+/u).slice(0, 2))).toEqual([['1', 'spam'], ['2', 'clean'], ['3', 'spam']])
    expect(lines[1]).toContain('@qz7xk2m9wd@open-signup.example')
    expect(err).toBe('3 statuses: 2 spam, 0 suspicious, 1 clean\n')
  })

  test('prints JSON lines with --json', async () => {
    const { out } = await run(['classify', 'in.jsonl', '--json'], { 'in.jsonl': MIXED })
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; label: string; reasons: { signal: string }[] })
    expect(rows.map((r) => [r.line, r.label])).toEqual([[1, 'spam'], [2, 'clean'], [3, 'spam']])
    expect(rows[0]?.reasons[0]?.signal).toBe('mention-density')
  })

  test('remembers the whole input: later copies of one text from other accounts are near-duplicates', async () => {
    const text = 'Limited offer: the best crypto signals group, join today and double your savings in a week'
    const copies = ['a', 'b', 'c', 'd'].map((user, i) =>
      JSON.stringify({ id: `10${i}`, created_at: `2025-05-01T10:0${i}:00Z`, content: `<p>${text}</p>`, account: { id: `${i}`, acct: `${user}@spam${i}.example`, created_at: '2025-05-01T00:00:00Z' } }),
    )
    const { out } = await run(['classify', 'copies.jsonl', '--json'], { 'copies.jsonl': copies.join('\n') })
    const signals = out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { reasons: { signal: string }[] }).reasons.map((r) => r.signal))
    expect(signals[0]).not.toContain('near-duplicate')
    expect(signals[3]).toContain('near-duplicate')
  })

  test('exits 1 naming the line of unreadable input', async () => {
    const { code, out, err } = await run(['classify', 'input.jsonl'], { 'input.jsonl': `${MIXED}\n{"id": oops}\n` })
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toMatch(/^mastodon-spam-filter: input\.jsonl:4: not valid JSON/u)
  })

  test('exits 1 for a missing file', async () => {
    const { code, err } = await run(['classify', 'nope.json'], {})
    expect(code).toBe(1)
    expect(err).toContain('nope.json: cannot read')
  })

  describe('exits 2 for bad usage', () => {
    // columns: arguments, message part
    test.each([
      [[], 'unknown command (none)'],
      [['scan', 'x.json'], 'unknown command "scan"'],
      [['classify'], 'missing input'],
      [['classify', 'a.json', '--format', 'xml'], '--format must be one of'],
      [['classify', 'a.json', '--fast'], 'unknown option --fast'],
    ])('%j', async (argv, message) => {
      const { code, err } = await run(argv, { 'a.json': '{}' })
      expect(code).toBe(2)
      expect(err).toContain(message)
    })
  })

  test('prints help and version', async () => {
    expect((await run(['--help'], {})).out).toContain('Usage: mastodon-spam-filter classify')
    expect((await run(['--version'], {})).out).toBe('9.9.9\n')
  })

  describe('progress', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => JSON.stringify({ id: String(i), content: `<p>note ${i}</p>` })).join('\n')

    test('shows on a terminal for a large input', async () => {
      const { err } = await run(['classify', 'many.jsonl'], { 'many.jsonl': many }, true)
      expect(err).toContain('\rclassified 500/1200')
      expect(err).toContain('\rclassified 1200/1200\n')
    })

    test('stays off when stderr is not a terminal', async () => {
      const { err } = await run(['classify', 'many.jsonl'], { 'many.jsonl': many })
      expect(err).toBe('1200 statuses: 0 spam, 0 suspicious, 1200 clean\n')
    })

    test('shows with --progress', async () => {
      const { err } = await run(['classify', 'many.jsonl', '--progress'], { 'many.jsonl': many })
      expect(err).toContain('classified 1000/1200\n')
    })
  })

  test('runs as a process reading standard input', async () => {
    const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'classify', '-', '--json'], { cwd: ROOT }, (error, out, err) => {
        resolve({ code: error === null ? 0 : (error.code as number), out, err })
      })
      child.stdin?.end(`${compact('activitypub/article-with-actor.json')}\n{bad\n`)
    })
    expect(result.code).toBe(1)
    expect(result.err).toContain('<stdin>:2: not valid JSON')
  })
})
