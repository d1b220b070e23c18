import { describe, expect, test } from 'vitest'
import { aspectByte, IMAGE_FINGERPRINT_BYTES, imageFingerprint } from '../../src/media/blurhash.js'
import { imageDetail, imageDistance, sameImage } from '../../src/media/image-distance.js'

// The SPAM-can image of the February 2024 wave and three documented re-encodings
// (shared/corpus/spam/spam-indicators.json), and two unrelated pictures (blurhash README examples).
const CAN = ['UkK2FEk8Oas:t1f9V[ae|;agoJofs;bYowjZ', 'UkKBv%k8Oas:t1f9V[ae|;afoJofs;bYovjZ', 'UkKBv%k8Oas:t1f9V[ae|;agoJoft7bYovjZ', 'UkK2FFk8Oas:tKf9V[ae|;agoJoft7bYovjZ']
const OTHERS = ['LEHV6nWB2yk8pyo0adR*.7kCMdnj', 'LKO2?U%2Tw=w]~RBVZRi};RPxuwH']
const fp = (hash: string, w?: number, h?: number) => imageFingerprint(hash, w, h)!

describe('imageFingerprint', () => {
  test('decodes the DC colour as sRGB bytes', () => {
    const f = fp('LEHV6nWB2yk8pyo0adR*.7kCMdnj')
    expect(f).toHaveLength(IMAGE_FINGERPRINT_BYTES)
    // DC "HV6n" in base83 = 0x979695 → rgb(151, 150, 149)
    expect([...f.slice(0, 3)]).toEqual([151, 150, 149])
  })

  // columns: case, hash
  test.each([
    ['too short', 'LEH'],
    ['a character outside base83', 'LEHV6nWB2yk8pyo0adR*.7kCMdn"'],
    ['a length that does not match its size flag', 'LEHV6nWB2yk8pyo0adR*.7kCMd'],
  ])('returns undefined for a hash %s', (_case, hash) => {
    expect(imageFingerprint(hash)).toBeUndefined()
  })

  test('records the aspect ratio, 0 when unknown', () => {
    expect(aspectByte(1009, 200)).toBe(128 + Math.round(16 * Math.log2(1009 / 200)))
    expect(aspectByte(undefined, 200)).toBe(0)
    expect(fp(CAN[0]!)[IMAGE_FINGERPRINT_BYTES - 1]).toBe(0)
  })
})

describe('sameImage', () => {
  test.each(CAN.slice(1).map((hash) => [hash]))('matches the re-encoding %s of the SPAM can', (hash) => {
    expect(sameImage(fp(CAN[0]!), 0, fp(hash))).toBe(true)
    expect(imageDistance(fp(CAN[0]!), 0, fp(hash))).toBeLessThan(1.5)
  })

  test.each(OTHERS.map((hash) => [hash]))('does not match the unrelated picture %s', (hash) => {
    expect(sameImage(fp(CAN[0]!), 0, fp(hash))).toBe(false)
  })

  test('does not match the same hash at another aspect ratio', () => {
    expect(sameImage(fp(CAN[0]!, 200, 200), 0, fp(CAN[0]!, 400, 200))).toBe(false)
    expect(sameImage(fp(CAN[0]!, 200, 200), 0, fp(CAN[0]!))).toBe(true)
  })
})

describe('imageDetail', () => {
  test('is low for a flat white picture and high for a photo', () => {
    expect(imageDetail(fp('L6PZfSi_.AyE_3t7t7R**0o#DgR4'))).toBeLessThan(6)
    expect(imageDetail(fp(CAN[0]!))).toBeGreaterThan(6)
  })
})
