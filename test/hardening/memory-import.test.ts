/**
 * Issue 12, row "damaged memory throws SpamFilterMemoryError": a checksummed export whose lists
 * are longer than any exporter writes. On the landed main 130,000 marks overflowed the stack
 * (`push(...list)`) and 50,000 were accepted past the 4,096 cap.
 */
import { describe, expect, test } from 'vitest'
import { createSpamFilter, SpamFilterMemoryError } from '../../src/index.js'
import { createByteWriter, withChecksum } from '../../src/history/byte-io.js'
import { MEMORY_FORMAT_VERSION } from '../../src/history/serialize.js'
import { MINHASH_SIZE } from '../../src/text/minhash.js'
import { IMAGE_FINGERPRINT_BYTES } from '../../src/media/blurhash.js'
import { makeWaveStatus } from '../helpers/make-status.js'

interface Lists {
  spamTexts?: number
  spamImages?: number
  authors?: number
  authorLength?: number
  statuses?: number
}

/** A well-formed, checksummed export (the current format version) with the given list lengths. */
function forgedExport(lists: Lists, declared: Lists = lists): Uint8Array {
  const out = createByteWriter()
  for (const byte of [0x4d, 0x53, 0x46, 0x4d]) out.u8(byte)
  out.u8(MEMORY_FORMAT_VERSION)
  out.u32(1024)
  out.u32(declared.statuses ?? 0)
  out.u32(0) // images
  out.u32(declared.spamTexts ?? 0)
  for (let i = 0; i < (lists.spamTexts ?? 0); i++) {
    out.u8(1)
    const packed = new Uint8Array(MINHASH_SIZE)
    packed[0] = i & 255
    packed[1] = (i >>> 8) & 255
    packed[2] = (i >>> 16) & 255
    out.bytes(packed)
  }
  out.u32(0) // allow texts
  out.u32(declared.spamImages ?? 0)
  for (let i = 0; i < (lists.spamImages ?? 0); i++) out.bytes(new Uint8Array(IMAGE_FINGERPRINT_BYTES))
  out.u32(0) // allow images
  out.u32(declared.authors ?? 0)
  for (let i = 0; i < (lists.authors ?? 0); i++) {
    const acct = `a${i}@x.example`.padEnd(lists.authorLength ?? 0, 'x')
    out.u16(acct.length)
    for (let c = 0; c < acct.length; c++) out.u16(acct.charCodeAt(c))
  }
  return withChecksum(out.finish())
}

function importError(data: Uint8Array | string): unknown {
  const filter = createSpamFilter()
  filter.markSpam(makeWaveStatus())
  const before = filter.exportMemory('base64')
  try {
    filter.importMemory(data)
  } catch (error) {
    // Nothing applied: the memory keeps what it had.
    expect(filter.exportMemory('base64')).toBe(before)
    return error
  }
  return undefined
}

describe('memory import caps', () => {
  test('a well-formed export within the caps is accepted (the forger is right)', () => {
    const filter = createSpamFilter()
    expect(() => filter.importMemory(forgedExport({ spamTexts: 10, spamImages: 2, authors: 3 }))).not.toThrow()
  })

  test('130,000 spam marks: a typed error, not a RangeError', () => {
    const error = importError(forgedExport({ spamTexts: 130_000 }))
    expect(error).toBeInstanceOf(SpamFilterMemoryError)
    expect((error as SpamFilterMemoryError).message).toMatch(/130000 spam text marks, more than the 4096/u)
  })

  test('50,000 spam marks are refused, not accepted past the 4,096 cap', () => {
    expect(importError(forgedExport({ spamTexts: 50_000 }))).toBeInstanceOf(SpamFilterMemoryError)
    expect(importError(forgedExport({ spamImages: 5_000 }))).toBeInstanceOf(SpamFilterMemoryError)
    expect(importError(forgedExport({ authors: 5_000 }))).toBeInstanceOf(SpamFilterMemoryError)
  })

  test('a forged count larger than the bytes left is refused before reading', () => {
    const error = importError(forgedExport({ spamTexts: 1 }, { spamTexts: 4_000 }))
    expect(error).toMatchObject({ problem: 'truncated' })
    expect(importError(forgedExport({}, { statuses: 3_999_999 }))).toMatchObject({ problem: 'truncated' })
    expect(importError(forgedExport({}, { statuses: 0xffffffff }))).toMatchObject({ problem: 'format' })
  })

  test('an allowed author longer than any export writes is refused', () => {
    expect(importError(forgedExport({ authors: 1, authorLength: 5_000 }))).toMatchObject({ problem: 'format' })
  })

  test('a revoked proxy as the data is a typed error', () => {
    const { proxy, revoke } = Proxy.revocable(new Uint8Array(20), {})
    revoke()
    expect(importError(proxy)).toBeInstanceOf(SpamFilterMemoryError)
  })
})
