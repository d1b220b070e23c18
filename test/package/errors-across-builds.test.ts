/**
 * An app may load the ESM build while a library it uses loads the CommonJS one: the errors must be
 * recognisable across them (`instanceof` and the `name`). Needs the built package (npm run build).
 */
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import type * as Library from '../../src/index.js'

const require = createRequire(import.meta.url)

describe('errors of the ESM and CommonJS builds', () => {
  test('are instanceof each other, and of TypeError / Error', async () => {
    // A variable path: the typecheck runs before the build, so it must not resolve dist/.
    const DIST = '../../dist/index.js'
    const esm = (await import(DIST)) as typeof Library
    const cjs = require('../../dist/index.cjs') as unknown as typeof Library
    expect(esm.SpamFilterConfigError).not.toBe(cjs.SpamFilterConfigError)
    let fromCjs: unknown
    try {
      cjs.createSpamFilter({ threshold: 5 } as never)
    } catch (error) {
      fromCjs = error
    }
    expect(fromCjs).toBeInstanceOf(esm.SpamFilterConfigError)
    expect(fromCjs).toBeInstanceOf(cjs.SpamFilterConfigError)
    expect(fromCjs).toBeInstanceOf(TypeError)
    expect(esm.createSpamFilter).toBeDefined()
    expect(() => esm.createSpamFilter(null as never)).toThrow(cjs.SpamFilterConfigError)
    let memoryError: unknown
    try {
      cjs.createSpamFilter().importMemory('AAAA')
    } catch (error) {
      memoryError = error
    }
    expect(memoryError).toBeInstanceOf(esm.SpamFilterMemoryError)
    expect(memoryError).not.toBeInstanceOf(esm.SpamFilterConfigError)
    expect(new Error('x')).not.toBeInstanceOf(esm.SpamFilterConfigError)
    // The OCR subpath's ImageFetchError: a fetchImage of one build may throw it to a reader of the other.
    const OCR = '../../dist/ocr.js'
    const esmOcr = (await import(OCR)) as { ImageFetchError: new (because: string, message: string) => Error }
    const cjsOcr = require('../../dist/ocr.cjs') as typeof esmOcr
    expect(new cjsOcr.ImageFetchError('timeout', 'slow')).toBeInstanceOf(esmOcr.ImageFetchError)
    expect(new esmOcr.ImageFetchError('timeout', 'slow')).toBeInstanceOf(cjsOcr.ImageFetchError)
    expect(new Error('x')).not.toBeInstanceOf(esmOcr.ImageFetchError)
    expect(null).not.toBeInstanceOf(esm.SpamFilterMemoryError)
    expect(new cjs.MemoryUnavailableError('timeout', 'slow')).toBeInstanceOf(esm.MemoryUnavailableError)
  })
})
