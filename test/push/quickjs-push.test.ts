import { getQuickJS, type QuickJSContext, type QuickJSRuntime } from 'quickjs-emscripten'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bundleCore } from '../browser/harness.js'
import { evaluateIn } from '../helpers/quickjs-eval.js'
import { fixtureNotification, pushPayloadFor, SPAM_MENTION } from './recorded.js'

// A notification extension of a native app runs the core in an engine like this one: no timers,
// no AbortController, no URL, no fetch of its own. classifyPush must still decide there, with the
// app's fetch bridged in as a function, and without one.

let runtime: QuickJSRuntime
let vm: QuickJSContext

function evaluate(code: string): unknown {
  return evaluateIn(vm, code)
}

/** Runs an async expression to completion (QuickJS runs promise jobs only when asked). */
function settle(expression: string): unknown {
  evaluate(`globalThis.out = undefined; Promise.resolve(${expression}).then((v) => { globalThis.out = v }, (e) => { globalThis.out = { rejected: String(e) } }); undefined`)
  runtime.executePendingJobs()
  return evaluate('globalThis.out')
}

beforeAll(async () => {
  const bundle = await bundleCore('neutral', 'iife')
  runtime = (await getQuickJS()).newRuntime()
  vm = runtime.newContext()
  evaluate(`${bundle}\nglobalThis.MastodonSpamFilter = MastodonSpamFilter; undefined`)
  const spam = fixtureNotification(SPAM_MENTION)
  evaluate(`globalThis.payload = ${JSON.stringify(pushPayloadFor(spam))}; globalThis.notification = ${JSON.stringify(spam)}; undefined`)
}, 60_000)

afterAll(() => {
  vm?.dispose()
  runtime?.dispose()
})

describe('classifyPush in QuickJS', () => {
  test('the engine has no timers, AbortController or fetch', () => {
    expect(evaluate('[typeof setTimeout, typeof AbortController, typeof fetch, typeof URL].join()')).toBe('undefined,undefined,undefined,undefined')
  })

  test('from the payload alone', () => {
    const verdict = settle('MastodonSpamFilter.classifyPush(payload).then((v) => [v.label, v.source, v.partial])')
    expect(verdict).toEqual(['spam', 'payload', true])
  })

  test("with the app's fetch bridged in, and a filter", () => {
    const code = `(() => {
      const calls = []
      const fetch = (url, init) => { calls.push([url, init.headers.Authorization, 'signal' in init]); return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(notification)) }) }
      const filter = MastodonSpamFilter.createSpamFilter()
      return MastodonSpamFilter.classifyPush(payload, { fetch, origin: 'https://home.example', filter }).then((v) => [v.label, v.source, v.partial, filter.memorySize(), calls])
    })()`
    expect(settle(code)).toEqual(['spam', 'notification', false, 1, [['https://home.example/api/v1/notifications/48213077', 'Bearer push-token-0001', false]]])
  })

  test('a failing fetch falls back to the payload', () => {
    const verdict = settle(`MastodonSpamFilter.classifyPush(payload, { fetch: () => Promise.reject(new Error('offline')), origin: 'https://home.example' }).then((v) => [v.label, v.source, v.skipped.map((s) => s.signal + ':' + s.because)])`)
    expect(verdict).toEqual(['spam', 'payload', ['push-fetch:error', 'push:truncated']])
  })
})
