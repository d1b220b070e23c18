/**
 * Type-level test: `toFilterResult` gives what masto.js (`mastodon.v1.FilterResult`) and a
 * Mastodon REST `status.filtered` entry accept. Checked by `tsc -p tsconfig.test.json`.
 */
import type { mastodon } from 'masto'
import { describe, expectTypeOf, test } from 'vitest'
import { classifyStatus } from '../src/classify.js'
import { toFilterResult, type FilterResult } from '../src/filter-result.js'

declare const status: mastodon.v1.Status

describe('toFilterResult types', () => {
  test("the masto shape is a masto.js FilterResult, assignable to a Status's filtered list", () => {
    const result = toFilterResult(classifyStatus({}), { shape: 'masto' })
    if (result !== undefined) {
      expectTypeOf(result).toExtend<mastodon.v1.FilterResult>()
      const filtered: mastodon.v1.FilterResult[] = [...(status.filtered ?? []), result]
      void filtered
    }
  })

  test('the default shape is the REST one, which masto.js does not accept as is', () => {
    const result = toFilterResult(classifyStatus({}))
    expectTypeOf(result).toEqualTypeOf<FilterResult | undefined>()
    expectTypeOf<FilterResult>().not.toExtend<mastodon.v1.FilterResult>()
    expectTypeOf<FilterResult['filter']['filter_action']>().toEqualTypeOf<mastodon.v2.FilterAction>()
  })
})
