import { IMAGE_FINGERPRINT_BYTES } from './blurhash.js'

/** RMS distance (in byte steps) under which two image fingerprints are the same picture. */
export const MAX_IMAGE_DISTANCE = 4
/** Aspect bytes further apart than this (about 9 % in width/height) are different pictures. */
const MAX_ASPECT_STEPS = 2
const COMPONENTS = IMAGE_FINGERPRINT_BYTES - 1

/**
 * The distance between two image fingerprints: the RMS difference of their decoded blurhash
 * components, in byte steps, or `Infinity` when both sizes are known and their aspect ratios
 * differ by more than about 9 %.
 *
 * @param a - fingerprints
 * @param aOffset - start of the first in `a`
 * @param b - a fingerprint
 * @returns the distance
 */
export function imageDistance(a: Uint8Array, aOffset: number, b: Uint8Array): number {
  const aspectA = a[aOffset + COMPONENTS]!
  const aspectB = b[COMPONENTS]!
  if (aspectA !== 0 && aspectB !== 0 && Math.abs(aspectA - aspectB) > MAX_ASPECT_STEPS) return Number.POSITIVE_INFINITY
  let sum = 0
  for (let i = 0; i < COMPONENTS; i++) {
    const d = a[aOffset + i]! - b[i]!
    sum += d * d
  }
  return Math.sqrt(sum / COMPONENTS)
}

/**
 * Whether two image fingerprints show the same picture: their decoded blurhash components are
 * within `MAX_IMAGE_DISTANCE` RMS (the documented re-encodings of the February 2024 spam image
 * differ by ≤ 1.2; unrelated pictures by 13 or more), and their aspect ratios agree when both
 * sizes are known.
 *
 * @param a - fingerprints
 * @param aOffset - start of the first in `a`
 * @param b - a fingerprint
 * @returns whether they match
 */
export function sameImage(a: Uint8Array, aOffset: number, b: Uint8Array): boolean {
  const aspectA = a[aOffset + COMPONENTS]!
  const aspectB = b[COMPONENTS]!
  if (aspectA !== 0 && aspectB !== 0 && Math.abs(aspectA - aspectB) > MAX_ASPECT_STEPS) return false
  const limit = MAX_IMAGE_DISTANCE * MAX_IMAGE_DISTANCE * COMPONENTS
  let sum = 0
  for (let i = 0; i < COMPONENTS; i++) {
    const d = a[aOffset + i]! - b[i]!
    sum += d * d
    if (sum > limit) return false
  }
  return true
}

/**
 * How much detail a picture has: the RMS of its AC components. Flat pictures (a white screenshot,
 * a plain colour) look alike whatever they show, so copies are counted only above a minimum.
 *
 * @param fingerprint - an image fingerprint
 * @returns the detail, in byte steps
 */
export function imageDetail(fingerprint: Uint8Array): number {
  let sum = 0
  for (let i = 3; i < COMPONENTS; i++) sum += (fingerprint[i]! - 128) ** 2
  return Math.sqrt(sum / (COMPONENTS - 3))
}
