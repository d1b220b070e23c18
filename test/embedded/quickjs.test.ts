import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getQuickJS, type QuickJSContext } from 'quickjs-emscripten'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bundleCore, fixtureStatuses, ROOT } from '../browser/harness.js'
import { evaluateIn } from '../helpers/quickjs-eval.js'

// QuickJS (through quickjs-emscripten) stands in for the engines of native apps (JavaScriptCore,
// Hermes): no DOM, no Node, no URL, no TextEncoder, no Intl. The core bundle must run there.

let vm: QuickJSContext
let node: Record<string, (...args: unknown[]) => unknown>

function evaluate(code: string): unknown {
  return evaluateIn(vm, code)
}

beforeAll(async () => {
  const bundle = await bundleCore('neutral', 'iife')
  vm = (await getQuickJS()).newContext()
  evaluate(`${bundle}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
  node = (await import(join(ROOT, 'dist/index.js'))) as typeof node
}, 60_000)

afterAll(() => {
  vm?.dispose()
})

describe('the core bundle in QuickJS', () => {
  test('runs in an engine without URL, TextEncoder and Intl', () => {
    expect(evaluate('[typeof URL, typeof TextEncoder, typeof Intl, typeof MastodonSpamFilter.classifyStatus].join()')).toBe('undefined,undefined,undefined,function')
  })

  // Every fixture status: the label and score in QuickJS equal Node's.
  const cases = fixtureStatuses()
  const own = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'fixtures', dir, file), 'utf8'))
  const spam = own('activitypub', 'create-note-mention-wave.json')

  test('classifies the fixtures with the same verdicts as Node', () => {
    const run = (status: unknown): unknown => evaluate(`(() => { const v = MastodonSpamFilter.classifyStatus(${JSON.stringify(status)}); return { label: v.label, score: v.score, signals: v.reasons.map((r) => r.signal) } })()`)
    const inNode = (status: unknown) => {
      const v = node['classifyStatus']!(status) as { label: string; score: number; reasons: { signal: string }[] }
      return { label: v.label, score: v.score, signals: v.reasons.map((r) => r.signal) }
    }
    const all: [string, unknown][] = [...cases, ['built/plain-ham', { content: '<p>Good morning!</p>', created_at: '2025-01-01T00:00:00Z' }]]
    expect(all.map(([name, status]) => [name, run(status)])).toEqual(all.map(([name, status]) => [name, inNode(status)]))
  })

  test('reads ActivityPub and Misskey objects there too', () => {
    const code = `(() => {
      const m = MastodonSpamFilter
      const ap = m.classifyStatus(m.fromActivityPub(${JSON.stringify(spam)}))
      const mk = m.classifyStatus(m.fromMisskey(${JSON.stringify(own('misskey', 'mention-wave-2024-02.json'))}, { host: 'open-signup.example' }))
      return [ap.label, mk.label]
    })()`
    expect(evaluate(code)).toEqual(['spam', 'spam'])
  })
})
