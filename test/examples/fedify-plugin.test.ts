/**
 * The Fedify plugin example against two real Fedify servers on localhost (examples/fedify-plugin/demo.ts):
 * one sends signed Create(Note) activities, a copy wave from five fresh accounts and ordinary notes,
 * the other's inbox classifies them with the shared filter. Fedify needs Node 22: the demo runs in
 * the Node 22 binary `scripts/node-bin.sh 22` provides (from the npm registry, cached in .cache/).
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Decision {
  readonly from: string
  readonly action: 'accept' | 'flag' | 'reject'
  readonly label: string
  readonly signals: readonly string[]
}

const run = (file: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => (error === null ? resolve(stdout) : reject(new Error(`${file} failed: ${stderr}`))))
  })

let lines: unknown[] = []

beforeAll(async () => {
  const node22 = (await run('bash', ['scripts/node-bin.sh', '22'])).trim()
  const out = await run(node22, ['--import', 'tsx', 'examples/fedify-plugin/demo.ts'], { TSX_TSCONFIG_PATH: 'examples/tsconfig.json' })
  lines = out.trim().split('\n').map((line) => JSON.parse(line) as unknown)
}, 180_000)

describe('the Fedify plugin between two servers', () => {
  const decisions = (): Decision[] => lines.filter((line): line is Decision => typeof line === 'object' && line !== null && 'action' in line)

  test('the receiver decided on every signed note it was sent', () => {
    expect(decisions().map((d) => d.from)).toEqual(['artdeal0x0', 'ana', 'artdeal1x919', 'bo', 'artdeal2x838', 'cy', 'artdeal3x757', 'artdeal4x676'])
  })

  test('accepts the ordinary notes, clean', () => {
    for (const decision of decisions().filter((d) => !d.from.startsWith('artdeal'))) expect(decision).toEqual({ from: decision.from, action: 'accept', label: 'clean', signals: [] })
  })

  test('flags the first copies of the wave and rejects it as spam from the third account on', () => {
    const wave = decisions().filter((d) => d.from.startsWith('artdeal'))
    expect(wave.map((d) => d.action)).toEqual(['flag', 'flag', 'reject', 'reject', 'reject'])
    expect(wave.map((d) => d.signals.includes('near-duplicate'))).toEqual([false, false, true, true, true])
  })

  test('an unsigned Create is refused before the listener', () => {
    expect(lines).toContainEqual({ unsigned: 401 })
  })
})
