/**
 * A seeded disguise generator for the generalisation evaluation: it writes a spam item (a host,
 * an invite, a sentence) the way a person types a disguise, one class at a time. It shares no
 * code with the library's matchers (src/text, src/links): each disguise is written out here by
 * hand, character by character, so a matcher that misses a class cannot hide it by sharing the
 * generator's idea of the class.
 */

/** The classes of disguise, as "One reading pass" (issue 10) lists them, plus rewording. */
export const DISGUISE_CLASSES = [
  'spaced letters',
  'separated letters',
  'spelled-out dot',
  'bracketed dot',
  'japanese dot',
  'look-alike letters',
  'small capitals',
  'negative squared',
  'enclosing marks',
  'right-to-left override',
  'href behind a hashtag',
  'split across warning and content',
  'split across poll options',
  'percent-encoded host',
  'reworded',
] as const

export type DisguiseClass = (typeof DISGUISE_CLASSES)[number]

/** A disguised status's parts, for the wrapper to put into Status JSON. */
export interface Disguised {
  /** Content HTML (mentions are added by the caller). */
  readonly html: string
  readonly spoilerText?: string
  readonly pollOptions?: readonly string[]
}

// Cyrillic and Greek letters that look like Latin ones, as a person picks them from a keyboard
// layout or a "fancy text" site.
const LOOKALIKE: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430'], c: ['\u0441', '\u03f2'], e: ['\u0435'], o: ['\u043e', '\u03bf'], p: ['\u0440'], x: ['\u0445'], y: ['\u0443'], i: ['\u0456'], s: ['\u0455'], d: ['\u0501'], k: ['\u03ba'], r: ['\u0433'],
}
// Latin letter small capitals (the "small caps" of fancy-text generators).
const SMALL_CAPS: Readonly<Record<string, string>> = {
  a: 'ᴀ', b: 'ʙ', c: 'ᴄ', d: 'ᴅ', e: 'ᴇ', f: 'ꜰ', g: 'ɢ', h: 'ʜ', i: 'ɪ', j: 'ᴊ', k: 'ᴋ', l: 'ʟ', m: 'ᴍ', n: 'ɴ', o: 'ᴏ', p: 'ᴘ', r: 'ʀ', s: 'ꜱ', t: 'ᴛ', u: 'ᴜ', v: 'ᴠ', w: 'ᴡ', y: 'ʏ', z: 'ᴢ',
}
// Kana and kanji that look like each other, as Japanese trolls swap them (カ/力, ロ/口, エ/工, ニ/二,
// ト/卜, へ/ヘ, メ/乂, ン/ソ).
const KANA_LOOKALIKE: Readonly<Record<string, string>> = { カ: '力', ロ: '口', エ: '工', ニ: '二', ト: '卜', へ: 'ヘ', ヘ: 'へ', メ: '乂', ン: 'ソ', タ: '夕', ハ: '八', 一: 'ー' }
// Halfwidth katakana (the "small" Japanese forms of old phones), one per fullwidth katakana.
const HALFWIDTH: Readonly<Record<string, string>> = { メ: 'ﾒ', ン: 'ﾝ', シ: 'ｼ', ョ: 'ｮ', ス: 'ｽ', パ: 'ﾊﾟ', ム: 'ﾑ', デ: 'ﾃﾞ', ィ: 'ｨ', コ: 'ｺ', ー: 'ｰ', ド: 'ﾄﾞ', サ: 'ｻ', イ: 'ｲ', ト: 'ﾄ', ル: 'ﾙ', ア: 'ｱ', カ: 'ｶ', ウ: 'ｳ', キ: 'ｷ', ク: 'ｸ', ブ: 'ﾌﾞ', リ: 'ﾘ', ラ: 'ﾗ', ロ: 'ﾛ' }
const SEPARATORS = ['-', '_', '·', '*', '🔥', '.']

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')

/** Letters spaced out: `d i s c o r d . g g`. */
function spaced(text: string): string {
  return [...text].join(' ')
}

/** Letters separated by a punctuation mark or an emoji: `d-i-s-c-o-r-d`. */
function separated(text: string, random: () => number): string {
  const mark = pick(random, SEPARATORS.filter((s) => s !== '.'))
  return [...text].map((c) => (c === '.' || c === '/' ? c : c)).join(mark)
}

function replaceDots(text: string, by: string): string {
  // Only the dots of hosts (followed by a letter): a sentence's full stop stays.
  return text.replace(/\.(?=[a-z\u3040-\u30ff\u4e00-\u9fff])/giu, by)
}

function lookalike(text: string, random: () => number): string {
  let out = ''
  let changed = 0
  for (const c of text) {
    const kana = KANA_LOOKALIKE[c]
    if (kana !== undefined) {
      out += kana
      changed++
      continue
    }
    const options = LOOKALIKE[c]
    if (options !== undefined && (changed === 0 || random() < 0.5)) {
      out += pick(random, options)
      changed++
    } else {
      out += c
    }
  }
  return out
}

