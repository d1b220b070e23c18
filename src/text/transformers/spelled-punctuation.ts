import { lazy, replaceMapped, type Transformed } from './types.js'
import { skeletonChars } from './skeleton-chars.js'

const skeleton = (text: string): string => skeletonChars(text).text
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')

/** The expressions and tables of the spellings, built on first use (`spellings()`). */
interface Spellings {
  /** Katakana spellings of invite hosts' names (as skeletons) and what they spell. */
  readonly nameOf: ReadonlyMap<string, string>
  /** The first characters of those spellings (a gate before `katakana`). */
  readonly katakanaStart: RegExp
  readonly katakana: RegExp
  readonly punctuation: RegExp
  /** Gates of the Japanese spellings (from the same skeletons): a Japanese dot or word at all, and one beside an ASCII letter or digit. */
  readonly maySpellJapanese: RegExp
  readonly japaneseAfterLetter: RegExp
}

let built: Spellings | undefined

/**
 * Builds the spellings: the Japanese words and katakana names are written as text and read as
 * skeletons, so the skeleton table is needed; built on the first text that may hold a spelling
 * (an all-ASCII text without brackets or spelled words never builds them).
 */
function spellings(): Spellings {
  if (built !== undefined) return built
  /** Japanese words for a dot and a slash (`ドット`, `てん`, `スラッシュ`), as skeletons. */
  const JAPANESE_DOT = ['ドット', 'てん', 'テン'].map(skeleton)
  const JAPANESE_SLASH = ['スラッシュ'].map(skeleton)
  /**
   * Katakana spellings of invite hosts' names, as skeletons, and what they spell: `ディスコード`
   * (also with a long-vowel mark read as a dash) is `discord`.
   */
  const KATAKANA_NAMES: readonly (readonly [string, string])[] = (
    [
      ['ディスコード', 'discord'],
      ['ディスコ-ド', 'discord'],
      ['ディスコ―ド', 'discord'],
      ['ディスコド', 'discord'],
    ] as const
  ).map(([kana, name]) => [skeleton(kana), name] as const)
  const DOT_WORDS = ['\\.', 'dot', '。', '・', ...JAPANESE_DOT.map(escape)].join('|')
  const SLASH_WORDS = ['/', 'slash', ...JAPANESE_SLASH.map(escape)].join('|')
  // One expression for every spelling, tried left to right:
  // 1. a dot or slash in brackets: `(dot)`, `[.]`, `{ / }`, `(てん)`;
  // 2. between two ASCII letters or digits, a plain `/` only with a space beside it (a URL's
  //    slashes are left alone) (the letter before is checked by `spelled`: a lookbehind
  //    at the start of an expression makes the engine try it at every position): ` dot `, ` . `, ` slash ` (spaces on both sides: `home. Me`
  //    is prose), or a slash, ideographic full stop, katakana middle dot or Japanese word with up to
  //    3 spaces around;
  // (Katakana spellings of invite hosts' names are read first, by `katakana`.)
  const punctuation = new RegExp(
    [
      `${SPACE}{0,3}[(\\[{<]${SPACE}{0,2}(?<bd>${DOT_WORDS})${SPACE}{0,2}[)\\]}>]${SPACE}{0,3}`,
      `${SPACE}{0,3}[(\\[{<]${SPACE}{0,2}(?<bs>${SLASH_WORDS})${SPACE}{0,2}[)\\]}>]${SPACE}{0,3}`,
      `(?:${SPACE}{1,3}(?<wd>dot|\\.)${SPACE}{1,3}|${SPACE}{0,3}(?<d>[。・])${SPACE}{0,3}|${SPACE}{0,3}(?<jd>${JAPANESE_DOT.map(escape).join('|')})${SPACE}{0,3})(?=[a-z0-9])`,
      `(?:${SPACE}{1,3}(?<ws>slash)${SPACE}{1,3}|${SPACE}{1,3}(?<s>/)${SPACE}{0,3}|(?<s2>/)${SPACE}{1,3}|${SPACE}{0,3}(?<js>${JAPANESE_SLASH.map(escape).join('|')})${SPACE}{0,3})(?=[a-z0-9])`,
    ].join('|'),
    'gu',
  )
  const japaneseWords = [...JAPANESE_DOT, ...JAPANESE_SLASH].map(escape).join('|')
  built = {
    maySpellJapanese: new RegExp(`[。・]|${japaneseWords}`, 'u'),
    japaneseAfterLetter: new RegExp(`[a-z0-9]${SPACE}{0,3}[。・]|(?:${japaneseWords})${SPACE}{0,3}[a-z0-9]`, 'u'),
    nameOf: new Map(KATAKANA_NAMES),
    katakanaStart: new RegExp(`[${[...new Set(KATAKANA_NAMES.map(([kana]) => kana[0] ?? ''))].join('')}]`, 'u'),
    katakana: new RegExp(KATAKANA_NAMES.map(([kana]) => escape(kana)).join('|'), 'gu'),
    punctuation,
  }
  return built
}

