/**
 * The root export is the public API: a curated list, so an internal helper never becomes public
 * by accident. Building blocks go to `mastodon-spam-filter/internals`.
 */
import { describe, expect, test } from 'vitest'
import * as internals from '../../src/internals.js'
import * as root from '../../src/index.js'

describe('the root export', () => {
  test('is exactly the public values', () => {
    expect(Object.keys(root).sort()).toEqual([
      'MESSAGES',
      'MemoryUnavailableError',
      'RECOMMENDED_PRESET',
      'RECOMMENDED_SIGNALS',
      'SpamFilterConfigError',
      'SpamFilterMemoryError',
      'classifyPush',
      'classifyStatus',
      'createCopyWaves',
      'createMemoryStore',
      'createPushClassifier',
      'createSpamFilter',
      'detectInput',
      'fromActivityPub',
      'fromMasto',
      'fromMisskey',
      'parseRules',
      'parseServerList',
      'readPushPayload',
      'renderMessage',
      'toFilterResult',
      'validateRules',
      'watchCopyWaves',
    ])
  })

  test('shares nothing with the internals subpath', () => {
    const shared = Object.keys(internals).filter((name) => name in root)
    expect(shared).toEqual([])
    expect(Object.keys(internals)).toEqual(expect.arrayContaining(['htmlToText', 'foldForMatching', 'readStatus', 'unwrapStatus', 'decideLabel', 'punycodeEncode', 'minhashSignature', 'mentionDensity']))
  })
})
