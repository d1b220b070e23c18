import { getDomain } from 'tldts'

import { hasNonAscii } from '../text/ascii.js'
import { hostSkeleton } from '../text/deobfuscate.js'
import { hostToUnicode } from '../text/punycode.js'

/** Where a link points: its host, read the way a browser reads it. */
export interface LinkHost {
  /** The host in Unicode form, lowercased, without a trailing dot (`荒らし.com`, `evil.example`). */
  readonly host: string
  /**
   * The registrable domain (`foo.github.io`, `example.co.uk`): private suffixes count, so every
   * GitHub Pages site is its own site. For an IP host, the IP; for a bare suffix, the host.
   */
  readonly domain: string
  /** Whether the host is an IPv4 or IPv6 address. */
  readonly isIp: boolean
}

const TLDTS_OPTIONS = { allowPrivateDomains: true } as const
const SCHEME = /^[a-z][a-z0-9+.-]{0,31}:/iu
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/u
const HOST_CHARS = /^[\p{L}\p{N}\p{M}._-]{1,253}$/u
// The same test for an ASCII host (letters, digits and marks of ASCII are A–Z, a–z and 0–9): most
// hosts are ASCII, and the property classes above cost about 0.5 ms to compile on a cold start.
const ASCII_HOST_CHARS = /^[a-z0-9._-]{1,253}$/i

const NUMBER_PART = /^(?:0x[0-9a-f]*|[0-9]+)$/iu

/**
 * Reads a host made of numbers as the IPv4 address a browser opens (the WHATWG URL standard's
 * IPv4 parser): `3232235777`, `0xc0a80101`, `0300.0250.1.1` and `192.168.257` are addresses.
 *
 * @param host - a host, lowercased
 * @returns the address in dotted form, or `undefined` when the host is not one
 */
export function readIpv4(host: string): string | undefined {
  const parts = host.split('.')
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length === 0 || parts.length > 4 || !parts.every((p) => NUMBER_PART.test(p))) return undefined
  const numbers: number[] = []
  for (const part of parts) {
    const value = part.startsWith('0x') || part.startsWith('0X') ? (part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16)) : part.length > 1 && part.startsWith('0') ? Number.parseInt(part, 8) : Number(part)
    if (!Number.isFinite(value) || Number.isNaN(value)) return undefined
    numbers.push(value)
  }
  const last = numbers.pop() ?? 0
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return undefined
  let address = last
  numbers.forEach((n, i) => (address += n * 256 ** (3 - i)))
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.')
}

/**
 * The registrable domain of a host (see `LinkHost.domain`).
 *
 * @param host - a host in Unicode form, lowercased
 * @returns the registrable domain
 */
export function registrableDomain(host: string): string {
  if (IPV4.test(host) || host.includes(':')) return host
  return getDomain(host, TLDTS_OPTIONS) ?? host
}

/**
 * Reads the host of a URL as a browser would, without a WHATWG `URL`: the scheme is optional,
 * user info is dropped (`https://mastodon.social@evil.example/` goes to `evil.example`), as are
 * the port and a trailing dot; backslashes count as slashes; Punycode labels are decoded.
 *
 * @param url - an absolute URL, or a scheme-less one as people write it (`discord.gg/abc`)
 * @returns the host, or `undefined` when the URL has none (`mailto:`, a relative path, junk)
 * @example
 * readLinkHost('https://mastodon.social@xn--68j5e377y.com/') //=> { host: '荒らし.com', domain: '荒らし.com', isIp: false }
 */
export function readLinkHost(url: string): LinkHost | undefined {
  let rest = url.trim()
  if (rest.includes('\\')) rest = rest.replace(/\\/gu, '/')
  // `https://` and `http://` as Mastodon writes them, without the scheme regex.
  const plain = rest.startsWith('https://') ? 8 : rest.startsWith('http://') ? 7 : 0
  if (plain > 0) {
    rest = rest.slice(plain)
  } else {
    const scheme = SCHEME.exec(rest)
    if (scheme !== null) {
      const name = scheme[0].toLowerCase()
      if (name !== 'http:' && name !== 'https:') return undefined
      rest = rest.slice(name.length)
      if (!rest.startsWith('//')) return undefined
    }
    if (rest.startsWith('//')) rest = rest.slice(2)
    else if (rest.startsWith('/')) return undefined
  }
  // The authority ends at the first `/`, `?` or `#`.
  let end = rest.length
  for (let i = 0; i < end; i++) {
    const code = rest.charCodeAt(i)
    if (code === 47 || code === 63 || code === 35) end = i
  }
  let authority = end === rest.length ? rest : rest.slice(0, end)
  const at = authority.lastIndexOf('@')
  if (at >= 0) authority = authority.slice(at + 1)
  let host: string
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']')
    if (close < 0) return undefined
    host = authority.slice(1, close).toLowerCase()
    if (!/^[0-9a-f:.]{2,45}$/u.test(host)) return undefined
    return { host, domain: host, isIp: true }
  }
  const colon = authority.indexOf(':')
  if (colon >= 0) authority = authority.slice(0, colon)
  return readAuthority(authority)
}

/**
 * Hosts read lately, by the authority as written (without user info and port): timelines repeat
 * a few hosts (the viewer's server, the big ones), and reading one costs a percent-decoding, a
 * Punycode decoding and the public suffix list. A pure memo, bounded (cleared when full), which
 * never changes a result.
 */
const authorities = /* @__PURE__ */ new Map<string, LinkHost | null>()
const MAX_REMEMBERED = 512

function readAuthority(written: string): LinkHost | undefined {
  const known = authorities.get(written)
  if (known !== undefined) return known ?? undefined
  const read = readAuthorityOnce(written)
  if (authorities.size >= MAX_REMEMBERED) authorities.clear()
  authorities.set(written, read ?? null)
  return read
}

function readAuthorityOnce(written: string): LinkHost | undefined {
  let authority = written
  let host: string
  // A browser percent-decodes the host before anything else (`%64iscord.gg` is discord.gg).
  if (authority.includes('%')) {
    try {
      authority = decodeURIComponent(authority)
    } catch {
      return undefined
    }
  }
  host = hostToUnicode(authority)
  if (host.endsWith('.')) host = host.replace(/\.+$/u, '')
  if (host === '' || !(hasNonAscii(host) ? HOST_CHARS : ASCII_HOST_CHARS).test(host) || host.startsWith('.') || host.includes('..')) return undefined
  // A host of numbers is an IPv4 address however it is written (`3232235777`, `0xc0.0xa8.1.1`).
  const address = /^[0-9]/u.test(host) ? readIpv4(host) : undefined
  if (address !== undefined) return { host: address, domain: address, isIp: true }
  const isIp = IPV4.test(host)
  return { host, domain: isIp ? host : registrableDomain(host), isIp }
}

/**
 * Hosts' skeletons read lately (`hostSkeleton`), by host: a pure memo, bounded (cleared when
 * full), as for the hosts themselves.
 */
const skeletons = /* @__PURE__ */ new Map<string, string>()

/**
 * The host as the de-obfuscation layer reads it (what block lists are matched against): the
 * skeleton of the host, or the address of an IP host.
 *
 * @param host - a host read by `readLinkHost`
 * @returns `host.host` through `hostSkeleton` (an IP as it is)
 */
export function readHostOf(host: LinkHost): string {
  if (host.isIp) return host.host
  const known = skeletons.get(host.host)
  if (known !== undefined) return known
  const read = hostSkeleton(host.host)
  if (skeletons.size >= MAX_REMEMBERED) skeletons.clear()
  skeletons.set(host.host, read)
  return read
}
