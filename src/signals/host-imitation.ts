import type { LookalikeKind } from '../messages/types.js'
import { CHEAP_TLDS, IMITATED_HOSTS } from '../data/imitated-hosts.js'
import { BRAND_WORDS, WELL_KNOWN_DOMAINS } from '../data/well-known-domains.js'
import { readLinkHost, registrableDomain } from '../links/host.js'
import { brandAndLureWordsIn, oneTypoApart } from '../links/lookalike.js'
import { skeleton } from '../text/deobfuscate.js'
import { isMachineUsername } from './machine-username.js'

/** How a host imitates another, beyond `lookalikeOf` (src/links/lookalike.ts). */
export interface HostImitation {
  /** The host as the link gives it. */
  readonly host: string
  /** 0–1: 1 for an imitation, less for a host that only looks throwaway. */
  readonly strength: number
  /** How, as data (reason params). */
  readonly kind: LookalikeKind
  /** What it imitates or reads as (a domain, a name, a TLD); `''` for an IP host. */
  readonly imitates: string
  /** The unrelated domain it is really under (`prefix-domain`, `prefix-name`, `userinfo`). */
  readonly other?: string
}

interface Known {
  readonly domain: string
  readonly label: string
  readonly suffix: string
  readonly distinctive: boolean
  readonly skeleton: string
  readonly labelSkeleton: string
  /** `domain.` and `.domain.`, made once (compared with every link's host). */
  readonly asPrefix: string
  readonly asInfix: string
}


function splitDomain(domain: string): { label: string; suffix: string } {
  const dot = domain.indexOf('.')
  return dot <= 0 ? { label: domain, suffix: '' } : { label: domain.slice(0, dot), suffix: domain.slice(dot + 1) }
}

/**
 * The letters a reader cannot tell apart in a host, collapsed: `rn`→m, `vv`→w, `cl`→d, `1`/`i`/`|`→l,
 * `0`→o, `5`→s, `3`→e, `4`→a, hyphens dropped.
 *
 * @param text - a lowercase ASCII host or label
 * @returns its skeleton
 */
function readsAlikeSkeleton(text: string): string {
  return text
    .replace(/-/gu, '')
    .replace(/rn/gu, 'm')
    .replace(/vv/gu, 'w')
    .replace(/cl/gu, 'd')
    .replace(/[1i|]/gu, 'l')
    .replace(/0/gu, 'o')
    .replace(/5/gu, 's')
    .replace(/3/gu, 'e')
    .replace(/4/gu, 'a')
}

/**
 * The known domains with their skeletons, and the cheap top-level domains: made on the first
 * ASCII host checked, not at load (a cold start whose link hosts are all non-ASCII, or that has
 * no link, never pays for them).
 */
interface Tables {
  readonly known: readonly Known[]
  readonly knownDomains: ReadonlySet<string>
  readonly cheap: ReadonlySet<string>
}
let tables: Tables | undefined

/**
 * The tables `imitationOfHost` reads, made once on first use.
 *
 * @returns the tables
 */
function tablesOf(): Tables {
  if (tables !== undefined) return tables
  const byDomain = new Map<string, boolean>()
  for (const domain of WELL_KNOWN_DOMAINS) byDomain.set(domain, !BRAND_WORDS.includes(domain) && !domain.startsWith('mastodon.') && !domain.startsWith('misskey.'))
  for (const { domain, distinctive } of IMITATED_HOSTS) byDomain.set(domain, distinctive)
  const known = [...byDomain].map(([domain, distinctive]): Known => {
    const { label, suffix } = splitDomain(domain)
    return { domain, label, suffix, distinctive, skeleton: readsAlikeSkeleton(domain), labelSkeleton: readsAlikeSkeleton(label), asPrefix: `${domain}.`, asInfix: `.${domain}.` }
  })
  tables = { known, knownDomains: new Set(known.map((k) => k.domain)), cheap: new Set(CHEAP_TLDS) }
  return tables
}

const PRIVATE_IP = /^(?:10\.|127\.|192\.168\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.)/u

function randomLooking(label: string): boolean {
  if (/\d{4,}/u.test(label) && /[a-z]/u.test(label)) return true
  const letters = label.replace(/[^a-z0-9]/gu, '')
  return letters.length >= 8 && isMachineUsername(letters)
}

