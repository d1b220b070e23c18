import { hasNonAscii } from './ascii.js'

/**
 * Punycode (RFC 3492) and IDNA host conversion, without a WHATWG `URL`: QuickJS and React Native
 * do not ship a full one, and the filter must give `荒らし.com` and `xn--68j5e377y.com` the same
 * verdict everywhere. Only what host matching needs: no IDNA 2008 validity tables, no bidi rules.
 * Every function is linear in its input's length (labels longer than 63 characters are left
 * as written) and never throws.
 */

const BASE = 36
const T_MIN = 1
const T_MAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128
const MAX_LABEL = 63
const ACE_PREFIX = 'xn--'

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / numPoints)
  let k = 0
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN))
    k += BASE
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW))
}

function digitToChar(digit: number): string {
  // 0–25 → a–z, 26–35 → 0–9
  return String.fromCharCode(digit < 26 ? digit + 97 : digit + 22)
}

function charToDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 22
  if (code >= 65 && code <= 90) return code - 65
  if (code >= 97 && code <= 122) return code - 97
  return BASE
}

/**
 * Encodes a Unicode string as Punycode (without the `xn--` prefix).
 *
 * @param input - one label, e.g. `荒らし`
 * @returns the Punycode, e.g. `68j5e377y`, or `undefined` when the input is longer than a label
 * @example
 * punycodeEncode('荒らし') //=> '68j5e377y'
 */
export function punycodeEncode(input: string): string | undefined {
  const codes = Array.from(input, (c) => c.codePointAt(0) ?? 0)
  if (codes.length > MAX_LABEL) return undefined
  let output = ''
  for (const c of codes) if (c < 0x80) output += String.fromCharCode(c)
  const basic = output.length
  let handled = basic
  if (basic > 0) output += '-'
  let n = INITIAL_N
  let delta = 0
  let bias = INITIAL_BIAS
  while (handled < codes.length) {
    let m = Number.MAX_SAFE_INTEGER
    for (const c of codes) if (c >= n && c < m) m = c
    delta += (m - n) * (handled + 1)
    n = m
    for (const c of codes) {
      if (c < n) delta++
      if (c !== n) continue
      let q = delta
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
        if (q < t) break
        output += digitToChar(t + ((q - t) % (BASE - t)))
        q = Math.floor((q - t) / (BASE - t))
      }
      output += digitToChar(q)
      bias = adapt(delta, handled + 1, handled === basic)
      delta = 0
      handled++
    }
    delta++
    n++
  }
  return output
}

/**
 * Decodes Punycode (without the `xn--` prefix) to Unicode.
 *
 * @param input - e.g. `68j5e377y`
 * @returns the Unicode label, or `undefined` when the input is not valid Punycode
 * @example
 * punycodeDecode('68j5e377y') //=> '荒らし'
 */
export function punycodeDecode(input: string): string | undefined {
  if (input.length > MAX_LABEL || hasNonAscii(input)) return undefined
  const dash = input.lastIndexOf('-')
  const output: number[] = []
  for (let j = 0; j < Math.max(0, dash); j++) output.push(input.charCodeAt(j))
  let n = INITIAL_N
  let bias = INITIAL_BIAS
  let i = 0
  for (let index = dash > 0 ? dash + 1 : 0; index < input.length; ) {
    const oldi = i
    let w = 1
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined
      const digit = charToDigit(input.charCodeAt(index++))
      if (digit >= BASE) return undefined
      i += digit * w
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
      if (digit < t) break
      w *= BASE - t
      if (w > 0x10ffff * BASE) return undefined
    }
    const length = output.length + 1
    bias = adapt(i - oldi, length, oldi === 0)
    n += Math.floor(i / length)
    i %= length
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined
    output.splice(i, 0, n)
    i++
  }
  return String.fromCodePoint(...output)
}

function mapLabels(host: string, map: (label: string) => string): string {
  return host
    .split('.')
    .map((label) => map(label))
    .join('.')
}

/**
 * A host in ASCII form: Unicode labels become `xn--` labels. The host is lowercased and
 * NFKC-normalized first (as IDNA mapping does), so `荒らし.COM` gives `xn--68j5e377y.com`.
 *
 * @param host - a host, Unicode or ASCII
 * @returns the ASCII host
 */
export function hostToAscii(host: string): string {
  const lower = host.toLowerCase()
  if (!hasNonAscii(lower)) return lower
  return mapLabels(lower.normalize('NFKC').toLowerCase().replace(/[\u3002\uff61]/gu, '.'), (label) => {
    if (!hasNonAscii(label)) return label
    const encoded = punycodeEncode(label)
    return encoded === undefined ? label : ACE_PREFIX + encoded
  })
}

/**
 * A host in Unicode form: `xn--` labels are decoded (invalid ones stay as written), so
 * `xn--68j5e377y.com` gives `荒らし.com`. Lowercased and NFKC-normalized.
 *
 * @param host - a host, Unicode or ASCII
 * @returns the Unicode host
 */
export function hostToUnicode(host: string): string {
  // IDNA maps the ideographic full stops to `.`; NFKC maps the fullwidth one.
  const lower = hasNonAscii(host) ? host.normalize('NFKC').toLowerCase().replace(/[\u3002\uff61]/gu, '.') : host.toLowerCase()
  if (!lower.includes(ACE_PREFIX)) return lower
  return mapLabels(lower, (label) => {
    if (!label.startsWith(ACE_PREFIX)) return label
    const decoded = punycodeDecode(label.slice(ACE_PREFIX.length))
    return decoded === undefined || decoded === '' ? label : decoded.normalize('NFKC').toLowerCase()
  })
}
