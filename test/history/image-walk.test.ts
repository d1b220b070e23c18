import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createImageRing, imageAppend, imageCopies, probeKeys, type ImageCopies, type ImageRing } from '../../src/history/image-ring.js'
import { IMAGE_FINGERPRINT_BYTES } from '../../src/media/blurhash.js'
import { sameImage } from '../../src/media/image-distance.js'
import { referenceChainWalk } from './ring-reference.js'

/** `imageCopies` as 0.2.0 wrote it (a callback walk per probed cell): the reference. */
function referenceImageCopies(ring: ImageRing, fp: Uint8Array, author: number, seconds: number, windowSeconds: number, found: ImageCopies): void {
  const kept = Math.min(ring.total, ring.capacity)
  for (const key of probeKeys(fp)) {
    referenceChainWalk(ring.index, 0, key, ring.total, kept, 32, (slot) => {
      const other = ring.words[slot * 12]!
      const time = ring.words[slot * 12 + 1]!
      if (other === author || Math.abs(time - seconds) > windowSeconds) return true
      if (!sameImage(ring.bytes, slot * 48 + 13, fp)) return true
      found.statuses++
      found.authors.set(other, (found.authors.get(other) ?? 0) | ring.bytes[slot * 48 + 12]!)
      if (found.firstAt < 0 || time <= found.firstAt) {
        found.firstAt = time
        found.firstParent = ring.words[slot * 12 + 2]!
      }
      return true
    })
  }
}

// Pictures near cell edges (several cells probed) and in the middle, and small variations of them.
const BASES = [96, 100, 128, 160].map((v) => new Uint8Array(IMAGE_FINGERPRINT_BYTES).fill(v))
const picture = fc.tuple(fc.integer({ min: 0, max: BASES.length - 1 }), fc.integer({ min: -12, max: 12 }), fc.integer({ min: 0, max: IMAGE_FINGERPRINT_BYTES - 1 })).map(([base, delta, at]) => {
  const fp = BASES[base]!.slice()
  fp[at] = Math.max(0, Math.min(255, fp[at]! + delta))
  return fp
})
const entry = fc.record({ fp: picture, author: fc.integer({ min: 1, max: 5 }), time: fc.integer({ min: 1_000, max: 1_100 }), flags: fc.integer({ min: 0, max: 7 }) })
const empty = (): ImageCopies => ({ authors: new Map(), statuses: 0, firstAt: -1, firstParent: 0 })

describe('imageCopies (cursor walk) against the 0.2.0 callback walk', () => {
  test('finds the same copies, authors, first time and first parent', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), fc.array(entry, { minLength: 1, maxLength: 10 }), fc.constantFrom(8, 32, 128), fc.constantFrom(20, 1_000), (filed, looked, capacity, window) => {
        const ring = createImageRing(capacity)
        filed.forEach((e, i) => imageAppend(ring, e.fp, e.author, e.flags, e.time, i + 1))
        for (const e of looked) {
          const mine = empty()
          const theirs = empty()
          imageCopies(ring, e.fp, e.author, e.time, window, mine)
          referenceImageCopies(ring, e.fp, e.author, e.time, window, theirs)
          expect(mine).toEqual(theirs)
        }
      }),
      { numRuns: 500 },
    )
  })
})
