// No `u` flag: the same answer for every string (a surrogate is not ASCII either), about twice as
// fast. Without `g` or `y` the regex keeps no state, so one object serves every caller.
const NON_ASCII = /[^\u0000-\u007f]/

/**
 * Whether a text has a character outside ASCII (a lone surrogate counts): the test that sends
 * text down the ASCII fast paths of folding, phrase matching, link and invite finding.
 *
 * @param text - any text
 * @returns `true` when some character is above U+007F
 */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text)
}

// A character that `toLowerCase` may change: an ASCII capital, or anything outside ASCII.
const MAY_CHANGE_CASE = /[^\u0000-\u0040\u005b-\u007f]/

/**
 * Whether a text is ASCII without capitals, so that `toLowerCase` returns it unchanged, and flat:
 * a text joined from parts (`a + '\n' + b`) is a rope in V8, and a loop reading it by
 * `charCodeAt` pays for the indirection at every character; its `toLowerCase` is one string.
 *
 * @param text - any text
 * @returns `true` when every character is ASCII and none is `A`–`Z`
 */
export function isLowerAscii(text: string): boolean {
  return !MAY_CHANGE_CASE.test(text)
}
