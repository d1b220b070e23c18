/**
 * The folder boundaries of ARCHITECTURE.md are lint rules (eslint.config.js): the store in
 * `src/history/` can never import the pipeline, the signals or the statuses again, and the core
 * never imports the Redis store. Lints small sources as if they lived in those folders.
 */
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname })

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message)
}

describe('the boundaries lint', () => {
  // file | import
  test.each([
    ['src/history/x.ts', "import { classifyNormalized } from '../classify.js'"],
    ['src/history/x.ts', "import { bareProfile } from '../signals/bare-profile.js'"],
    ['src/history/x.ts', "import type { NormalizedStatus } from '../status/normalized-status.js'"],
    ['src/history/x.ts', "import type { SignalContext } from '../signal.js'"],
    ['src/history/x.ts', "import { memoryRecord } from '../memory-record.js'"],
    ['src/text/x.ts', "import { readStatus } from '../status/read-status.js'"],
    ['src/filter.ts', "import { createRedisStore } from './redis/redis-store.js'"],
    ['src/index.ts', "export { createRedisStore } from './redis/index.js'"],
  ])('rejects in %s: %s', async (file, line) => {
    expect(await boundaryErrors(file, `${line}\nexport const x = 1\n`)).toHaveLength(1)
  })

  test.each([
    ['src/history/x.ts', "import { estimateJaccard } from '../text/minhash.js'"],
    ['src/history/x.ts', "import { sameImage } from '../media/image-distance.js'"],
    ['src/history/x.ts', "import { SpamFilterConfigError } from '../errors.js'"],
    ['src/text/x.ts', "import type { NormalizedStatus } from '../status/normalized-status.js'"],
    ['src/signals/x.ts', "import type { CopyMatch } from '../history/memory-store.js'"],
    ['src/filter.ts', "import { createMemoryStore } from './history/recent-statuses.js'"],
  ])('allows in %s: %s', async (file, line) => {
    expect(await boundaryErrors(file, `${line}\nexport const x = 1\n`)).toEqual([])
  })
})
