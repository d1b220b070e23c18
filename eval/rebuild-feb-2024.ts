import { readFileSync } from 'node:fs'
import type { MediaAttachmentInput } from '../src/index.js'
import type { EvalItem } from './items.js'
import { createRandom, randomUsername } from './prng.js'
import { exampleVictims, HOME_HOST, mentionEntries, mentionHtml, scriptedAccount, wrapStatus } from './wrap-status.js'

const BLURHASH = /(?:(\d{2,4})x(\d{2,4}) )?(U[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{35})(?![0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~])/gu

/** A spam image of the wave: its size (when documented) and blurhash. */
export interface SpamImage {
  readonly width: number | undefined
  readonly height: number | undefined
  readonly blurhash: string
}

/**
 * The complete blurhashes in the wave's `media` fact (truncated ones, written `UTQcbkVY…`, are
 * left out), with the size written before them.
 *
 * @param media - the `media` string of `feb_2024_arashi_kyoueiken_wave`
 * @returns the images
 */
export function parseSpamImages(media: string): SpamImage[] {
  const images: SpamImage[] = []
  for (const match of media.matchAll(BLURHASH)) {
    const blurhash = match[3] ?? ''
    if (images.some((i) => i.blurhash === blurhash)) continue
    images.push({ width: match[1] === undefined ? undefined : Number(match[1]), height: match[2] === undefined ? undefined : Number(match[2]), blurhash })
  }
  return images
}

function linkHtml(url: string): string {
  const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/u.exec(url) ?? []
  return `<a href="${url}" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">${scheme}</span><span class="">${rest}</span><span class="invisible"></span></a>`
}

function mediaFor(image: SpamImage, index: number): MediaAttachmentInput {
  const url = `https://files.${HOME_HOST}/cache/media_attachments/files/feb2024/${index}/original/image.webp`
  return {
    id: String(111_900_000_000_000_000n + BigInt(index)),
    type: 'image',
    url,
    preview_url: url.replace('/original/', '/small/'),
    blurhash: image.blurhash,
    ...(image.width === undefined || image.height === undefined ? {} : { meta: { original: { width: image.width, height: image.height } } }),
  }
}

/**
 * Rebuilds February 2024 statuses from the documented indicators alone: every content shape
 * (the 荒らし.com link, ctkpaarr.org, each documented text string, mentions plus each documented
 * image) times two accounts, one lower-case and one mixed-case (13 of the 182 handles were).
 * Every one must be labeled spam.
 *
 * @param corpusDir - the shared corpus folder
 * @returns the evaluation items
 */
export function rebuildFeb2024(corpusDir: string): EvalItem[] {
  const indicators = JSON.parse(readFileSync(`${corpusDir}spam/spam-indicators.json`, 'utf8')) as Record<string, Record<string, unknown>>
  const wave = indicators['feb_2024_arashi_kyoueiken_wave'] ?? {}
  const strings = (Array.isArray(wave['content_strings']) ? wave['content_strings'] : []).map((s) => String(s).split(' (')[0]?.trim() ?? '')
  const images = parseSpamImages(typeof wave['media'] === 'string' ? wave['media'] : '')

  const shapes: { name: string; content: string; media?: MediaAttachmentInput }[] = [
    { name: '荒らし.com link', content: `<p>${linkHtml('https://荒らし.com/')}</p>` },
    { name: 'ctkpaarr.org link', content: `<p>${linkHtml('https://ctkpaarr.org/')}</p>` },
    ...strings.filter((s) => s !== '').map((s) => ({ name: `text ${s}`, content: `<p>${s}</p>` })),
    ...images.map((image, i) => ({ name: `image ${image.blurhash.slice(0, 8)}`, content: '', media: mediaFor(image, i) })),
  ]

  const random = createRandom(20_240_216)
  const items: EvalItem[] = []
  let n = 0
  for (const shape of shapes) {
    for (const mixedCase of [false, true]) {
      const postedAt = Date.parse('2024-02-16T09:00:00Z') + n * 3_600_000 * 5
      const victims = exampleVictims(4, 100 + n * 4)
      const mentions = `<p>${victims.slice(0, 3).map(mentionHtml).join(' ')}<br />${mentionHtml(victims[3] ?? '')}</p>`
      const account = scriptedAccount({ username: randomUsername(random, mixedCase), host: `open-reg-${n % 7}.example`, postedAt, minutesBefore: 1 + Math.floor(random() * 40) })
      items.push({
        id: `rebuilt:feb-2024#${n}`,
        source: 'rebuilt',
        group: 'rebuilt Feb 2024 (from indicators)',
        truth: 'spam',
        feb2024: true,
        input: wrapStatus(account, { postedAt, content: `${shape.content}${mentions}`, mentions: mentionEntries(victims), language: n % 2 === 0 ? 'ja' : null, ...(shape.media === undefined ? {} : { media: [shape.media] }) }),
      })
      n++
    }
  }
  return items
}
