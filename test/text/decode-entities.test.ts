import { describe, expect, test } from 'vitest'
import { decodeEntities } from '../../src/text/decode-entities.js'

describe('decodeEntities', () => {
  describe('decodes', () => {
    // input | output
    test.each([
      ['&amp;&lt;&gt;&quot;&apos;', `&<>"'`],
      ['&AMP;&LT;', '&<'],
      ['&nbsp;', '\u00a0'],
      ['&hellip; &mdash; &ndash;', '… — –'],
      ['&commat;user&period;example', '@user.example'],
      ['&#65;&#066;&#x43;&#X44;&#x0000000045;', 'ABCDE'],
      ['&#128512; &#x1F600;', '😀 😀'],
      ['&#65 no semicolon', 'A no semicolon'],
      ['&amp no semicolon, &lt too', '& no semicolon, < too'],
    ])('%j to %j', (input, output) => {
      expect(decodeEntities(input)).toBe(output)
    })
  })

  describe('replaces invalid code points with U+FFFD', () => {
    // input
    test.each([['&#0;'], ['&#xD800;'], ['&#xDFFF;'], ['&#x110000;'], ['&#99999999999;'], ['&#xFFFFFFFFFFFFFFFFFFFF;']])('for %j', (input) => {
      expect(decodeEntities(input)).toBe('\ufffd')
    })
  })

  describe('leaves as written', () => {
    // input
    test.each([
      ['no entities here'],
      ['&bogus;'],
      ['&notanentity'],
      ['& alone'],
      ['&#; &#x; &#xZZ;'],
      ['&hellip without semicolon'],
      ['?a=1&copyright=2'],
      ['&' + 'a'.repeat(40) + ';'],
    ])('%j', (input) => {
      expect(decodeEntities(input)).toBe(input)
    })
  })
})
