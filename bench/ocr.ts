/**
 * Time per image of the OCR reader next to the native tesseract CLI, on the same fixture images
 * (fixtures/images) in the same run, one image at a time:
 *
 * - reader, first call: a new `createImageReader`, its first image (worker start and language
 *   data load included).
 * - reader, steady state: every image through the full reader (decoding, QR, pass 1, pass 2 when
 *   pass 1 found nothing link-like), median over the images and rounds.
 * - tesseract.js, one pass: `worker.recognize(file)` on the same worker, no preprocessing.
 * - tesseract CLI: `tesseract <file> stdout` (Debian's tesseract-ocr with its own eng data), one
 *   process per image, as a shell script would run it: process start and model load included.
 *
 * "invite found" counts invite images whose output holds a Discord invite (findDiscordInvites,
 * after foldOcrText for the reader; raw output otherwise). Other processes make times noisy.
 *
 * Usage: npx tsx bench/ocr.ts [--rounds N] [--json]
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as tesseract from 'tesseract.js'

import { findDiscordInvites } from '../src/links/discord-invite.js'
import { createImageReader } from '../src/ocr/index.js'

interface Entry {
  readonly file: string
  readonly class: string
}

const args = process.argv.slice(2)
const roundsAt = args.indexOf('--rounds')
const rounds = roundsAt >= 0 ? Math.max(1, Number(args[roundsAt + 1]) || 1) : 1
const dir = fileURLToPath(new URL('../fixtures/images/', import.meta.url))
const require = createRequire(import.meta.url)
const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
const entries = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[]).filter((e) => e.class !== 'qr-link')
const images = entries.map((e) => ({ ...e, bytes: readFileSync(join(dir, e.file)), isInvite: e.class !== 'negative' }))

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}
const hasInvite = (texts: readonly string[]): boolean => texts.some((t) => findDiscordInvites(t).length > 0)

interface Row {
  readonly engine: string
  readonly firstMs: number | undefined
  readonly medianMs: number
  readonly found: number
}
const rows: Row[] = []
const invites = images.filter((i) => i.isInvite).length

// The reader: first call on a fresh reader, then steady state.
{
  const reader = createImageReader({ tesseract, langPath })
  const first = images[0]!
  const [, firstMs] = await time(() => reader.readBytes(first.bytes))
  const times: number[] = []
  let found = 0
  for (let round = 0; round < rounds; round++) {
    for (const image of images) {
      const [reading, ms] = await time(() => reader.readBytes(image.bytes))
      times.push(ms)
      if (round === 0 && image.isInvite && hasInvite([reading.text, ...reading.qrTexts])) found++
    }
  }
  await reader.terminate()
  rows.push({ engine: 'reader (decode, QR, 1–2 passes)', firstMs, medianMs: median(times), found })
}

// tesseract.js, one plain pass per file.
{
  const [worker, startMs] = await time(() => tesseract.createWorker('eng', 1, { langPath, cacheMethod: 'none', gzip: true, errorHandler: () => {} }))
  const times: number[] = []
  let found = 0
  let firstMs: number | undefined
  for (let round = 0; round < rounds; round++) {
    for (const image of images) {
      const [result, ms] = await time(() => worker.recognize(image.bytes).catch(() => ({ data: { text: '' } })))
      if (firstMs === undefined) firstMs = startMs + ms
      times.push(ms)
      if (round === 0 && image.isInvite && hasInvite([result.data.text])) found++
    }
  }
  await worker.terminate()
  rows.push({ engine: 'tesseract.js, one pass', firstMs, medianMs: median(times), found })
}

// The native CLI, one process per image (Debian's tesseract-ocr; skipped with a notice when absent).
let cliVersion: string | undefined
try {
  cliVersion = execFileSync('tesseract', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? 'tesseract'
} catch {
  console.log('notice: the tesseract CLI is not installed (apt-get install tesseract-ocr): no native comparison')
}
if (cliVersion !== undefined) {
  const times: number[] = []
  let found = 0
  for (let round = 0; round < rounds; round++) {
    for (const image of images) {
      const [text, ms] = await time(() => {
        try {
          return execFileSync('tesseract', [join(dir, image.file), 'stdout'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        } catch {
          return ''
        }
      })
      times.push(ms)
      if (round === 0 && image.isInvite && hasInvite([text])) found++
    }
  }
  rows.push({ engine: `${cliVersion} CLI`, firstMs: undefined, medianMs: median(times), found })
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ images: images.length, invites, rounds, rows }, null, 2))
} else {
  console.log(`OCR bench: ${images.length} images (${invites} with an invite), ${rounds} round(s), one image at a time\n`)
  console.log('engine                                   first call ms  median ms/image  invite found')
  for (const row of rows) {
    const first = row.firstMs === undefined ? '—' : Math.round(row.firstMs).toString()
    console.log(`${row.engine.padEnd(40)} ${first.padStart(13)}  ${Math.round(row.medianMs).toString().padStart(15)}  ${`${row.found}/${invites}`.padStart(12)}`)
  }
}