const SPACE = '[ \\t\\u3000]'
// What every spelling needs: a bracket, a spelled word, a spaced dot or slash
// (a dot between spaces, a slash beside one, or a Japanese dot or word right after an ASCII
// letter or digit (`Spellings.japaneseAfterLetter`, made from the words' skeletons): `end. Next`
// and Japanese prose with 。 and テン do not pass).
const MAY_SPELL = /[([{<]|[ \t\u3000]\.[ \t\u3000]|[ \t\u3000]\/|\/[ \t\u3000]|dot|slash/
const ALNUM = /[a-z0-9]/u
// Built on first use (`lazy`: QuickJS would compile it when the module is parsed).
const LETTER_OR_DIGIT = /* @__PURE__ */ lazy(String.raw`[\p{L}\p{N}]`, 'u')
const NON_ASCII = /[^\u0000-\u007f]/u

/**
 * What a match of PUNCTUATION spells (`.` or `/`), or `undefined` to keep it: a spelling between
 * letters needs an ASCII letter or digit right before it.
 *
 * @param m - a match of PUNCTUATION
 * @returns the punctuation, or `undefined`
 */
function spelled(m: RegExpExecArray): string | undefined {
  const g = m.groups ?? {}
  const bracketed = g['bd'] !== undefined || g['bs'] !== undefined
  // A Japanese word may follow a letter of any script (`荒らしてんcom`); the others an ASCII one.
  const japanese = g['jd'] !== undefined || g['js'] !== undefined
  const before = m.input.charAt(m.index - 1)
  if (!bracketed && !(japanese ? LETTER_OR_DIGIT().test(before) : ALNUM.test(before))) return undefined
  const dot = g['bd'] !== undefined || g['wd'] !== undefined || g['d'] !== undefined || g['jd'] !== undefined
  const out = dot ? '.' : '/'
  return m[0] === out ? undefined : out
}

/**
 * Reads spelled-out and bracketed punctuation in a skeleton as the punctuation it spells, in
 * English and Japanese: `discord (dot) gg`, `discord[.]gg`, `discord dot gg`, `discord . gg`,
 * `discord。gg`, `discordドットgg`, `discordてんgg`, `gg スラッシュ abc` and `gg slash abc`; and the
 * katakana spelling `ディスコード` as `discord`. Between ASCII letters or digits only (a
 * Japanese sentence's `。` and an ordinary `てん` stay). Linear (bounded repetitions, no
 * backtracking across a match).
 *
 * @param text - a skeleton (lowercase; output of `skeletonChars`)
 * @param from - offsets of `text` in the original, or `undefined`
 * @param ascii - `true` when the caller knows the text is ASCII (no katakana, no Japanese
 * punctuation to look for)
 * @returns the text with punctuation undisguised
 */
export function readSpelledPunctuation(text: string, from: readonly number[] | undefined, ascii = false): Transformed {
  // All-ASCII text holds no katakana: the tables are not built for it.
  const named = !ascii && NON_ASCII.test(text) && spellings().katakanaStart.test(text) ? replaceMapped(text, from, spellings().katakana, (m) => spellings().nameOf.get(m[0])) : { text, from }
  const t = named.text
  if (!MAY_SPELL.test(t) && (ascii || !NON_ASCII.test(t) || !(spellings().maySpellJapanese.test(t) && spellings().japaneseAfterLetter.test(t)))) return named
  return replaceMapped(named.text, named.from, spellings().punctuation, spelled)
}

/**
 * The expressions of `readSpelledPunctuation`, for the ungated reference in the tests (builds them).
 *
 * @returns the expressions, the katakana names and the match reader
 */
export function spelledPunctuation(): Pick<Spellings, 'punctuation' | 'katakana' | 'nameOf'> & { readonly spelled: typeof spelled; readonly letterOrDigit: RegExp } {
  const { punctuation, katakana, nameOf } = spellings()
  return { punctuation, katakana, nameOf, spelled, letterOrDigit: LETTER_OR_DIGIT() }
}
