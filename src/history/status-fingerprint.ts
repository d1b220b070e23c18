import { imageFingerprint } from '../media/blurhash.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { hashString, mix32 } from '../text/hash32.js'
import { lshBandKeys, MINHASH_SIZE, minhashSignature, packSignature } from '../text/minhash.js'
import { duplicateKeyText, wordShingles } from '../text/shingles.js'

/**
 * Key texts shorter than this (in code points) are compared exactly, not fuzzily: a short text
 * has too few shingles for a reliable signature, and short phrases ("happy new year") are what
 * many people write independently.
 */
export const MIN_FUZZY_LENGTH = 24
/** Images read per status. */
export const MAX_IMAGES_PER_STATUS = 4
const SHORT_SALT = 0x5bd1e995
const ID_SALT = 0x1b873593

function codePointsAtLeast(text: string, min: number): boolean {
  if (text.length < min) return false
  let count = 0
  for (let i = 0; i < text.length && count < min; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xdc00 || code > 0xdfff) count++
  }
  return count >= min
}

/** What the memory keeps of a status, computed once per status. */
export interface StatusFingerprint {
  /** `none` (no words of its own), `short` (exact matching) or `long` (MinHash + LSH). */
  readonly kind: 'none' | 'short' | 'long'
  /** The packed MinHash signature (`MINHASH_SIZE` bytes). */
  readonly packed: Uint8Array
  /**
   * Table keys: the LSH band keys for a long text, one exact-text key for a short one, one id key
   * for a status without text (for "seen already"; none when it has no id either).
   */
  readonly keys: Uint32Array
  /** Hash of the author's acct. */
  readonly author: number
  /** Image fingerprints of the attachments that have a blurhash. */
  readonly images: readonly Uint8Array[]
}

/**
 * Computes what near-duplicate detection compares: shingles and MinHash of the key text, the
 * exact key of a short text, the author key, and the attachments' blurhash fingerprints.
 *
 * @param status - a normalized status
 * @returns the fingerprint
 */
export function fingerprintStatus(status: NormalizedStatus): StatusFingerprint {
  const keyText = duplicateKeyText(status)
  const packed = new Uint8Array(MINHASH_SIZE)
  let kind: StatusFingerprint['kind'] = 'none'
  let keys: Uint32Array = new Uint32Array(0)
  if (keyText !== '') {
    const signature = minhashSignature(wordShingles(keyText))
    packSignature(signature, packed)
    if (codePointsAtLeast(keyText, MIN_FUZZY_LENGTH)) {
      kind = 'long'
      keys = lshBandKeys(signature)
    } else {
      kind = 'short'
      keys = Uint32Array.of(mix32(hashString(keyText) ^ SHORT_SALT))
    }
  } else if (status.id !== undefined) {
    keys = Uint32Array.of(hashString(status.id, ID_SALT))
  }
  const images: Uint8Array[] = []
  for (const media of status.media) {
    if (images.length >= MAX_IMAGES_PER_STATUS) break
    if (media.blurhash === undefined) continue
    const fingerprint = imageFingerprint(media.blurhash, media.width, media.height)
    if (fingerprint !== undefined) images.push(fingerprint)
  }
  return {
    kind,
    packed,
    keys,
    author: hashString(status.author.acct),
    images,
  }
}
