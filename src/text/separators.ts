/** Any run of characters that are not letters, numbers or marks. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/**
 * Turns every run of characters that are not letters, numbers or marks (`\p{L}\p{N}\p{M}`) into
 * one space and trims the ends: `text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()`, exactly. ASCII
 * text takes a loop over the words (the Unicode property regular expression cost several µs on a
 * post, more than the rest of the key text); other text takes the regular expression.
 *
 * @param text - any text
 * @returns the words joined by single spaces
 * @example
 * collapseSeparators('  Hello,  world!! ') // 'Hello world'
 */
export function collapseSeparators(text: string): string {
  let out = ''
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 127) return text.replace(SEPARATORS, ' ').trim()
    if (isAsciiWordCode(code)) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out = out === '' ? text.slice(start, i) : `${out} ${text.slice(start, i)}`
      start = -1
    }
  }
  if (start >= 0) out = out === '' ? (start === 0 ? text : text.slice(start)) : `${out} ${text.slice(start)}`
  return out
}