function smallCaps(text: string): string {
  // Latin small capitals; Japanese has no capitals, its "small" forms are halfwidth katakana.
  return [...text].map((c) => SMALL_CAPS[c] ?? HALFWIDTH[c] ?? c).join('')
}

function negativeSquared(text: string): string {
  return [...text].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(0x1f170 + c.charCodeAt(0) - 97) : c >= 'A' && c <= 'Z' ? String.fromCodePoint(0x1f170 + c.charCodeAt(0) - 65) : c)).join('')
}

function enclosing(text: string): string {
  return [...text].map((c) => (/[\p{L}\p{N}]/u.test(c) ? `${c}\u20dd` : c)).join('')
}

function rightToLeft(text: string): string {
  // Stored reversed inside RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING: it displays as the
  // original.
  return `\u202e${[...text].reverse().join('')}\u202c`
}

function percentHost(url: string): string {
  const match = /^(https?:\/\/)([^/]+)(.*)$/u.exec(url)
  if (match === null) return url
  const [, scheme = '', host = '', rest = ''] = match
  const encoded = [...host].map((c, i) => (i % 2 === 0 && /[a-z]/u.test(c) ? `%${c.charCodeAt(0).toString(16)}` : c)).join('')
  return `${scheme}${encoded}${rest}`
}

// Words a person swaps when rewording a phishing text, and the sentences' order shuffled.
const SYNONYMS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bsuspended\b/giu, ['deactivated', 'disabled', 'restricted']],
  [/\bverify\b/giu, ['confirm', 'validate']],
  [/\bverification\b/giu, ['confirmation', 'validation']],
  [/\baccount\b/giu, ['profile', 'account']],
  [/\bimmediately\b/giu, ['right away', 'without delay']],
  [/\bminutes\b/giu, ['hours']],
  [/\bclick\b/giu, ['tap', 'press']],
  [/\bplease\b/giu, ['kindly']],
  [/\bunusual\b/giu, ['suspicious', 'strange']],
  [/\burgent\b/giu, ['important', 'urgent']],
  [/\b(?:our|the) records\b/giu, ['our system', 'our logs']],
  [/\bmastodon\b/giu, ['Mastodon', 'fediverse']],
  [/画像が貼れなかったのでメンションだけします/gu, ['画像が貼れなかったので、メンションだけしておきます', '画像を貼れなかったからメンションだけします']],
  [/荒らし共栄圏/gu, ['荒らし 共栄圏', '荒らし共栄圏です']],
]

function reword(text: string, random: () => number): string {
  let out = text
  for (const [pattern, options] of SYNONYMS) out = out.replace(pattern, () => pick(random, options))
  const sentences = out.split(/(?<=[.!?。])\s+/u)
  if (sentences.length > 2 && random() < 0.7) {
    const first = sentences.shift() ?? ''
    sentences.splice(1 + Math.floor(random() * (sentences.length - 1)), 0, first)
  }
  return sentences.join(' ')
}

// Words a person puts in or swaps in when changing one word of a sentence.
const ONE_WORD = ['really', 'now', 'new', 'official', 'today', 'please', 'just', 'all']

/**
 * One word of each sentence of five or more words changed, inside the sentence (not its first or
 * last word): swapped for another word, or a word put before it, or the word left out, chosen at
 * random. Words are split at spaces (a sentence written without spaces is left as it is).
 */
export function oneWordChanged(text: string, random: () => number): string {
  return text
    .split(/(?<=[.!?。！？\n])/u)
    .map((sentence) => {
      const words = sentence.split(' ')
      const inner = words.map((w, i) => ({ w, i })).filter(({ w, i }) => i > 0 && i < words.length - 1 && /[\p{L}\p{N}]/u.test(w))
      if (words.filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 5 || inner.length === 0) return sentence
      const { w, i } = pick(random, inner)
      const kind = Math.floor(random() * 3)
      const other = pick(random, ONE_WORD.filter((o) => o !== w.toLowerCase()))
      if (kind === 0) words[i] = other
      else if (kind === 1) words.splice(i, 0, other)
      else words.splice(i, 1)
      return words.join(' ')
    })
    .join('')
}

/** A spam status's base: the words around the item, and the item (a URL, host, invite or sentence). */
export interface SpamBase {
  /** Text before the item (may be ''). */
  readonly before: string
  /** The item a matcher must see: `https://荒らし.com/`, `discord.gg/ctkpaarr`, a sentence. */
  readonly item: string
  /** Text after the item. */
  readonly after: string
  /** Whether the item is a URL (an anchor in the undisguised post). */
  readonly isLink: boolean
}

