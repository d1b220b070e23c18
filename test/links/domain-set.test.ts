import { describe, expect, test } from 'vitest'

import { createDomainSet } from '../../src/links/domain-set.js'

const set = createDomainSet<string>([
  ['ctkpaarr.org', 'feb'],
  ['foo.github.io', 'pages'],
  ['荒らし.com', 'feb'],
  ['continued.short.gy', 'phish'],
  ['192.0.2.7', 'ip'],
])

describe('createDomainSet', () => {
  describe('matches', () => {
    // host | entry
    test.each([
      ['ctkpaarr.org', 'ctkpaarr.org'],
      ['www.ctkpaarr.org', 'ctkpaarr.org'],
      ['a.b.ctkpaarr.org', 'ctkpaarr.org'],
      ['foo.github.io', 'foo.github.io'],
      ['x.foo.github.io', 'foo.github.io'],
      ['荒らし.com', '荒らし.com'],
      ['サイトは荒らし.com', '荒らし.com'],
      ['continued.short.gy', 'continued.short.gy'],
      ['192.0.2.7', '192.0.2.7'],
    ])('%s by %s', (host, domain) => {
      expect(set.match(host)?.domain).toBe(domain)
    })
  })

  describe('does not match', () => {
    // host | why
    test.each([
      ['bar.github.io', 'another GitHub Pages site'],
      ['github.io', 'the private suffix itself'],
      ['notctkpaarr.org', 'a longer name, not a subdomain'],
      ['ctkpaarr.org.evil.example', 'the entry is not the end of the host'],
      ['short.gy', 'a parent of a listed host'],
      ['other.short.gy', 'a sibling of a listed host'],
      ['荒らし.co', 'another suffix'],
      ['x荒らし.com', 'ASCII before a script entry'],
      ['192.0.2.77', 'another IP'],
    ])('%s (%s)', (host) => {
      expect(set.match(host)).toBeUndefined()
    })
  })

  test('keeps the first value of a repeated domain', () => {
    expect(createDomainSet([['a.example', 1], ['a.example', 2]]).match('a.example')?.value).toBe(1)
  })
})
