import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { HELP, plural, runCli, type CliIo } from '../../src/cli/run-cli.js'
import { toStatus } from '../../src/cli/to-status.js'
import { classifyStatus, createSpamFilter } from '../../src/index.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')
const compact = (path: string): string => JSON.stringify(JSON.parse(fixture(path)))

async function run(argv: string[], files: Record<string, string>, tty = false): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const missing = (path: string): Error => new Error(`ENOENT: no such file or directory, open '${path}'`)
  const io: CliIo = {
    open: (path) => ({
      // Chunks of 7 characters: rows must not depend on where reads end.
      async *[Symbol.asyncIterator]() {
        const text = files[path]
        if (text === undefined) throw missing(path)
        for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7)
      },
    }),
    readText: async (path) => {
      const text = files[path]
      if (text === undefined) throw missing(path)
      return text
    },
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stderrIsTty: tty,
    version: '9.9.9',
  }
  return { code: await runCli(argv, io), out, err }
}

const MIXED = [compact('misskey/mention-wave-2024-02.json'), compact('activitypub/question-with-poll.json'), compact('activitypub/create-note-mention-wave.json')].join('\n')
const SPAM = compact('statuses/spam/2024-02-arashi-link-01.json')
const SUSPICIOUS = compact('statuses/spam/2026-03-crowdfunding-blast-01.json')
const HAM = compact('statuses/ham/2025-01-japanese-links-01.json')
const THREE = [SPAM, SUSPICIOUS, HAM].join('\n')