const link = (url: string, text = url.replace(/^https?:\/\//u, '')): string => `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener noreferrer">${escapeHtml(text)}</a>`
const paragraph = (text: string): string => (text === '' ? '' : `<p>${escapeHtml(text).replace(/\n/gu, '<br />')}</p>`)

/**
 * Writes a spam base in one disguise class.
 *
 * @param base - the spam base
 * @param kind - the disguise class
 * @param random - a seeded generator (eval/prng.ts)
 * @returns the disguised parts
 */
export function disguise(base: SpamBase, kind: DisguiseClass, random: () => number): Disguised {
  const bare = base.item.replace(/^https?:\/\//u, '').replace(/\/$/u, '')
  const around = (item: string): string => paragraph(`${base.before}${base.before === '' ? '' : ' '}${item}${base.after === '' ? '' : ' '}${base.after}`)
  switch (kind) {
    case 'spaced letters':
      return { html: around(spaced(bare)) }
    case 'separated letters':
      return { html: around(separated(bare, random)) }
    case 'spelled-out dot':
      return { html: around(replaceDots(bare, pick(random, [' dot ', '(dot)', ' (dot) ', ' DOT ']))) }
    case 'bracketed dot':
      return { html: around(replaceDots(bare, pick(random, ['[.]', '(.)', '{.}']))) }
    case 'japanese dot':
      return { html: around(replaceDots(bare, pick(random, ['ドット', '。', '．', 'てん']))) }
    case 'look-alike letters':
      return { html: base.isLink ? paragraph(`${base.before} ${lookalike(bare, random)} ${base.after}`) : around(lookalike(base.item, random)) }
    case 'small capitals':
      return { html: around(smallCaps(base.isLink ? bare : base.item)) }
    case 'negative squared':
      return { html: around(negativeSquared(base.isLink ? bare : base.item)) }
    case 'enclosing marks':
      return { html: around(enclosing(base.isLink ? bare : base.item)) }
    case 'right-to-left override':
      return { html: around(rightToLeft(base.isLink ? bare : base.item)) }
    case 'href behind a hashtag': {
      if (!base.isLink) return { html: around(base.item) }
      const url = base.item.startsWith('http') ? base.item : `https://${base.item}`
      return { html: `${paragraph(base.before)}<p><a href="${escapeHtml(url)}" class="mention hashtag" rel="tag">#<span>${pick(random, ['news', 'info', 'join', 'fun'])}</span></a></p>${paragraph(base.after)}` }
    }
    case 'split across warning and content': {
      const half = Math.ceil(bare.length / 2)
      return { spoilerText: `${base.before} ${bare.slice(0, half)}`.trim(), html: paragraph(`${bare.slice(half)} ${base.after}`.trim()) }
    }
    case 'split across poll options': {
      const half = Math.ceil(bare.length / 2)
      return { html: paragraph(`${base.before} ${base.after}`.trim() || '👇'), pollOptions: [bare.slice(0, half), bare.slice(half)] }
    }
    case 'percent-encoded host': {
      if (!base.isLink) return { html: around(base.item) }
      const url = base.item.startsWith('http') ? base.item : `https://${base.item}`
      const encoded = percentHost(url)
      return { html: `${paragraph(base.before)}<p>${link(encoded)}</p>${paragraph(base.after)}` }
    }
    case 'reworded':
      return { html: base.isLink ? `${paragraph(reword(base.before, random))}<p>${link(base.item.startsWith('http') ? base.item : `https://${base.item}`)}</p>${paragraph(reword(base.after, random))}` : around(reword(base.item, random)) }
  }
}

/**
 * The post with one word of each sentence of five or more words changed (`oneWordChanged`): not
 * one of `DISGUISE_CLASSES`, so the generalisation tables keep their seeds; eval/near-phrases.ts
 * reports it.
 *
 * @param base - the spam base
 * @param random - a seeded generator (eval/prng.ts)
 * @returns the parts
 */
export function oneWordDisguise(base: SpamBase, random: () => number): Disguised {
  if (!base.isLink) return { html: paragraph(oneWordChanged(`${base.before} ${base.item} ${base.after}`.trim(), random)) }
  const url = base.item.startsWith('http') ? base.item : `https://${base.item}`
  return { html: `${paragraph(oneWordChanged(base.before, random))}<p>${link(url)}</p>${paragraph(oneWordChanged(base.after, random))}` }
}

/**
 * The undisguised post, for the sleeper re-posts.
 *
 * @param base - the spam base
 * @returns the parts
 */
export function plain(base: SpamBase): Disguised {
  if (!base.isLink) return { html: paragraph(`${base.before} ${base.item} ${base.after}`.trim()) }
  const url = base.item.startsWith('http') ? base.item : `https://${base.item}`
  return { html: `${paragraph(base.before)}<p>${link(url)}</p>${paragraph(base.after)}` }
}
