/**
 * The CLI reads input of any size with the same memory: a stream of N MB through standard input,
 * as JSON lines and as one JSON array, must not raise the process's peak resident set size by
 * more than a fixed margin over a run on a 1 MB input (a ratio of runs, not a time). The reader
 * before 0.2.0 held the whole input: +2 GB RSS for 1 GB.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PROBE = fileURLToPath(new URL('rss-probe.mjs', import.meta.url))
const MB = 1024 * 1024

// Real statuses, each padded with an export's extra field (60 kB) so the stream is large while
// the classifying stays quick: memory, not speed, is measured.
const statuses = ['spam/2024-02-arashi-link-01.json', 'ham/2025-01-japanese-links-01.json', 'spam/2024-10-midokuri-01.json', 'ham/2025-06-friends-thread-01.json'].map(
  (file) => JSON.parse(readFileSync(new URL(`../../fixtures/statuses/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>,
)
const padding = 'x'.repeat(60_000)
const line = (i: number): string => JSON.stringify({ ...statuses[i % statuses.length], id: String(1e17 + i), export_note: padding })

interface Result {
  code: number | null
  peak: number
  rows: number
  err: string
}

/** Streams `megabytes` of input into the CLI (with back-pressure) and reads its peak RSS. */
function runWith(megabytes: number, layout: 'jsonl' | 'array'): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PROBE, '--import', 'tsx', 'src/cli/index.ts', 'classify', '-', '--format', 'json', '--flagged'], { cwd: ROOT })
    let rows = 0
    let err = ''
    let partial = ''
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8')
      const lines = text.split('\n')
      partial = lines.pop() ?? ''
      rows += lines.length
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      const peak = Number(/rss-probe: (\d+)/u.exec(err)?.[1] ?? Number.NaN)
      resolve({ code, peak, rows, err: err.replace(/rss-probe: \d+\n/u, '') })
    })
    let written = 0
    let i = 0
    const target = megabytes * MB
    const pump = (): void => {
      if (layout === 'array' && i === 0) child.stdin.write('[\n')
      while (written < target) {
        const text = `${i > 0 && layout === 'array' ? ',\n' : ''}${line(i)}${layout === 'jsonl' ? '\n' : ''}`
        written += text.length
        i++
        if (!child.stdin.write(text)) {
          child.stdin.once('drain', pump)
          return
        }
      }
      child.stdin.end(layout === 'array' ? '\n]\n' : '')
    }
    pump()
  })
}

describe('the CLI on large input', () => {
  // columns: layout
  test.each([['jsonl'], ['array']] as const)('streams %s: peak memory for 100 MB stays within 64 MB of the peak for 1 MB', async (layout) => {
    const small = await runWith(1, layout)
    const large = await runWith(100, layout)
    for (const run of [small, large]) {
      expect(run.code).toBe(0)
      expect(Number.isFinite(run.peak)).toBe(true)
    }
    // Half the statuses are spam: --flagged prints those, and the summary counts every one.
    expect(large.rows).toBeGreaterThan(500)
    expect(large.err).toMatch(/^\d+ statuses: \d+ spam, 0 suspicious, \d+ clean/u)
    expect(large.peak - small.peak).toBeLessThan(64 * MB)
  }, 120_000)
})
