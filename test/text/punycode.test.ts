import { domainToASCII } from 'node:url'

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

import { hostToAscii, hostToUnicode, punycodeDecode, punycodeEncode } from '../../src/text/punycode.js'

// Unicode label | Punycode (RFC 3492 section 7.1 samples L and M, and well-known IDN labels)
const VECTORS: readonly (readonly [string, string])[] = [
  ['荒らし', '68j5e377y'],
  ['bücher', 'bcher-kva'],
  ['münchen', 'mnchen-3ya'],
  ['mañana', 'maana-pta'],
  ['日本語', 'wgv71a119e'],
  ['3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ['安室奈美恵-with-SUPER-MONKEYS', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
  ['ü', 'tda'],
]

describe('punycodeEncode', () => {
  test.each(VECTORS)('encodes %s as %s', (unicode, ascii) => {
    expect(punycodeEncode(unicode)).toBe(ascii)
  })

  test('gives undefined for input longer than a label', () => {
    expect(punycodeEncode('あ'.repeat(64))).toBeUndefined()
  })
})

describe('punycodeDecode', () => {
  test.each(VECTORS)('decodes %s from %s', (unicode, ascii) => {
    expect(punycodeDecode(ascii)).toBe(unicode)
  })

  describe('gives undefined', () => {
    // input | why it is invalid
    test.each([
      ['99999999999999', 'a code point beyond U+10FFFF'],
      ['ab-!!', 'a character that is no base-36 digit'],
      ['abc-z', 'a digit sequence that ends early'],
      ['ü', 'non-ASCII input'],
    ])('for %j (%s)', (input) => {
      expect(punycodeDecode(input)).toBeUndefined()
    })
  })

  test('keeps a basic part with nothing encoded after it', () => {
    expect(punycodeDecode('abc-')).toBe('abc')
  })

  test('round-trips any label of up to 20 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (label) => {
        const encoded = punycodeEncode(label)
        if (encoded !== undefined) expect(punycodeDecode(encoded)).toBe(label)
      }),
    )
  })
})

describe('hostToAscii', () => {
  // host | ASCII form
  test.each([
    ['荒らし.com', 'xn--68j5e377y.com'],
    ['荒らし.COM', 'xn--68j5e377y.com'],
    ['ｄｉｓｃｏｒｄ．ｇｇ', 'discord.gg'],
    ['荒らし。com', 'xn--68j5e377y.com'],
    ['Example.ORG', 'example.org'],
  ])('gives %s as %s', (host, ascii) => {
    expect(hostToAscii(host)).toBe(ascii)
  })
})

describe('hostToUnicode', () => {
  // host | Unicode form
  test.each([
    ['xn--68j5e377y.com', '荒らし.com'],
    ['XN--68J5E377Y.COM', '荒らし.com'],
    ['www.xn--bcher-kva.example', 'www.bücher.example'],
    ['xn--!!.example', 'xn--!!.example'],
    ['荒らし.com', '荒らし.com'],
    ['plain.example', 'plain.example'],
  ])('gives %s as %s', (host, unicode) => {
    expect(hostToUnicode(host)).toBe(unicode)
  })

  test('agrees with the WHATWG URL host parser of Node (used here only as a reference)', () => {
    const label = fc.stringMatching(/^[a-zà-ÿа-яぁ-んァ-ン一-龥]{1,12}$/u)
    fc.assert(
      fc.property(label, label, (a, b) => {
        const host = `${a}.${b}.example`
        const reference = domainToASCII(host)
        if (reference !== '') expect(hostToAscii(host)).toBe(reference)
      }),
    )
  })

  test('is the inverse of hostToAscii on IDN hosts', () => {
    for (const host of ['荒らし.com', 'bücher.example', '日本語.jp']) expect(hostToUnicode(hostToAscii(host))).toBe(host)
  })
})
