import { getPublicSuffix } from 'tldts'

import { hostToUnicode } from '../text/punycode.js'

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/u
const IPV6 = /^[0-9a-f:.]{2,45}$/u
const HOST = /^[\p{L}\p{N}\p{M}_-]{1,63}(?:\.[\p{L}\p{N}\p{M}_-]{1,63}){1,126}$/u

/**
 * Normalizes a domain entry of a list: lowercase, Unicode form (`xn--68j5e377y.com` →
 * `荒らし.com`), without a leading `*.` or `.` or a trailing dot.
 *
 * @param entry - a list entry as written
 * @returns the domain, or a string saying what is wrong (for the error message)
 */
export function normalizeDomainEntry(entry: unknown): { readonly domain: string } | string {
  if (typeof entry !== 'string') return `must be a domain name string, got ${JSON.stringify(entry) ?? String(entry)}`
  let value = entry.trim().toLowerCase()
  if (value.includes('://') || value.includes('/')) return `must be a domain name like example.com, not a URL, got ${JSON.stringify(entry)}`
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1)
  if (IPV4.test(value) || (value.includes(':') && IPV6.test(value))) return { domain: value }
  value = value.replace(/^\*\./u, '').replace(/^\.+/u, '')
  value = hostToUnicode(value).replace(/\.$/u, '')
  if (!HOST.test(value)) return `must be a domain name like example.com, got ${JSON.stringify(entry)}`
  const suffix = getPublicSuffix(value, { allowPrivateDomains: true })
  if (suffix === value) return `is a public suffix, which would match every site under it: list a site such as name.${value}`
  return { domain: value }
}
