import { SpamFilterConfigError } from '../errors.js'
import { createSpamFilter, type SpamFilterOptions } from '../filter.js'
import type { RulesDocument } from '../rules/rules-document.js'
import { parseServerList } from '../rules/server-list.js'
import { detectInput } from '../status/detect-input.js'
import { readStatus, unwrapStatus } from '../status/read-status.js'
import type { Thresholds, VerdictLabel } from '../verdict.js'
import { csvError, csvHeader, csvRow, jsonError, jsonRow, OUTPUT_FORMATS, tableError, tableHeader, tableRow, type ErrorRow, type OutputFormat, type VerdictRow } from './format-verdict.js'
import { DEFAULT_INPUT_LIMITS, readStatuses, type ReadLimits } from './read-input.js'
import { INPUT_FORMATS, type InputFormat } from './to-status.js'
import { plural } from '../messages/en.js'

/** What the CLI needs from its environment, so tests can run it in-process. */
export interface CliIo {
  /** Opens the input as a stream of chunks: a file, or standard input for `-`. */
  readonly open: (path: string) => AsyncIterable<Uint8Array | string>
  /** Reads a small whole file (a rules document). */
  readonly readText: (path: string) => Promise<string>
  /** Writes to standard output; a returned promise means "wait before writing more" (back-pressure). */
  readonly stdout: (text: string) => void | Promise<void>
  readonly stderr: (text: string) => void
  /** Whether standard error is a terminal (progress shows by default then). */
  readonly stderrIsTty: boolean
  readonly version: string
  /** Input limits (tests lower them). */
  readonly limits?: ReadLimits
}

export const HELP = `Usage: mastodon-spam-filter classify <file|-> [options]
       mastodon-spam-filter help

Classifies fediverse statuses and prints a verdict for each, with every reason.
Input: JSON lines (one object a line), a JSON array, or one JSON object; - reads stdin.
An object may also hold several statuses (a collection, grouped notifications, an archive's
outbox, a webhook or streaming message): each is classified.
The input is streamed: any size is read with the same memory. A line that cannot be read
(not JSON, longer than 16 MB, nested too deep) is reported with its line number and skipped.
Each object may be a Mastodon REST Status or Notification, a masto.js entity, a Misskey note,
or an ActivityPub Note/Question/Article (or a Create wrapping one): see --input.
One filter reads the whole input, so repeated near-identical posts are remembered across it.

Options:
  --format <f>         table (default), json (one JSON object a line), csv
  --json               the same as --format json
  --flagged            print only spam and suspicious statuses (and unreadable lines)
  --rules <file>       a rules document (JSON, schema/rules.v1.json) or a server list
                       (Mastodon domain_blocks.csv, GoToSocial/API JSON, one domain a
                       line); repeat for several
  --threshold <t>      label thresholds, e.g. spam=5 or suspicious=2.5,spam=5
                       (default suspicious=3, spam=6)
  --fail-on <label>    exit 3 when any status is spam (spam) or spam/suspicious (suspicious)
  --strict             stop at the first line that cannot be read (exit 1)
  --input <f>          auto (default), mastodon, masto, misskey, activitypub
  --host <host>        the server the input came from (qualifies local accounts)
  --viewer <acct>      your account as user@host (your own posts stay clean)
  --progress           show progress on stderr even when stderr is not a terminal
  --no-progress        never show progress
  -h, --help, help     show this help
  -v, --version        show the version

Output: the table lists line, label, score, author and status URL, then each reason of a
flagged status on its own line; json and csv carry every field and reason for every status.
A summary on stderr counts statuses per label, skipped lines, and the signals behind flags.

Exit status: 0 done; 1 unreadable input (or a bad line with --strict); 2 bad usage or a
bad rules file; 3 --fail-on found a status at or above its label.
`

const PROGRESS_EVERY = 500
/** Output is written in blocks of about this many characters. */
const FLUSH_AT = 64 * 1024
/** Line numbers of skipped lines named in the summary. */
const NAMED_SKIPS = 10

interface Args {
  file: string | undefined
  format: OutputFormat
  input: InputFormat
  flagged: boolean
  rules: string[]
  thresholds: Partial<Record<keyof Thresholds, number>>
  failOn: 'spam' | 'suspicious' | undefined
  strict: boolean
  host: string | undefined
  viewer: string | undefined
  progress: boolean | undefined
}

// `1 status`, `2 statuses`: the English catalog's wording.
export { plural }

