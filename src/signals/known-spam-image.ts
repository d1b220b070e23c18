import { KNOWN_SPAM_IMAGES } from '../data/known-spam-images.js'
import { imageFingerprint } from '../media/blurhash.js'
import { imageDistance, MAX_IMAGE_DISTANCE } from '../media/image-distance.js'
import type { Signal } from '../signal.js'

const KNOWN: readonly { readonly fingerprint: Uint8Array; readonly evidence: string }[] = /* @__PURE__ */ KNOWN_SPAM_IMAGES.flatMap((image) => {
  const fingerprint = imageFingerprint(image.blurhash, image.width, image.height)
  const size = image.width === undefined || image.height === undefined ? '' : ` ${image.width}x${image.height}`
  return fingerprint === undefined ? [] : [{ fingerprint, evidence: `${image.blurhash}${size}: ${image.description}` }]
})

/**
 * An attachment is a known spam picture: one of the February 2024 wave's images (blurhash and
 * size, `src/data/known-spam-images.ts`), or a picture of a status the user marked as spam
 * (`filter.markSpam`). Blatant: not cleared by following the author.
 *
 * **Catches:** the 2024 invite image and "SPAM can" image, re-encoded copies included: blurhashes
 * are decoded and compared component by component with a tolerance, because exact blurhash
 * matching proved brittle (the Sakurajima admin: "the Blurhash reject feature didn't quite work").
 *
 * **Does not catch / false-positive risk:** a new picture (until the user marks one), or a cropped
 * or recoloured one. A blurhash is a 4×4 summary: an unrelated picture with the same layout and
 * colours and the same aspect ratio would match; none did among the corpus's real images.
 */
export const knownSpamImage: Signal<'known-spam-image'> = {
  id: 'known-spam-image',
  group: 'media',
  evaluate(status, context) {
    if (status.media.length === 0) return undefined
    const evidence: string[] = []
    for (const media of status.media.slice(0, 4)) {
      if (media.blurhash === undefined) continue
      const fingerprint = imageFingerprint(media.blurhash, media.width, media.height)
      if (fingerprint === undefined) continue
      let closest: (typeof KNOWN)[number] | undefined
      let best = MAX_IMAGE_DISTANCE
      for (const known of KNOWN) {
        const distance = imageDistance(known.fingerprint, 0, fingerprint)
        if (distance <= best) {
          best = distance
          closest = known
        }
      }
      if (closest !== undefined) evidence.push(closest.evidence)
    }
    const marked = context.memory?.markedSpamImages(status) ?? 0
    if (marked > 0) evidence.push(`${marked === 1 ? 'a picture' : `${marked} pictures`} you marked as spam`)
    if (evidence.length === 0) return undefined
    return {
      strength: 1,
      params: { count: evidence.length, marked },
      evidence,
      blatant: true,
    }
  },
}
