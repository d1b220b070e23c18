/**
 * Type-level tests of the options: `weights` is keyed by signal id (a typo does not compile),
 * custom signals with literal ids add their ids. Checked by `tsc -p tsconfig.test.json`.
 */
import { describe, test } from 'vitest'
import { classifyStatus, createSpamFilter, RECOMMENDED_SIGNALS, type Signal } from '../src/index.js'

describe('weights', () => {
  test('built-in ids compile, typos do not', () => {
    classifyStatus({}, { weights: { 'mention-density': 2, 'username-block': 0 } })
    createSpamFilter({ weights: { 'new-account': 1 } })
    // @ts-expect-error a misspelt signal id
    classifyStatus({}, { weights: { 'mention-densty': 2 } })
    // @ts-expect-error in the filter too
    createSpamFilter({ weights: { 'new-acount': 1 } })
  })

  test('a custom signal with a literal id adds its id; other ids stay refused', () => {
    const mine = { id: 'my-signal', group: 'text', evaluate: () => undefined } as const satisfies Signal<'my-signal'>
    classifyStatus({}, { signals: [...RECOMMENDED_SIGNALS, mine], weights: { 'my-signal': 2, 'mention-density': 1 } })
    // @ts-expect-error not the custom id
    classifyStatus({}, { signals: [...RECOMMENDED_SIGNALS, mine], weights: { 'my-signl': 2 } })
  })

  test('a custom signal typed Signal (id: string) accepts any id, as before', () => {
    const loose: Signal = { id: 'loose-signal', group: 'text', evaluate: () => undefined }
    classifyStatus({}, { signals: [loose], weights: { 'loose-signal': 1 } })
  })
})

describe('unknown option keys', () => {
  test('are refused by the type where it can', () => {
    // @ts-expect-error threshold is not an option (thresholds is)
    classifyStatus({}, { threshold: 5 })
    // @ts-expect-error viwer is not an option
    createSpamFilter({ viwer: {} })
  })
})