describe('runCli', () => {
  test('prints a table with one row per status, any input format mixed, every reason of flagged ones', async () => {
    const { code, out, err } = await run(['classify', 'in.jsonl', '--host', 'open-signup.example'], { 'in.jsonl': MIXED })
    expect(code).toBe(0)
    const lines = out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^LINE\s+LABEL\s+SCORE\s+AUTHOR\s+STATUS$/u)
    const rows = lines.filter((l) => /^\d/u.test(l))
    expect(rows.map((l) => l.split(/\s+/u).slice(0, 2))).toEqual([['1', 'spam'], ['2', 'clean'], ['3', 'spam']])
    expect(rows[0]).toContain('@qz7xk2m9wd@open-signup.example')
    // Every reason of the first status, each on its own line under it.
    const first = classifyStatus(toStatus(JSON.parse(fixture('misskey/mention-wave-2024-02.json')), 'auto', 'open-signup.example'))
    expect(first.reasons.length).toBeGreaterThan(1)
    expect(lines.slice(2, 2 + first.reasons.length).map((l) => l.trim())).toEqual(first.reasons.map((r) => `${r.score > 0 ? '+' : ''}${Number(r.score.toFixed(2))}  ${r.signal}: ${r.message}`))
    expect(err).toMatch(/^3 statuses: 2 spam, 0 suspicious, 1 clean\n/u)
  })

  test('the table shows the status URL and every reason of a flagged status, none for a clean one', async () => {
    const { out } = await run(['classify', 'in.jsonl'], { 'in.jsonl': THREE })
    const verdicts = [SPAM, SUSPICIOUS, HAM].map((s) => createSpamFilter().classify(JSON.parse(s)))
    const statuses = [SPAM, SUSPICIOUS, HAM].map((s) => JSON.parse(s) as { url: string })
    for (const status of statuses) expect(out).toContain(status.url)
    for (const reason of [...verdicts[0]!.reasons, ...verdicts[1]!.reasons]) expect(out).toContain(`${reason.signal}: ${reason.message}`)
    const hamBlock = out.slice(out.indexOf(statuses[2]!.url))
    expect(hamBlock.trimEnd().split('\n')).toHaveLength(1)
  })

  test('--flagged prints only spam and suspicious statuses', async () => {
    const { out, err } = await run(['classify', 'in.jsonl', '--flagged', '--format', 'json'], { 'in.jsonl': THREE })
    expect(out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { label: string }).label)).toEqual(['spam', 'suspicious'])
    expect(err).toContain('3 statuses: 1 spam, 1 suspicious, 1 clean (2 shown: --flagged)')
  })

  test('--format json prints one object a line with URL, author and the whole verdict', async () => {
    const { out } = await run(['classify', 'in.jsonl', '--json'], { 'in.jsonl': MIXED })
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; label: string; url: string | null; reasons: { signal: string }[] })
    expect(rows.map((r) => [r.line, r.label])).toEqual([[1, 'spam'], [2, 'clean'], [3, 'spam']])
    expect(rows[0]?.reasons[0]?.signal).toBe('mention-density')
    expect(rows[2]?.url).toMatch(/^https:\/\//u)
  })

  test('--format csv: a header, one record per status, every reason, quoting per RFC 4180', async () => {
    const { out } = await run(['classify', 'in.jsonl', '--format', 'csv'], { 'in.jsonl': THREE })
    const records = out.split('\r\n').filter((l) => l !== '')
    expect(records[0]).toBe('line,id,url,author,label,score,signals,reasons')
    expect(records).toHaveLength(4)
    const spam = createSpamFilter().classify(JSON.parse(SPAM))
    expect(records[1]).toMatch(new RegExp(`^1,${(JSON.parse(SPAM) as { id: string }).id},https://`, 'u'))
    expect(records[1]).toContain(',spam,')
    for (const reason of spam.reasons) expect(records[1]).toContain(reason.message.replace(/"/gu, '""'))
    expect(records[1]!.split(' | ')).toHaveLength(spam.reasons.length)
  })

  test('--threshold moves the labels', async () => {
    // The first status links a campaign domain: blatant, spam whatever the thresholds.
    const { out } = await run(['classify', 'in.jsonl', '--json', '--threshold', 'suspicious=50,spam=100'], { 'in.jsonl': THREE })
    expect(out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { label: string }).label)).toEqual(['spam', 'clean', 'clean'])
    const low = await run(['classify', 'in.jsonl', '--json', '--threshold=spam=3'], { 'in.jsonl': THREE })
    expect(low.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { label: string }).label)).toEqual(['spam', 'spam', 'clean'])
  })

  test('--rules reads a rules document: its block list flags a link', async () => {
    const status = JSON.stringify({ id: '1', content: '<p>see https://spam-campaign.example/offer</p>', account: { acct: 'x@y.example' } })
    const without = await run(['classify', 'in.jsonl', '--json'], { 'in.jsonl': status })
    const withRules = await run(['classify', 'in.jsonl', '--json', '--rules', 'my.rules.json'], { 'in.jsonl': status, 'my.rules.json': fixture('rules/example.rules.json') })
    expect((JSON.parse(without.out) as { label: string }).label).toBe('clean')
    expect((JSON.parse(withRules.out) as { reasons: { signal: string }[] }).reasons.map((r) => r.signal)).toContain('campaign-domain')
  })

  // columns: format, the list's text (open-reg-a.example is the author server of SPAM)
  test.each([
    ['Mastodon domain_blocks.csv', '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\nopen-reg-a.example,suspend,false,false,spam wave,false\n', 'a mastodon-csv server list: 1 blocked server, 0 listed servers'],
    ['GoToSocial JSON', '[{"domain":"open-reg-a.example","public_comment":"spam"}]', 'a json server list: 1 blocked server, 0 listed servers'],
    ['plain text', '# our list\nopen-reg-a.example\n', 'a plain server list: 0 blocked servers, 1 listed server'],
  ])('--rules reads a server list: %s', async (_format, list, note) => {
    const { code, out, err } = await run(['classify', 'in.jsonl', '--json', '--rules', 'servers.txt'], { 'in.jsonl': SPAM, 'servers.txt': list })
    expect(code).toBe(0)
    expect(err).toContain(`--rules servers.txt: ${note}`)
    expect((JSON.parse(out) as { reasons: { signal: string }[] }).reasons.map((r) => r.signal)).toContain('author-server')
  })

  test('an object holding several statuses gives a row for each, one holding none an error row', async () => {
    const note = (id: string): unknown => ({ id: `https://fedi.example/notes/${id}`, type: 'Note', content: `<p>note ${id}</p>`, attributedTo: 'https://fedi.example/users/a', published: '2025-05-01T10:00:00Z' })
    const outbox = JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', type: 'OrderedCollection', orderedItems: [note('1'), note('2')] })
    const account = JSON.stringify({ id: '1', username: 'a', acct: 'a@fedi.example', display_name: 'A' })
    const { out, err } = await run(['classify', 'in.jsonl', '--json'], { 'in.jsonl': `${outbox}\n${account}\n` })
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; label?: string; error?: string })
    expect(rows.map((r) => [r.line, r.label ?? 'error'])).toEqual([[1, 'clean'], [1, 'clean'], [2, 'error']])
    expect(rows[2]?.error).toMatch(/^no status in /u)
    expect(err).toContain('2 statuses: 0 spam, 0 suspicious, 2 clean; 1 line skipped (2)')
  })

  test('--rules with a bad document exits 2 naming the file and the entry', async () => {
    const { code, err } = await run(['classify', 'in.jsonl', '--rules', 'bad.json'], { 'in.jsonl': HAM, 'bad.json': '{"version":1,"blockDomains":[7]}' })
    expect(code).toBe(2)
    expect(err).toContain('--rules bad.json')
    expect(err).toContain('blockDomains[0]')
  })

  // columns: --fail-on, input, exit status
  test.each([
    ['spam', THREE, 3],
    ['spam', [SUSPICIOUS, HAM].join('\n'), 0],
    ['suspicious', [SUSPICIOUS, HAM].join('\n'), 3],
    ['suspicious', HAM, 0],
  ])('--fail-on %s exits %#', async (label, input, code) => {
    expect((await run(['classify', 'in.jsonl', '--fail-on', label], { 'in.jsonl': input })).code).toBe(code)
  })

  test('the summary counts per label and per signal, with plurals', async () => {
    const { err } = await run(['classify', 'in.jsonl'], { 'in.jsonl': SPAM })
    expect(err.split('\n')[0]).toBe('1 status: 1 spam, 0 suspicious, 0 clean')
    // Every signal of the fixture's verdict, counted once, sorted: the whole line, as one run printed it.
    expect(err.split('\n')[1]).toBe('signals behind the 1 flagged status: bare-profile 1, campaign-domain 1, machine-username 1, mention-density 1, new-account 1')
    expect(plural(1, 'line', 'lines')).toBe('1 line')
    expect(plural(0, 'line', 'lines')).toBe('0 lines')
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

  describe('a line that cannot be read', () => {
    const input = `${MIXED}\n{"id": oops}\n${HAM}\n`

    test('is an error row with its number, skipped; the summary counts it', async () => {
      const { code, out, err } = await run(['classify', 'input.jsonl', '--json'], { 'input.jsonl': input })
      expect(code).toBe(0)
      const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string; label?: string })
      expect(rows.map((r) => [r.line, r.label ?? 'error'])).toEqual([[1, 'spam'], [2, 'clean'], [3, 'spam'], [4, 'error'], [5, 'clean']])
      expect(rows[3]?.error).toMatch(/^not valid JSON/u)
      expect(err).toContain('4 statuses: 2 spam, 0 suspicious, 2 clean; 1 line skipped (4)')
    })

    test('in the table and CSV too', async () => {
      expect((await run(['classify', 'input.jsonl'], { 'input.jsonl': input })).out).toMatch(/\n4\s+error\s+not valid JSON/u)
      expect((await run(['classify', 'input.jsonl', '--format', 'csv'], { 'input.jsonl': input })).out).toMatch(/\r\n4,,,,error,,,"?not valid JSON/u)
    })

    test('stops the run with --strict (exit 1, the line named)', async () => {
      const { code, err } = await run(['classify', 'input.jsonl', '--strict', '--json'], { 'input.jsonl': input })
      expect(code).toBe(1)
      expect(err).toMatch(/^mastodon-spam-filter: input\.jsonl:4: not valid JSON .*\(stopped: --strict\)\n$/u)
    })
  })

  test('a line with no status (an account) is an error row, and stops the run with --strict', async () => {
    const input = `${HAM}\n{"id":"1","username":"alice","acct":"alice","display_name":"Alice","note":"","followers_count":3}\n${HAM}\n`
    const plain = await run(['classify', 'input.jsonl', '--json'], { 'input.jsonl': input })
    expect(plain.code).toBe(0)
    const rows = plain.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string })
    expect(rows.map((r) => [r.line, r.error === undefined ? 'verdict' : 'error'])).toEqual([[1, 'verdict'], [2, 'error'], [3, 'verdict']])
    expect(rows[1]?.error).toMatch(/^no status in /u)
    const strict = await run(['classify', 'input.jsonl', '--strict', '--json'], { 'input.jsonl': input })
    expect(strict.code).toBe(1)
    expect(strict.err).toMatch(/^mastodon-spam-filter: input\.jsonl:2: no status in .*\(stopped: --strict\)\n$/u)
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
      [['classify', 'a.json', '--format', 'xml'], '--format must be one of table, json, csv'],
      [['classify', 'a.json', '--input', 'xml'], '--input must be one of'],
      [['classify', 'a.json', '--fast'], 'unknown option --fast'],
      [['classify', 'a.json', '--threshold', 'spam'], '--threshold takes label=number'],
      [['classify', 'a.json', '--threshold', 'spam=2,suspicious=3'], 'thresholds.spam'],
      [['classify', 'a.json', '--fail-on', 'clean'], '--fail-on must be spam or suspicious'],
      [['classify', 'a.json', '--rules', 'missing.json'], '--rules missing.json: cannot read'],
    ])('%j', async (argv, message) => {
      const { code, err } = await run(argv, { 'a.json': '{}' })
      expect(code).toBe(2)
      expect(err).toContain(message)
    })
  })

  test('prints help for help, --help and -h, and the version', async () => {
    for (const argv of [['help'], ['--help'], ['classify', '-h']]) expect((await run(argv, {})).out).toBe(HELP)
    expect((await run(['--version'], {})).out).toBe('9.9.9\n')
  })

  test('--format with an input format still selects the input format (the 0.1 meaning)', async () => {
    const { code, out } = await run(['classify', 'in.jsonl', '--format', 'activitypub', '--json'], { 'in.jsonl': compact('activitypub/question-with-poll.json') })
    expect(code).toBe(0)
    expect((JSON.parse(out) as { label: string }).label).toBe('clean')
  })

  describe('progress', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => JSON.stringify({ id: String(i), content: `<p>note ${i}</p>` })).join('\n')

    test('shows on a terminal', async () => {
      const { err } = await run(['classify', 'many.jsonl'], { 'many.jsonl': many }, true)
      expect(err).toContain('\rclassified 500 statuses')
      expect(err).toContain('\rclassified 1200 statuses\n')
    })

    test('stays off when stderr is not a terminal', async () => {
      const { err } = await run(['classify', 'many.jsonl'], { 'many.jsonl': many })
      expect(err).toBe('1200 statuses: 0 spam, 0 suspicious, 1200 clean\n')
    })

    test('shows with --progress', async () => {
      const { err } = await run(['classify', 'many.jsonl', '--progress'], { 'many.jsonl': many })
      expect(err).toContain('classified 1000 statuses\n')
    })
  })

  test('runs as a process reading standard input; a line nested 100,000 deep is an error row, not a stack trace', async () => {
    const deep = `${'{"type":"mention","status":'.repeat(100_000)}{}${'}'.repeat(100_000)}`
    const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'classify', '-', '--json'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
        resolve({ code: error === null ? 0 : (error.code as number), out, err })
      })
      child.stdin?.end(`${compact('activitypub/article-with-actor.json')}\n${deep}\n{bad\n${HAM}\n`)
    })
    expect(result.err).not.toMatch(/\n\s+at /u)
    expect(result.code).toBe(0)
    const rows = result.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string })
    expect(rows.map((r) => [r.line, r.error === undefined ? 'ok' : r.error.split(' (')[0]])).toEqual([[1, 'ok'], [2, 'nested deeper than 200 levels, skipped unparsed'], [3, 'not valid JSON'], [4, 'ok']])
    expect(result.err).toBe('2 statuses: 0 spam, 0 suspicious, 2 clean; 2 lines skipped (2, 3)\n')
  })
})
