import { deobfuscate, type Deobfuscated } from '../text/deobfuscate.js'
import type { NormalizedStatus } from './normalized-status.js'

/**
 * Every text field of a status through the de-obfuscation layer, once: apart (so evidence points
 * at one field) and joined (so a link or phrase split across the content warning and the
 * content, or across poll options, is seen).
 */
export interface StatusTexts {
  /** The content warning, the prose (text outside anchors), then each extra text (poll options, alt texts, card texts), each read; empty ones left out. */
  readonly fields: readonly Deobfuscated[]
  /**
   * The same fields joined, read as one text: with nothing between two fields where one ends or
   * the other starts with `.` or `/` (`discord.` + `gg/abc`), with a space elsewhere.
   */
  readonly joined: Deobfuscated
  /** The visible text (prose with mention, hashtag and link texts) with the content warning and extra texts, one a line: what phrases are matched in. */
  readonly visible: Deobfuscated
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

const GLUE_END = /[./]\s*$/u
const GLUE_START = /^\s*[./]/u

function joinFields(texts: readonly string[]): string {
  let joined = ''
  let previous: string | undefined
  for (const text of texts) {
    // The previous field is tested, not the string being built (reading its end would flatten it).
    if (previous !== undefined) joined += GLUE_END.test(previous) || GLUE_START.test(text) ? '' : ' '
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
  const raw = [status.spoilerText, status.prose, ...status.extraTexts].filter((t) => t !== '')
  const fields = raw.map(deobfuscate)
  const joined = fields.length === 1 ? fields[0]! : deobfuscate(joinFields(raw))
  const visibleRaw = join([status.spoilerText, status.text, ...status.extraTexts], '\n')
  const visible = status.text === status.prose && fields.length === 1 ? fields[0]! : deobfuscate(visibleRaw)
  return { fields, joined, visible, images: deobfuscate(join(status.imageTexts, '\n')) }
}
