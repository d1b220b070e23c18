/**
 * The `mastodon-spam-filter` command (package.json `bin`), Node only:
 * `mastodon-spam-filter classify <file.json|file.jsonl|->`. See `run-cli.ts` for the behaviour.
 */
import { readFile } from 'node:fs/promises'
import { stderr, stdin, stdout } from 'node:process'
import { version } from '../../package.json'
import { runCli } from './run-cli.js'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

// `… | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

const code = await runCli(process.argv.slice(2), {
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  stdout: (text) => void stdout.write(text),
  stderr: (text) => void stderr.write(text),
  stderrIsTty: stderr.isTTY === true,
  version,
})
process.exitCode = code
