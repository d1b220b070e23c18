import { asArray, field } from '../status/fields.js'
import type { StatusMedia } from '../status/normalized-status.js'
import type { Skipped } from '../verdict.js'
import { describeError } from './worker-pool.js'
import type { AbortSignalLike } from './platform.js'
import type { ImageReader, ImageReading } from './image-reader.js'

/** Reads attachments through a reader, remembering what each image held. */
export interface ImageTextCache {
  /** Reads an attachment, or returns what an earlier read of the same image found. */
  read(media: StatusMedia, signal: AbortSignalLike | undefined): Promise<ImageReading>
}

/**
 * The keys an attachment is known by: its id, its URLs and its blurhash. A wave that uploads one
 * picture to many servers shares the blurhash; reposts on one server share the URL.
 *
 * @param media - the attachment
 * @returns the cache keys
 */
export function imageKeys(media: StatusMedia): string[] {
  const keys: string[] = []
  if (media.id !== undefined) keys.push(`id:${media.id}`)
  if (media.url !== undefined) keys.push(`url:${media.url}`)
  if (media.previewUrl !== undefined) keys.push(`url:${media.previewUrl}`)
  if (media.blurhash !== undefined && media.blurhash.length >= 6) keys.push(`blurhash:${media.blurhash}`)
  return keys
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** A reader's answer as a well-formed reading (strings and arrays where they belong). */
function wellFormed(value: unknown): ImageReading {
  const text = field(value, 'text')
  const qrTexts = asArray(field(value, 'qrTexts'), 16).filter(isString)
  const skipped = asArray(field(value, 'skipped'), 16).filter((entry): entry is Skipped => typeof field(entry, 'because') === 'string')
  return { text: typeof text === 'string' ? text : '', qrTexts, skipped }
}

/**
 * Creates a bounded cache in front of a reader. Reads in flight are shared, so ten statuses of a
 * wave that arrive together cost one OCR; failed reads (timeout, error, aborted) are not kept.
 * The least recently used images are forgotten first.
 *
 * @param reader - the image reader
 * @param capacity - how many images to remember
 * @returns the cache, owned by one filter
 */
export function createImageTextCache(reader: ImageReader, capacity: number): ImageTextCache {
  const entries = new Map<string, Promise<ImageReading>>()

  const remember = (keys: readonly string[], reading: Promise<ImageReading>): void => {
    for (const key of keys) {
      entries.delete(key)
      entries.set(key, reading)
    }
    // Each image holds up to 4 keys.
    while (entries.size > capacity * 4) {
      const oldest = entries.keys().next()
      if (oldest.done === true) break
      entries.delete(oldest.value)
    }
  }

  const read = (media: StatusMedia, signal: AbortSignalLike | undefined): Promise<ImageReading> => {
    const keys = imageKeys(media)
    const known = keys.map((key) => entries.get(key)).find((entry) => entry !== undefined)
    if (known !== undefined) {
      remember(keys, known)
      return known
    }
    // Any reader, not only ours: one that throws, rejects or answers garbage still gives a reading.
    const reading = Promise.resolve()
      .then(() => reader.readMedia(media, signal === undefined ? {} : { signal }))
      .then(wellFormed, (error: unknown) => ({
        text: '',
        qrTexts: [],
        skipped: [{ signal: 'ocr', because: 'error' as const, detail: describeError(error) }],
      }))
    remember(keys, reading)
    void reading.then((result) => {
      if (result.skipped.length > 0) for (const key of keys) if (entries.get(key) === reading) entries.delete(key)
    })
    return reading
  }

  return { read }
}
