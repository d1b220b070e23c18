import { deobfuscate, type Deobfuscated } from '../text/deobfuscate.js'
import type { NormalizedStatus } from './normalized-status.js'

/**
 * Every text field of a status through the de-obfuscation layer, once: the content warning, the
 * prose (the author's own words, outside mention, hashtag and link anchors) and the extra texts
 * (poll options, alt texts, card texts) joined into one text and read in one run (so a link or
 * phrase split across the content warning and the content, or across poll options, is seen);
 * the hashtags and link texts apart (phrases read them too); text read from images apart (its
 * findings say "in an image").
 */
export interface StatusTexts {
  /**
   * The fields joined, read as one text: with nothing between two fields where one ends or the
   * other starts with `.` or `/` (`discord.` + `gg/abc`), with a line break elsewhere.
   */
  readonly joined: Deobfuscated
  /**
   * Where two adjacent fields meet, glued with nothing between them (the last 64 characters of
   * one and the first 64 of the next), one meeting a line: a host cut anywhere between the content
   * warning and the content, or between two poll options (`ctkpaa` + `rr.org`), reads whole here.
   * Links and invites are looked for here too; phrases are not (the joined text has them).
   */
  readonly boundaries: Deobfuscated
  /** The hashtags (`#name`) and the visible texts of link anchors, one a line (`''` when none). */
  readonly anchors: Deobfuscated
  /** Text read from images (OCR, QR codes), joined one a line. */
  readonly images: Deobfuscated
}

// A memo by object identity: a status is read once however many signals ask (no other state;
// entries go with their status).
const MEMO = /* @__PURE__ */ new WeakMap<NormalizedStatus, StatusTexts>()

function join(texts: readonly string[], separator: string): string {
  let joined = ''
  for (const text of texts) if (text !== '') joined = joined === '' ? text : `${joined}${separator}${text}`
  return joined
}

/** Characters of each field read where it meets the next. */
const BOUNDARY = 64
const GLUE_END = /[./]\s*$/u
const GLUE_START = /^\s*[./]/u

function joinFields(texts: readonly string[]): string {
  let joined = ''
  let previous: string | undefined
  for (const text of texts) {
    // The previous field is tested, not the string being built (reading its end would flatten it).
    if (previous !== undefined) joined += GLUE_END.test(previous) || GLUE_START.test(text) ? '' : '\n'
    joined += text
    previous = text
  }
  return joined
}

/**
 * The status's texts through the de-obfuscation layer (see `StatusTexts`), computed once per
 * status object.
 *
 * @param status - a normalized status
 * @returns its texts, read
 */
export function statusTexts(status: NormalizedStatus): StatusTexts {
  const known = MEMO.get(status)
  if (known !== undefined) return known
  const texts = readStatusTexts(status)
  MEMO.set(status, texts)
  return texts
}

/**
 * `statusTexts` without the memo: reads the texts again on every call (for benchmarks).
 *
 * @param status - a normalized status
 * @returns its texts, read
 */
export function readStatusTexts(status: NormalizedStatus): StatusTexts {
  const raw: string[] = []
  if (status.spoilerText !== '') raw.push(status.spoilerText)
  if (status.prose !== '') raw.push(status.prose)
  for (const extra of status.extraTexts) if (extra !== '') raw.push(extra)
  let anchors = ''
  for (const tag of status.hashtags) anchors += anchors === '' ? `#${tag}` : `\n#${tag}`
  for (const link of status.links) if (link.source === 'content' && link.text !== '') anchors += anchors === '' ? link.text : `\n${link.text}`
  let boundaries = ''
  for (let i = 1; i < raw.length; i++) {
    const meeting = `${raw[i - 1]!.slice(-BOUNDARY)}${raw[i]!.slice(0, BOUNDARY)}`
    boundaries = boundaries === '' ? meeting : `${boundaries}\n${meeting}`
  }
  return { joined: deobfuscate(joinFields(raw)), boundaries: deobfuscate(boundaries), anchors: deobfuscate(anchors), images: deobfuscate(join(status.imageTexts, '\n')) }
}

/**
 * The skeleton of the leading lines of a read text, without a second pass through the layer:
 * `skeleton(source)` when `source` is the start of `read.original` up to a line break. Every step
 * of the layer reads a line on its own (spaced letters, spelled punctuation and overrides stop
 * at a line break), so when the skeleton has as many line breaks as the original, its first lines
 * are the skeletons of the original's first lines (`test/` compares the two on fuzzed statuses
 * with polls, alt texts and cards, and on the corpus).
 *
 * @param read - a text read by the layer (`statusTexts(status).joined`)
 * @param source - its first lines (no line break after them)
 * @returns `skeleton(source)`, or `undefined` when it cannot be read off (then run the layer)
 */
export function leadingSkeleton(read: Deobfuscated, source: string): string | undefined {
  const { original, text } = read
  if (original === source) return text
  if (original.charCodeAt(source.length) !== 10 || !original.startsWith(source)) return undefined
  if (lineBreaks(text) !== lineBreaks(original)) return undefined
  // The end of the skeleton's first lines: its line break number (the source's line breaks + 1).
  let end = -1
  for (let k = lineBreaks(source); k >= 0; k--) end = text.indexOf('\n', end + 1)
  return text.slice(0, end)
}

/** Line breaks in a text (counted, no array of lines). */
function lineBreaks(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}