function parseThresholds(text: string, into: Args['thresholds']): string | undefined {
  for (const part of text.split(',')) {
    const match = /^\s*(spam|suspicious)\s*=\s*([^\s]+)\s*$/u.exec(part)
    const value = match === null ? Number.NaN : Number(match[2])
    if (match === null || !Number.isFinite(value)) return `--threshold takes label=number, e.g. spam=5 or suspicious=2.5,spam=5 (got "${text}")`
    into[match[1] as keyof Thresholds] = value
  }
  return undefined
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = {
    file: undefined,
    format: 'table',
    input: 'auto',
    flagged: false,
    rules: [],
    thresholds: {},
    failOn: undefined,
    strict: false,
    host: undefined,
    viewer: undefined,
    progress: undefined,
  }
  // `--option=value` is the same as `--option value`.
  const rest = argv.flatMap((arg) => (/^--[a-z-]+=/u.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]))
  if (rest[0] !== 'classify') return `unknown command ${rest[0] === undefined ? '(none)' : `"${rest[0]}"`}: expected "classify" or "help"`
  rest.shift()
  while (rest.length > 0) {
    const arg = rest.shift() ?? ''
    const value = (): string | undefined => rest.shift()
    if (arg === '--json') args.format = 'json'
    else if (arg === '--flagged') args.flagged = true
    else if (arg === '--strict') args.strict = true
    else if (arg === '--progress') args.progress = true
    else if (arg === '--no-progress') args.progress = false
    else if (arg === '--format') {
      const format = value()
      if (OUTPUT_FORMATS.includes(format as OutputFormat)) args.format = format as OutputFormat
      // Before 0.2.0 --format named the input format; its values do not overlap the output formats.
      else if (INPUT_FORMATS.includes(format as InputFormat)) args.input = format as InputFormat
      else return `--format must be one of ${OUTPUT_FORMATS.join(', ')}`
    } else if (arg === '--input') {
      const format = value()
      if (!INPUT_FORMATS.includes(format as InputFormat)) return `--input must be one of ${INPUT_FORMATS.join(', ')}`
      args.input = format as InputFormat
    } else if (arg === '--rules') {
      const file = value()
      if (file === undefined || file === '') return '--rules needs a file name'
      args.rules.push(file)
    } else if (arg === '--threshold') {
      const problem = parseThresholds(value() ?? '', args.thresholds)
      if (problem !== undefined) return problem
    } else if (arg === '--fail-on') {
      const label = value()
      if (label !== 'spam' && label !== 'suspicious') return '--fail-on must be spam or suspicious'
      args.failOn = label
    } else if (arg === '--host') args.host = value()
    else if (arg === '--viewer') args.viewer = value()
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`
    else if (args.file === undefined) args.file = arg
    else return `one input file at a time (got "${args.file}" and "${arg}")`
  }
  if (args.file === undefined) return 'missing input: a file name, or - for standard input'
  return args
}

/** Whether a rules file is a JSON object (a rules document) rather than a server list. */
function isJsonObject(text: string): boolean {
  if (!/^\s*\{/u.test(text)) return false
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    // Not JSON: a rules document with a syntax error still gets the rules parser's message.
    return true
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Runs the command line: parses arguments, streams the input, classifies every status with one
 * filter, prints the verdicts and a summary.
 *
 * @param argv - the arguments after the program name
 * @param io - files, output streams and terminal facts
 * @returns the exit status
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'help' || argv.includes('-h') || argv.includes('--help')) {
    await io.stdout(HELP)
    return 0
  }
  if (argv.includes('-v') || argv.includes('--version') || argv[0] === 'version') {
    await io.stdout(`${io.version}\n`)
    return 0
  }
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    io.stderr(`mastodon-spam-filter: ${args}\nRun "mastodon-spam-filter help" for usage.\n`)
    return 2
  }

  // No `memory` option: the filter keeps its own in-memory store and classifies synchronously.
  const options: { -readonly [K in keyof Omit<SpamFilterOptions, 'memory'>]: SpamFilterOptions[K] } = {}
  if (args.viewer !== undefined) options.viewer = { acct: args.viewer }
  if (Object.keys(args.thresholds).length > 0) options.thresholds = args.thresholds
  if (args.rules.length > 0) {
    const documents: (string | RulesDocument)[] = []
    for (const file of args.rules) {
      let text: string
      try {
        text = await io.readText(file)
      } catch (error) {
        io.stderr(`mastodon-spam-filter: --rules ${file}: cannot read (${message(error)})\n`)
        return 2
      }
      // A JSON object is a rules document (checked, errors name the entry); anything else is a
      // server list in a format admins share (Mastodon's domain_blocks.csv, GoToSocial or API JSON, plain text).
      if (isJsonObject(text)) documents.push(text)
      else {
        const list = parseServerList(text, { name: file.split(/[\\/]/u).pop() ?? file })
        documents.push(list.rules)
        const ignored = list.ignored.length === 0 ? '' : `; ${plural(list.ignored.length, 'entry', 'entries')} ignored (${[...new Set(list.ignored.map((i) => i.reason))].join(', ')})`
        io.stderr(`--rules ${file}: a ${list.format} server list: ${plural(list.blocked.length, 'blocked server', 'blocked servers')}, ${plural(list.listed.length, 'listed server', 'listed servers')}${ignored}\n`)
      }
    }
    options.rules = documents
  }
  let filter
  try {
    filter = createSpamFilter(options)
  } catch (error) {
    // Name the rules file rather than its position in the list.
    const text = error instanceof SpamFilterConfigError ? error.message.replace(/\brules\[(\d+)\]/u, (_, i: string) => `--rules ${args.rules[Number(i)] ?? ''}`) : message(error)
    io.stderr(`mastodon-spam-filter: ${args.rules.length === 1 ? text.replace(/^rules\b/u, `--rules ${args.rules[0]}`) : text}\n`)
    return 2
  }

  const name = args.file === '-' || args.file === undefined ? '<stdin>' : args.file
  const counts: Record<VerdictLabel, number> = { spam: 0, suspicious: 0, clean: 0 }
  const signals = new Map<string, number>()
  const skippedLines: number[] = []
  let skipped = 0
  let done = 0
  let pending = ''
  const write = async (text: string, force = false): Promise<void> => {
    pending += text
    if (pending.length >= FLUSH_AT || (force && pending !== '')) {
      const out = pending
      pending = ''
      await io.stdout(out)
    }
  }
  const showProgress = args.progress ?? io.stderrIsTty
  const progress = (): void => {
    if (io.stderrIsTty) io.stderr(`\rclassified ${plural(done, 'status', 'statuses')}`)
    else io.stderr(`classified ${plural(done, 'status', 'statuses')}\n`)
  }
  const error = async (row: ErrorRow): Promise<void> => {
    skipped++
    if (skippedLines.length < NAMED_SKIPS) skippedLines.push(row.line)
    await write(`${args.format === 'json' ? jsonError(row) : args.format === 'csv' ? csvError(row) : tableError(row)}\n`)
  }
  /** A line that gives no verdict: with --strict the run stops there (true: exit 1), else it is an error row. */
  const unreadable = async (line: number, why: string): Promise<boolean> => {
    if (!args.strict) {
      await error({ line, message: why })
      return false
    }
    await write('', true)
    io.stderr(`mastodon-spam-filter: ${name}:${line}: ${why} (stopped: --strict)\n`)
    return true
  }

  if (args.format === 'table') await write(`${tableHeader()}\n`)
  if (args.format === 'csv') await write(`${csvHeader()}\r\n`)
  try {
    for await (const event of readStatuses(io.open(args.file ?? '-'), io.limits ?? DEFAULT_INPUT_LIMITS)) {
      if (event.kind === 'error') {
        if (await unreadable(event.line, event.message)) return 1
        continue
      }
      // One input object may hold several statuses (a collection, grouped notifications, an
      // archive's outbox) or none (an account, a follow notification): detectInput tells.
      let rows: VerdictRow[]
      try {
        const detected = detectInput(event.value, args.host === undefined ? { format: args.input } : { format: args.input, host: args.host })
        if (detected.statuses.length === 0) {
          if (await unreadable(event.line, `no status in ${detected.seen}`)) return 1
          continue
        }
        rows = detected.statuses.map((status) => {
          const verdict = filter.classify(status)
          const inner = unwrapStatus(status)
          const read = inner === undefined ? undefined : readStatus(inner, args.host)
          return { line: event.line, id: read?.id, url: read?.url, author: read?.author.acct ?? '', verdict }
        })
      } catch (caught) {
        // The library promises not to throw on any input; should it, the line is reported, not the stack.
        if (await unreadable(event.line, `could not classify (${message(caught)})`)) return 1
        continue
      }
      for (const row of rows) {
        const { verdict } = row
        counts[verdict.label]++
        if (verdict.label !== 'clean') for (const reason of verdict.reasons) if (reason.score > 0) signals.set(reason.signal, (signals.get(reason.signal) ?? 0) + 1)
        done++
        if (!args.flagged || verdict.label !== 'clean') {
          await write(`${args.format === 'json' ? jsonRow(row) : args.format === 'csv' ? csvRow(row) : tableRow(row)}${args.format === 'csv' ? '\r\n' : '\n'}`)
        }
        if (showProgress && done % PROGRESS_EVERY === 0) progress()
      }
    }
  } catch (caught) {
    await write('', true)
    io.stderr(`${showProgress && io.stderrIsTty && done >= PROGRESS_EVERY ? '\n' : ''}mastodon-spam-filter: ${name}: cannot read (${message(caught)})\n`)
    return 1
  }
  await write('', true)
  if (showProgress && done >= PROGRESS_EVERY) {
    progress()
    if (io.stderrIsTty) io.stderr('\n')
  }

  const flagged = counts.spam + counts.suspicious
  let summary = `${plural(done, 'status', 'statuses')}: ${counts.spam} spam, ${counts.suspicious} suspicious, ${counts.clean} clean`
  if (args.flagged) summary += ` (${flagged} shown: --flagged)`
  if (skipped > 0) summary += `; ${plural(skipped, 'line', 'lines')} skipped (${skippedLines.join(', ')}${skipped > skippedLines.length ? ', …' : ''})`
  io.stderr(`${summary}\n`)
  if (signals.size > 0) {
    const bySignal = [...signals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([signal, n]) => `${signal} ${n}`)
    io.stderr(`signals behind the ${plural(flagged, 'flagged status', 'flagged statuses')}: ${bySignal.join(', ')}\n`)
  }
  if (args.failOn !== undefined && (counts.spam > 0 || (args.failOn === 'suspicious' && counts.suspicious > 0))) return 3
  return 0
}
