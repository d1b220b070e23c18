import { createSpamFilter } from '../filter.js'
import { readStatus, unwrapStatus } from '../status/read-status.js'
import type { VerdictLabel } from '../verdict.js'
import { jsonRow, tableHeader, tableRow } from './format-verdict.js'
import { InputError, readInput } from './read-input.js'
import { INPUT_FORMATS, toStatus, type InputFormat } from './to-status.js'

/** What the CLI needs from its environment, so tests can run it in-process. */
export interface CliIo {
  /** Reads a file, or standard input for `-`. */
  readonly readText: (path: string) => Promise<string>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Whether standard error is a terminal (progress shows by default then). */
  readonly stderrIsTty: boolean
  readonly version: string
}

export const HELP = `Usage: mastodon-spam-filter classify <file.json|file.jsonl|-> [options]

Classifies fediverse statuses and prints one verdict per status.
Input: a JSON array, a single JSON object, or JSON lines (one object a line); - reads stdin.
Each object may be a Mastodon REST Status or Notification, a masto.js entity, a Misskey note,
or an ActivityPub Note/Question/Article (or a Create wrapping one): see --format.
One filter reads the whole input, so repeated near-identical posts are remembered across it.

Options:
  --json             print JSON lines (one verdict object a line) instead of a table
  --format <f>       auto (default), mastodon, masto, misskey, activitypub
  --host <host>      the server the input came from (qualifies local accounts)
  --viewer <acct>    your account as user@host (your own posts stay clean)
  --progress         show progress on stderr even when stderr is not a terminal
  --no-progress      never show progress
  -h, --help         show this help
  -v, --version      show the version

Exit status: 0 when every status was read, 1 for unreadable input, 2 for bad usage.
`

const PROGRESS_EVERY = 500
const LARGE_INPUT = 1_000

interface Args {
  file: string | undefined
  json: boolean
  format: InputFormat
  host: string | undefined
  viewer: string | undefined
  progress: boolean | undefined
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { file: undefined, json: false, format: 'auto', host: undefined, viewer: undefined, progress: undefined }
  const rest = [...argv]
  if (rest[0] !== 'classify') return `unknown command ${rest[0] === undefined ? '(none)' : `"${rest[0]}"`}: expected "classify"`
  rest.shift()
  while (rest.length > 0) {
    const arg = rest.shift() ?? ''
    const value = (): string | undefined => rest.shift()
    if (arg === '--json') args.json = true
    else if (arg === '--progress') args.progress = true
    else if (arg === '--no-progress') args.progress = false
    else if (arg === '--format') {
      const format = value()
      if (!INPUT_FORMATS.includes(format as InputFormat)) return `--format must be one of ${INPUT_FORMATS.join(', ')}`
      args.format = format as InputFormat
    } else if (arg === '--host') args.host = value()
    else if (arg === '--viewer') args.viewer = value()
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`
    else if (args.file === undefined) args.file = arg
    else return `one input file at a time (got "${args.file}" and "${arg}")`
  }
  if (args.file === undefined) return 'missing input: a file name, or - for standard input'
  return args
}

/**
 * Runs the command line: parses arguments, reads the input, classifies every status with one
 * filter, prints the verdicts.
 *
 * @param argv - the arguments after the program name
 * @param io - files, output streams and terminal facts
 * @returns the exit status
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(HELP)
    return 0
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    io.stdout(`${io.version}\n`)
    return 0
  }
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    io.stderr(`mastodon-spam-filter: ${args}\nRun with --help for usage.\n`)
    return 2
  }
  const name = args.file === '-' || args.file === undefined ? '<stdin>' : args.file
  let items
  try {
    items = readInput(await io.readText(args.file ?? '-'), name)
  } catch (error) {
    const message = error instanceof InputError ? error.message : `${name}: cannot read (${error instanceof Error ? error.message : String(error)})`
    io.stderr(`mastodon-spam-filter: ${message}\n`)
    return 1
  }

  let filter
  try {
    filter = createSpamFilter(args.viewer === undefined ? {} : { viewer: { acct: args.viewer } })
  } catch (error) {
    io.stderr(`mastodon-spam-filter: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  const showProgress = args.progress ?? (io.stderrIsTty && items.length >= LARGE_INPUT)
  const counts: Record<VerdictLabel, number> = { spam: 0, suspicious: 0, clean: 0 }
  if (!args.json) io.stdout(`${tableHeader()}\n`)
  let done = 0
  for (const item of items) {
    const status = toStatus(item.value, args.format, args.host)
    const verdict = filter.classify(status)
    counts[verdict.label]++
    const inner = unwrapStatus(status)
    const read = inner === undefined ? undefined : readStatus(inner, args.host)
    const row = { at: item.at, id: read?.id, author: read?.author.acct ?? '', verdict }
    io.stdout(`${args.json ? jsonRow(row) : tableRow(row)}\n`)
    done++
    if (showProgress && (done % PROGRESS_EVERY === 0 || done === items.length)) {
      io.stderr(io.stderrIsTty ? `\rclassified ${done}/${items.length}${done === items.length ? '\n' : ''}` : `classified ${done}/${items.length}\n`)
    }
  }
  io.stderr(`${items.length} statuses: ${counts.spam} spam, ${counts.suspicious} suspicious, ${counts.clean} clean\n`)
  return 0
}
