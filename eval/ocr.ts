/**
 * OCR accuracy on the generated fixture images (fixtures/images/manifest.json): per image class,
 * how many images there are, in how many an invite (or, for QR links, the URL) was found, and
 * the rate. Required: an invite found in ≥ 95% of the invite images and in none of the negatives.
 * Exits with 1 when a requirement fails.
 *
 * Usage: npx tsx eval/ocr.ts [--json] [--verbose]
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { findDiscordInvites } from '../src/links/discord-invite.js'
import { createImageReader, foldInviteCode } from '../src/ocr/index.js'

interface ManifestEntry {
  readonly file: string
  readonly class: string
  /** The invite code, the URL for `qr-link`, or '' for negatives. */
  readonly expected: string
  readonly description: string
}

interface Row {
  readonly images: number
  readonly found: number
  readonly exactCode: number
  readonly ms: number
}

const TARGET_INVITE_RATE = 0.95
const args = process.argv.slice(2)
const imagesDir = fileURLToPath(new URL('../fixtures/images/', import.meta.url))
const require = createRequire(import.meta.url)
const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
const manifest = JSON.parse(readFileSync(join(imagesDir, 'manifest.json'), 'utf8')) as ManifestEntry[]

const reader = createImageReader({ tesseract: await import('tesseract.js'), langPath })
const rows = new Map<string, Row>()
const misses: string[] = []
try {
  // One image at a time, so ms/image is the time of one read (the first includes the worker start).
  for (const entry of manifest) {
    const started = performance.now()
    const reading = await reader.readBytes(readFileSync(join(imagesDir, entry.file)))
    const ms = performance.now() - started
    const texts = [reading.text, ...reading.qrTexts]
    const invites = texts.flatMap((text) => findDiscordInvites(text))
    const found = entry.class === 'qr-link' ? texts.some((text) => text.includes(entry.expected)) : invites.length > 0
    const exact = entry.class === 'qr-link' ? found : invites.some((invite) => foldInviteCode(invite.code) === foldInviteCode(entry.expected))
    const row = rows.get(entry.class) ?? { images: 0, found: 0, exactCode: 0, ms: 0 }
    rows.set(entry.class, { images: row.images + 1, found: row.found + (found ? 1 : 0), exactCode: row.exactCode + (exact ? 1 : 0), ms: row.ms + ms })
    const wrong = entry.class === 'negative' ? found : !found
    if (wrong || args.includes('--verbose')) misses.push(`${wrong ? 'MISS' : 'ok  '} ${entry.file}: ${JSON.stringify(texts)}${reading.skipped.length > 0 ? ` skipped ${JSON.stringify(reading.skipped)}` : ''}`)
  }
} finally {
  await reader.terminate()
}

const sum = (filter: (name: string) => boolean, key: keyof Row): number => [...rows].filter(([name]) => filter(name)).reduce((total, [, row]) => total + row[key], 0)
const isInvite = (name: string): boolean => name !== 'negative' && name !== 'qr-link'
const inviteImages = sum(isInvite, 'images')
const inviteFound = sum(isInvite, 'found')
const negativeFound = sum((name) => name === 'negative', 'found')
const checks = [
  { check: `invite found in ≥ ${TARGET_INVITE_RATE * 100}% of invite images`, pass: inviteFound / inviteImages >= TARGET_INVITE_RATE, value: `${inviteFound}/${inviteImages}` },
  { check: 'no invite found in negative images', pass: negativeFound === 0, value: `${negativeFound}/${sum((name) => name === 'negative', 'images')}` },
]

if (args.includes('--json')) {
  console.log(JSON.stringify({ classes: Object.fromEntries(rows), checks, misses }, null, 2))
} else {
  const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`
  console.log(`OCR eval: ${manifest.length} images in fixtures/images, 1 worker, tesseract.js with @tesseract.js-data/eng 4.0.0_best_int\n`)
  console.log('class              images  found  rate    exact code  ms/image')
  for (const [name, row] of rows) {
    console.log(`${name.padEnd(18)} ${String(row.images).padStart(6)} ${String(row.found).padStart(6)}  ${pct(row.found, row.images).padStart(6)}  ${String(row.exactCode).padStart(10)}  ${Math.round(row.ms / row.images).toString().padStart(8)}`)
  }
  console.log(`\ninvite images: ${inviteFound}/${inviteImages} found (${pct(inviteFound, inviteImages)}); negatives with an invite: ${negativeFound}`)
  for (const line of misses) console.log(line)
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'} ${c.check}: ${c.value}`)
}
process.exitCode = checks.every((c) => c.pass) ? 0 : 1
