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
