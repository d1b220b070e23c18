import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { homeKey, probeKeys } from '../../src/history/image-ring.js'
import { IMAGE_FINGERPRINT_BYTES } from '../../src/media/blurhash.js'
import { mix32 } from '../../src/text/hash32.js'

// The cartesian product the odometer replaced: the reference for the probed cells and their order.
const KEY_COMPONENTS = [0, 1, 2, 3, 9, 12] as const
const EDGE = 6
const cellKey = (cells: readonly number[]): number => mix32(cells.reduce((key, cell) => key * 8 + cell, 0) + 0x632be5ab)
function referenceProbeKeys(fp: Uint8Array): number[] {
  let cells: number[][] = [[]]
  for (const c of KEY_COMPONENTS) {
    const value = fp[c]!
    const cell = value >> 5
    const options = [cell]
    if ((value & 31) < EDGE && cell > 0) options.push(cell - 1)
    if ((value & 31) > 31 - EDGE && cell < 7) options.push(cell + 1)
    cells = cells.flatMap((prefix) => options.map((o) => [...prefix, o]))
  }
  return cells.map(cellKey)
}

const fingerprint = fc.uint8Array({ minLength: IMAGE_FINGERPRINT_BYTES, maxLength: IMAGE_FINGERPRINT_BYTES })

describe('probeKeys', () => {
  test('gives the cells of the cartesian product, in its order, the home cell first', () => {
    fc.assert(
      fc.property(fingerprint, (fp) => {
        const keys = probeKeys(fp)
        expect(keys).toEqual(referenceProbeKeys(fp))
        expect(keys[0]).toBe(homeKey(fp))
      }),
      { seed: 14, numRuns: 3_000 },
    )
  })

  test('probes 64 cells when every component is near an edge, 1 when none is', () => {
    const edges = new Uint8Array(IMAGE_FINGERPRINT_BYTES).fill(100) // 100 & 31 = 4 < EDGE, cell 3
    expect(probeKeys(edges)).toHaveLength(64)
    const middle = new Uint8Array(IMAGE_FINGERPRINT_BYTES).fill(80) // 80 & 31 = 16
    expect(probeKeys(middle)).toHaveLength(1)
  })
})
