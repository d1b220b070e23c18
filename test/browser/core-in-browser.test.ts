import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bundleCore, fixtureStatuses, launchChromium, noNodeBuiltins, ROOT, serve } from './harness.js'

// What each input is: a Mastodon status, or a Misskey / ActivityPub object the adapters convert.
type Kind = 'mastodon' | 'misskey' | 'activitypub'
type Case = [name: string, kind: Kind, input: unknown]
type Outcome = { label: string; score: number; signals: string[] }

const own = (dir: 'misskey' | 'activitypub', file: string): Case => [`${dir}/${file}`, dir, JSON.parse(readFileSync(join(ROOT, 'fixtures', dir, file), 'utf8'))]
const CASES: Case[] = [
  ...fixtureStatuses().map(([name, json]): Case => [name, 'mastodon', json]),
  own('misskey', 'mention-wave-2024-02.json'),
  own('misskey', 'local-note-with-mfm.json'),
  own('activitypub', 'create-note-mention-wave.json'),
  own('activitypub', 'article-with-actor.json'),
  // Built here so the test runs before any shared fixture exists.
  ['built/plain-ham', 'mastodon', { id: '1', created_at: '2025-01-01T00:00:00Z', content: '<p>Good morning!</p>', account: { acct: 'a@x.example', created_at: '2020-01-01T00:00:00Z' } }],
]

// The same function runs in Node, in the page and in the worker (serialized with toString).
const classifyAll = (lib: Record<string, (...args: unknown[]) => unknown>, cases: Case[]): Outcome[] => {
  const filter = lib['createSpamFilter']!() as { classify: (s: unknown) => { label: string; score: number; reasons: { signal: string }[] } }
  return cases.map(([, kind, input]) => {
    const status = kind === 'misskey' ? lib['fromMisskey']!(input, { host: 'open-signup.example' }) : kind === 'activitypub' ? lib['fromActivityPub']!(input) : input
    const v = filter.classify(status)
    return { label: v.label, score: v.score, signals: v.reasons.map((r) => r.signal) }
  })
}

const WORKER = `import * as lib from './spam-filter.js'
const classifyAll = ${classifyAll.toString()}
self.onmessage = (event) => self.postMessage(classifyAll(lib, event.data))
`

let page: Page
let close: (() => Promise<void>) | undefined
let expected: Outcome[]

beforeAll(async () => {
  const bundle = await bundleCore('browser', 'esm')
  const server = await serve({
    '/index.html': ['text/html', '<!doctype html><meta charset="utf-8"><title>core</title><script type="module">import * as lib from "./spam-filter.js"; window.spamFilter = lib</script>'],
    '/spam-filter.js': ['text/javascript', bundle],
    '/worker.js': ['text/javascript', WORKER],
  })
  const browser = await launchChromium()
  close = async () => {
    await browser.close()
    await server.close()
  }
  page = await browser.context.newPage()
  await page.goto(`${server.url}/index.html`)
  await page.waitForFunction(() => 'spamFilter' in window)
  const lib = (await import(join(ROOT, 'dist/index.js'))) as Record<string, (...args: unknown[]) => unknown>
  expected = classifyAll(lib, CASES)
}, 60_000)

afterAll(async () => {
  await close?.()
})

describe('the browser bundle', () => {
  test('fails to build when something imports a Node built-in', async () => {
    const { build } = await import('esbuild')
    const attempt = build({ stdin: { contents: "import { readFileSync } from 'node:fs'; export default readFileSync", resolveDir: ROOT }, bundle: true, write: false, platform: 'browser', plugins: [noNodeBuiltins], logLevel: 'silent' })
    await expect(attempt).rejects.toThrow('imports the Node built-in "node:fs"')
  })

  test('classifies real spam and ham fixtures (the comparison is not vacuous)', () => {
    expect(expected.some((o) => o.label === 'spam')).toBe(true)
    expect(expected.some((o) => o.label === 'clean')).toBe(true)
  })

  test('gives the same verdicts in a page as in Node', async () => {
    const actual = await page.evaluate(([source, cases]) => {
      const lib = (window as unknown as { spamFilter: unknown }).spamFilter
      return (0, eval)(`(${source})`)(lib, cases) as Outcome[]
    }, [classifyAll.toString(), CASES] as const)
    expect(actual.map((o, i) => [CASES[i]?.[0], o])).toEqual(expected.map((o, i) => [CASES[i]?.[0], o]))
  })

  test('gives the same verdicts in a module web worker as in Node', async () => {
    const actual = await page.evaluate(async (cases) => {
      const worker = new Worker('/worker.js', { type: 'module' })
      try {
        return await new Promise<Outcome[]>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<Outcome[]>) => resolve(event.data)
          worker.onerror = (event) => reject(new Error(event.message))
          worker.postMessage(cases)
        })
      } finally {
        worker.terminate()
      }
    }, CASES)
    expect(actual.map((o, i) => [CASES[i]?.[0], o])).toEqual(expected.map((o, i) => [CASES[i]?.[0], o]))
  })
})
