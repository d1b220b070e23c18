/**
 * The core must stay free of the OCR engines: an app that never imports
 * `mastodon-spam-filter/ocr` must not ship tesseract.js or jsQR, nor pay for their download.
 * Bundles the built core (dist/index.js, as `npm test` builds it) and its source with esbuild and
 * looks for the engines' names; bundling the OCR entry shows the check can fail.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
// Names only the OCR engines use: tesseract.js's module name and its API, jsQR's.
const MUST_NOT_APPEAR = ['tesseract', 'createWorker', 'jsqr', 'jsQR', 'traineddata']

async function bundle(contents: string, external: readonly string[] = []): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'app.js', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: false,
    external: [...external],
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

const found = (code: string): string[] => MUST_NOT_APPEAR.filter((name) => code.includes(name))

describe('the core bundle', () => {
  test('is built (run `npm run build` first)', () => {
    expect(existsSync(join(ROOT, 'dist/index.js'))).toBe(true)
  })

  // what the app imports
  test.each([
    ["import { classifyStatus } from './dist/index.js'; console.log(classifyStatus({}))"],
    ["import { createSpamFilter } from './dist/index.js'; console.log(createSpamFilter().classifyAsync({}))"],
    ["export * from './dist/index.js'"],
    ["export * from './src/index.ts'"],
  ])('has no OCR engine: %s', async (app) => {
    const code = await bundle(app)
    expect(code.length).toBeGreaterThan(1000)
    expect(found(code)).toEqual([])
  })
})

describe('the OCR bundle', () => {
  test('does name the engines (the check above can fail)', async () => {
    const code = await bundle("export * from './src/ocr/index.ts'", ['tesseract.js', 'jsqr'])
    expect(found(code)).toEqual(expect.arrayContaining(['createWorker', 'jsqr', 'jsQR']))
  })
})

// The Redis store is a subpath too: an app that never imports `mastodon-spam-filter/redis` ships
// neither the store nor the client. Names only the Redis code uses: its script command, its
// factory, and the client package's import.
const REDIS_NAMES = ['EVALSHA', 'createRedisStore', '"redis"', "'redis'"]
const redisFound = (code: string): string[] => REDIS_NAMES.filter((name) => code.includes(name))

describe('the core bundle without the Redis store', () => {
  test.each([
    ["import { createSpamFilter } from './dist/index.js'; console.log(createSpamFilter().classifyAsync({}))"],
    ["export * from './dist/index.js'"],
    ["export * from './src/index.ts'"],
  ])('has no Redis code: %s', async (app) => {
    const code = await bundle(app)
    expect(code.length).toBeGreaterThan(1000)
    expect(redisFound(code)).toEqual([])
  })

  test('while the Redis entry has it (the check above can fail)', async () => {
    const code = await bundle("export * from './src/redis/index.ts'", ['redis'])
    expect(redisFound(code)).toEqual(expect.arrayContaining(['EVALSHA', 'createRedisStore']))
    expect(redisFound(code).some((name) => name.includes('redis'))).toBe(true)
  })
})
