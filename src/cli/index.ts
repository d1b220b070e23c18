/**
 * The `mastodon-spam-filter` command (package.json `bin`), Node only:
 * `mastodon-spam-filter classify <file|-> [options]`. See `run-cli.ts` for the behaviour.
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { stderr, stdin, stdout } from 'node:process'
import { version } from '../../package.json'
import { runCli } from './run-cli.js'

/** Rules files are read whole: a rules document is kilobytes; this bounds a wrong file name. */
const MAX_RULES_BYTES = 32 * 1024 * 1024

// `… | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

try {
  const code = await runCli(process.argv.slice(2), {
    open: (path) => (path === '-' ? stdin : createReadStream(path, { highWaterMark: 256 * 1024 })),
    readText: async (path) => {
      const { size } = await stat(path)
      if (size > MAX_RULES_BYTES) throw new Error(`${size} bytes, more than a rules document (${MAX_RULES_BYTES} at most)`)
      return readFile(path, 'utf8')
    },
    // Wait for the pipe to drain when it is full, so a slow reader does not fill memory.
    stdout: (text) => (stdout.write(text) ? undefined : once(stdout, 'drain').then(() => undefined)),
    stderr: (text) => void stderr.write(text),
    stderrIsTty: stderr.isTTY === true,
    version,
  })
  process.exitCode = code
} catch (error) {
  // Input errors are reported by runCli; anything reaching here is a bug: say so in one line
  // (MASTODON_SPAM_FILTER_DEBUG=1 prints the stack).
  const detail = process.env['MASTODON_SPAM_FILTER_DEBUG'] === '1' && error instanceof Error ? (error.stack ?? error.message) : error instanceof Error ? error.message : String(error)
  stderr.write(`mastodon-spam-filter: internal error: ${detail}\n`)
  process.exitCode = 70
}
