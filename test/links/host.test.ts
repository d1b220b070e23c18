import { describe, expect, test } from 'vitest'

import { readHostOf, readLinkHost, registrableDomain } from '../../src/links/host.js'
import { hostSkeleton } from '../../src/text/deobfuscate.js'

describe('readLinkHost', () => {
  describe('reads', () => {
    // url | host | registrable domain | IP host
    test.each([
      ['https://example.com/path?q=1#x', 'example.com', 'example.com', false],
      ['discord.gg/abc', 'discord.gg', 'discord.gg', false],
      ['HTTPS://WWW.Example.COM./', 'www.example.com', 'example.com', false],
      ['https://荒らし.com/', '荒らし.com', '荒らし.com', false],
      ['https://xn--68j5e377y.com/', '荒らし.com', '荒らし.com', false],
      ['https://mastodon.social@evil.example/', 'evil.example', 'evil.example', false],
      ['https://user:pass@mastodon.social:pw@evil.example:8443/x', 'evil.example', 'evil.example', false],
      ['https://foo.github.io/x', 'foo.github.io', 'foo.github.io', false],
      ['https://a.b.example.co.uk/', 'a.b.example.co.uk', 'example.co.uk', false],
      ['https://ctkpaarr.data.blog/', 'ctkpaarr.data.blog', 'data.blog', false],
      ['http://192.168.10.1:8080/x', '192.168.10.1', '192.168.10.1', true],
      ['http://[2001:db8::1]/x', '2001:db8::1', '2001:db8::1', true],
      ['https:\\\\evil.example\\x', 'evil.example', 'evil.example', false],
      ['//cdn.example.net/x.js', 'cdn.example.net', 'example.net', false],
    ])('%s as host %s, domain %s', (url, host, domain, isIp) => {
      expect(readLinkHost(url)).toEqual({ host, domain, isIp })
    })
  })

  describe('gives undefined', () => {
    // url | why
    test.each([
      ['mailto:someone@example.com', 'not a web link'],
      ['javascript:alert(1)', 'not a web link'],
      ['/relative/path', 'a relative path'],
      ['https://', 'no host'],
      ['https://exa mple.com/', 'a space in the host'],
      ['https://a..b.example/', 'an empty label'],
      ['https://[zz::1]/', 'a bad IPv6 literal'],
      ['', 'empty'],
    ])('for %j (%s)', (url) => {
      expect(readLinkHost(url)).toBeUndefined()
    })
  })
})

describe('registrableDomain', () => {
  // host | registrable domain
  test.each([
    ['foo.github.io', 'foo.github.io'],
    ['bar.github.io', 'bar.github.io'],
    ['deep.foo.github.io', 'foo.github.io'],
    ['mastodon.netprocesse.com', 'netprocesse.com'],
    ['10.0.0.1', '10.0.0.1'],
    ['localhost', 'localhost'],
  ])('of %s is %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain)
  })
})

describe('readLinkHost: hosts written as numbers are IPv4 addresses', () => {
  // url | address
  test.each([
    ['http://3232235777/x', '192.168.1.1'],
    ['http://0xc0.0xa8.1.1/', '192.168.1.1'],
    ['http://0300.0250.1.1', '192.168.1.1'],
    ['http://192.168.257/', '192.168.1.1'],
    ['http://1.2.3.4/', '1.2.3.4'],
  ])('%s is %s', (url, address) => {
    expect(readLinkHost(url)).toEqual({ host: address, domain: address, isIp: true })
  })

  test('a name that starts with a digit is a name', () => {
    expect(readLinkHost('https://123.example/')?.isIp).toBe(false)
  })
})

describe('the ASCII host test', () => {
  // An ASCII host is tested with an ASCII class, other hosts with the Unicode one
  // (`[\p{L}\p{N}\p{M}._-]`): for every ASCII character the two must agree.
  test.each([...Array(128).keys()].map((code) => String.fromCharCode(code)).filter((c) => !/[\s/?#@:\\%[\]]/u.test(c)))('%j in a host is read as the Unicode class reads it', (c) => {
    expect(readLinkHost(`https://a${c}b.example/`) !== undefined).toBe(/[\p{L}\p{N}\p{M}._-]/u.test(c))
  })
})

describe('readHostOf (remembered skeletons) equals hostSkeleton', () => {
  test('for ASCII, look-alike, Japanese, Punycode and IP hosts, past the memo bound', () => {
    const hosts = ['discord.gg', 'dіscord.gg', 'ｄｉｓｃｏｒｄ.gg', '荒らし.com', 'xn--68j5e377y.com', 'rnastodon.social', '192.168.1.1', '3232235777', '[::1]', 'MASTODON.social']
    // More distinct hosts than the memo keeps, so it is cleared and refilled on the way.
    const urls = [...hosts, ...Array.from({ length: 700 }, (_, i) => `h${i}.example`)].map((h) => `https://${h}/x`)
    for (let round = 0; round < 2; round++) {
      for (const url of urls) {
        const host = readLinkHost(url)!
        expect({ url, read: readHostOf(host) }).toEqual({ url, read: host.isIp ? host.host : hostSkeleton(host.host) })
      }
    }
  })
})
