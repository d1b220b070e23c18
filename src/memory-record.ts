import { FLAG_BARE, FLAG_NEW, FLAG_STRANGERS, type MemoryRecord } from './history/memory-store.js'
import { toSeconds } from './history/status-ring.js'
import { imageFingerprint } from './media/blurhash.js'
import type { SignalContext } from './signal.js'
import { authorAgeAt } from './signals/author-age.js'
import { isBareProfile } from './signals/bare-profile.js'
import type { NormalizedStatus } from './status/normalized-status.js'
import { hashString, mix32 } from './text/hash32.js'
import { lshBandKeys, MINHASH_SIZE, packSignature, textSignature } from './text/minhash.js'
import { leadingSkeleton, statusTexts } from './status/status-texts.js'
import { skeleton } from './text/deobfuscate.js'
import { keyTextOfSkeleton, keyTextSource } from './text/shingles.js'

/**
 * Key texts shorter than this (in code points) are compared exactly, not fuzzily: a short text
 * has too few shingles for a reliable signature, and short phrases ("happy new year") are what
 * many people write independently.
 */
export const MIN_FUZZY_LENGTH = 24
/** Images read per status. */
export const MAX_IMAGES_PER_STATUS = 4
/** Mentioned accounts kept per status for the author's activity. */
export const MAX_MENTIONS_PER_STATUS = 64
const SHORT_SALT = 0x5bd1e995
const ID_SALT = 0x1b873593
const WEEK = 7 * 24 * 3_600_000
const NO_KEYS = new Uint32Array(0)
/** The signature of the status being fingerprinted: only its packed form and band keys are kept. */
const SIGNATURE = new Uint32Array(MINHASH_SIZE)

function codePointsAtLeast(text: string, min: number): boolean {
  if (text.length < min) return false
  let count = 0
  for (let i = 0; i < text.length && count < min; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xdc00 || code > 0xdfff) count++
  }
  return count >= min
}

/**
 * The facts about a status that make copies of its text or image more suspicious: who posted it
 * and whom it mentions (`FLAG_*` bits of the memory).
 *
 * @param status - a normalized status
 * @param context - the signal context it is classified in
 * @returns a bit set of `FLAG_*`
 */
export function suspectFlags(status: NormalizedStatus, context: SignalContext): number {
  let flags = 0
  if (isBareProfile(status)) flags |= FLAG_BARE
  const age = authorAgeAt(status, context.postedAt)
  if (age !== undefined && age < WEEK) flags |= FLAG_NEW
  if (!status.isReply) {
    const author = status.author.acct
    const stranger = status.mentions.some((m) => m.acct !== author && m.acct !== context.viewer.acct && context.viewer.follows(m.acct) !== true)
    if (stranger) flags |= FLAG_STRANGERS
  }
  return flags
}

function strangerMentions(status: NormalizedStatus, context: SignalContext): Uint32Array {
  if (status.isReply || status.mentions.length === 0) return NO_KEYS
  const author = status.author.acct
  const out: number[] = []
  for (const m of status.mentions) {
    if (out.length >= MAX_MENTIONS_PER_STATUS) break
    if (m.acct === '' || m.acct === author || m.acct === context.viewer.acct || context.viewer.follows(m.acct) === true) continue
    const key = hashString(m.acct)
    if (!out.includes(key)) out.push(key)
  }
  return out.length === 0 ? NO_KEYS : Uint32Array.from(out)
}

/**
 * `skeleton(keyTextSource(status))`. When the status is about to be classified (`shareTexts`),
 * the skeleton comes from `statusTexts`, which the link and phrase signals read anyway (it is
 * computed once per status): its joined text starts with the same source (the content warning
 * and the prose), followed by the poll options, alt texts and card texts on their own lines, and
 * `leadingSkeleton` reads the key source's skeleton off it, so the key text costs no second pass
 * through the layer.
 *
 * @param status - a normalized status
 * @param shareTexts - whether `statusTexts(status)` will be computed anyway
 * @returns the skeleton of the key text's source
 */
function foldedKeySource(status: NormalizedStatus, shareTexts: boolean): string {
  const source = keyTextSource(status)
  if (shareTexts && source !== '') {
    const read = leadingSkeleton(statusTexts(status).joined, source)
    if (read !== undefined) return read
  }
  return skeleton(source)
}

/**
 * Computes what the memory keeps of a status: shingles and MinHash of the key text (or the exact
 * key of a short text), the author key, the attachments' blurhash fingerprints, the suspect flags
 * and the strangers it mentions.
 *
 * @param status - a normalized status
 * @param context - the signal context it is classified in
 * @param shareTexts - the status is about to be classified: read its key text from `statusTexts`
 * @returns the record
 */
export function memoryRecord(status: NormalizedStatus, context: SignalContext, shareTexts = false): MemoryRecord {
  const keyText = keyTextOfSkeleton(foldedKeySource(status, shareTexts))
  const packed = new Uint8Array(MINHASH_SIZE)
  let kind: MemoryRecord['kind'] = 'none'
  let keys: Uint32Array = NO_KEYS
  if (keyText !== '') {
    const signature = textSignature(keyText, SIGNATURE)
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
  const ms = status.createdAt ?? context.postedAt
  return {
    kind,
    packed,
    keys,
    author: hashString(status.author.acct),
    acct: status.author.acct,
    id: status.id,
    seconds: toSeconds(ms),
    flags: suspectFlags(status, context),
    images,
    mentions: strangerMentions(status, context),
  }
}
