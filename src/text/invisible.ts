/**
 * Characters that render as nothing, as the inside of a regex character class (`u` flag): format
 * characters (`\p{Cf}`: zero-width space and joiners, bidi controls, soft hyphen, BOM, tags), the
 * combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation selectors,
 * the Braille blank, the halfwidth Hangul filler, and both blocks of variation selectors.
 * Spammers put them inside hosts and phrases; every matcher removes the same set.
 */
export const INVISIBLE_CLASS = String.raw`\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}`
