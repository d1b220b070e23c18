import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc')

describe('the examples', () => {
  // The same check as `npm run typecheck:examples`: the examples compile against src/ through the
  // `paths` mapping in examples/tsconfig.json, so an API change that breaks them fails here.
  test('compile with tsc -p examples/tsconfig.json', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [TSC, '-p', 'examples/tsconfig.json', '--noEmit'], { cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), out: `${stdout}${stderr}` })
      })
    })
    expect(result.out).toBe('')
    expect(result.code).toBe(0)
  }, 120_000)

  // columns: example file, masto.js client it uses, what it classifies
  test.each([
    ['filter-home-timeline.ts', 'createRestAPIClient', 'masto.v1.timelines.home.list'],
    ['moderation-bot.ts', 'createStreamingAPIClient', 'streaming.public.subscribe()'],
  ])('%s uses %s and classifies with fromMasto', (file, client, source) => {
    const code = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')
    expect(code).toMatch(new RegExp(`import \\{[^}]*\\b${client}\\b[^}]*\\} from 'masto'`, 'u'))
    expect(code).toContain(source)
    expect(code).toContain('filter.classify(fromMasto(')
  })
})