/**
 * Whether a host imitates a well-known server or brand (`IMITATED_HOSTS`, `WELL_KNOWN_DOMAINS`),
 * or looks like a throwaway phishing host:
 * - its registrable domain spells a known one with letters that read alike (`rnastodon.social`,
 *   `disc0rd.gg`, `c1iscord.com`);
 * - one typo away (a letter added, dropped, changed, or two swapped) from a known domain with
 *   the same suffix, or from a distinctive known label on any suffix (`fosstodno.org`, `dsicord.xyz`);
 * - a distinctive known label on another top-level domain (`discord.co`, `fosstodon.com`; not
 *   under a private suffix: `discord.js.org` is a project site);
 * - a known domain written as subdomains of an unrelated one (`mastodon.social.verify-login.com`),
 *   or a distinctive name as a subdomain of one (`discord.gift-claim.com`, strength 0.7);
 * - a public IP address;
 * - a random-looking label on a cheap top-level domain (`form98441.icu`): strength 0.5.
 *
 * @param host - the host, lowercased, Unicode form
 * @param domain - its registrable domain
 * @param isIp - whether it is an IP address
 * @returns how it imitates, or `undefined`
 */
export function imitationOfHost(host: string, domain: string, isIp: boolean): HostImitation | undefined {
  if (isIp) {
    if (PRIVATE_IP.test(host) || host.includes(':')) return undefined
    return { host, strength: 0.85, kind: 'ip', imitates: '' }
  }
  // The ASCII test first (the same answer): a non-ASCII host needs no table.
  if (!/^[a-z0-9.-]+$/u.test(host)) return undefined
  const { known: knownList, knownDomains, cheap } = tablesOf()
  if (knownDomains.has(domain)) return undefined
  const { label, suffix } = splitDomain(domain)
  const skeleton = readsAlikeSkeleton(domain)
  const labelSkeleton = readsAlikeSkeleton(label)
  for (const known of knownList) {
    if (skeleton === known.skeleton) return { host, strength: 1, kind: 'reads-alike', imitates: known.domain }
    if (known.distinctive && !suffix.includes('.') && labelSkeleton === known.labelSkeleton && label.length >= 5) {
      return label === known.label
        ? { host, strength: 1, kind: 'other-tld', imitates: known.domain }
        : { host, strength: 1, kind: 'reads-alike-other-tld', imitates: known.domain }
    }
    if (known.label.length >= 5 && (suffix === known.suffix || (known.distinctive && !suffix.includes('.'))) && oneTypoApart(label, known.label)) {
      return { host, strength: 1, kind: 'typo', imitates: known.domain }
    }
    if (host !== known.domain && (host.startsWith(known.asPrefix) || host.includes(known.asInfix))) {
      return { host, strength: 1, kind: 'prefix-domain', imitates: known.domain, other: domain }
    }
  }
  // A distinctive name as a subdomain of an unrelated domain (`discord.gift-claim.com`); not the
  // names servers share (`mastodon.example.org` is how servers are named).
  const subdomains = host.length > domain.length ? host.slice(0, host.length - domain.length - 1).split('.') : []
  for (const known of knownList) {
    if (known.distinctive && known.label.length >= 5 && subdomains.includes(known.label)) {
      return { host, strength: 0.7, kind: 'prefix-name', imitates: known.label, other: domain }
    }
  }
  const tld = host.slice(host.lastIndexOf('.') + 1)
  if (cheap.has(tld) && randomLooking(label)) return { host, strength: 0.5, kind: 'cheap-tld', imitates: `.${tld}` }
  return undefined
}

/** Whether a text contains a brand name (`BRAND_WORDS`), by the one multi-pattern matcher. */
function namesBrand(text: string): boolean {
  const found = brandAndLureWordsIn(text)
  return found.size > 0 && BRAND_WORDS.some((b) => found.has(b))
}

/**
 * What a URL's authority hides: a user-info part that names a host or brand
 * (`https://mastodon.social@evil.example/`: the browser goes to evil.example), or a host written
 * with percent escapes (`https://%64iscord.gg/`), which browsers decode.
 *
 * @param url - the URL as written (an `href`, a card URL or a URL found in text)
 * @returns how it hides its host, or `undefined`
 */
export function imitationOfUrl(url: string): HostImitation | undefined {
  const start = url.indexOf('//')
  if (start < 0 || start > 8) return undefined
  let end = url.length
  for (let i = start + 2; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i
      break
    }
  }
  const authority = url.slice(start + 2, end).toLowerCase()
  const at = authority.lastIndexOf('@')
  if (/%[0-9a-f]{2}/u.test(authority)) {
    // Decoded by the de-obfuscation layer, as every matcher reads text.
    const decoded = skeleton(authority)
    const read = readLinkHost(`https://${decoded.slice(decoded.lastIndexOf('@') + 1)}/`)
    return { host: read?.host ?? decoded, strength: 1, kind: 'percent-encoded', imitates: read?.host ?? decoded }
  }
  if (at <= 0) return undefined
  const userinfo = authority.slice(0, at)
  const host = authority.slice(at + 1).replace(/:\d+$/u, '')
  if (userinfo.includes('.') || namesBrand(userinfo)) {
    return { host, strength: 1, kind: 'userinfo', imitates: userinfo, other: registrableDomain(host) }
  }
  return undefined
}
