import { hasNonAscii } from '../text/ascii.js'

/** A domain list compiled for lookups by host, subdomains included. */
export interface DomainSet<T> {
  readonly size: number
  /**
   * The entry that covers a host: the host itself or a parent domain (`a.b.example` is covered
   * by `b.example`). An entry written in a non-Latin script also covers a host that ends with it
   * across a script boundary (`サイトは荒らし.com`, Japanese glued to the link, is covered by
   * `荒らし.com`).
   *
   * @param host - a host in Unicode form, lowercased (as `readLinkHost` gives it)
   * @returns the entry and its value, or `undefined`
   */
  readonly match: (host: string) => { readonly domain: string; readonly value: T } | undefined
}

/**
 * Compiles domain entries (already normalized: Unicode form, lowercase) into a set. The first
 * value given for a domain wins.
 *
 * @param entries - `[domain, value]` pairs
 * @returns the set; lookups cost one map lookup per label of the host
 */
export function createDomainSet<T>(entries: Iterable<readonly [string, T]>): DomainSet<T> {
  const map = new Map<string, T>()
  for (const [domain, value] of entries) if (!map.has(domain)) map.set(domain, value)
  const scriptEntries = [...map.keys()].filter((d) => hasNonAscii(d.split('.')[0] ?? ''))
  return {
    size: map.size,
    match(host) {
      // The allow list is empty unless the app fills it, and every link signal asks it.
      if (map.size === 0) return undefined
      let suffix = host
      for (;;) {
        const value = map.get(suffix)
        if (value !== undefined) return { domain: suffix, value }
        const dot = suffix.indexOf('.')
        if (dot < 0) break
        suffix = suffix.slice(dot + 1)
      }
      if (scriptEntries.length > 0 && hasNonAscii(host)) {
        for (const domain of scriptEntries) {
          if (!host.endsWith(domain)) continue
          // Only across a script boundary: the character before the entry is not ASCII.
          const before = host.charCodeAt(host.length - domain.length - 1)
          if (before >= 0x80) return { domain, value: map.get(domain) as T }
        }
      }
      return undefined
    },
  }
}
