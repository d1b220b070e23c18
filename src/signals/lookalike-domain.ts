import { lookalikeOf } from '../links/lookalike.js'
import { linksOf } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { BuiltinReasonParams, LookalikeKind } from '../messages/types.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { imitationOfHost, imitationOfUrl } from './host-imitation.js'

/**
 * The status links to a host that imitates a well-known one, or hides where it goes:
 * - look-alike letters from another script, or a brand paired with a lure word
 *   (`discоrd.gg` with a Cyrillic о, `mastodon-support-team.com`: `lookalikeOf`);
 * - letters that read alike (`rnastodon.social`, `disc0rd.gg`), one typo (`fosstodno.org`,
 *   `dsicord.gg`), a distinctive name on another top-level domain (`discord.co`), a well-known
 *   domain in front of an unrelated one (`mastodon.social.verify-login.com`), against the
 *   largest Mastodon and Misskey servers and the platforms' domains (`src/data/imitated-hosts.ts`);
 * - a host hidden in the URL: user info before an `@` (`https://mastodon.social@evil.example/`),
 *   percent escapes (`https://%64iscord.gg/`), a bare public IP address (strength 0.85);
 * - a random-looking name on a cheap top-level domain (`form98441.icu`, strength 0.5).
 *
 * **Catches:** account-verification phishing in the style of the 2025 "Mastodon Support" wave on
 * hosts no list names yet.
 *
 * **Does not catch / false-positive risk:** phishing on unrelated-looking domains under an
 * ordinary name (`approve-gig.com`: the campaign list catches those). Real fediverse servers are
 * named `mastodon.<something>` by the thousand: a brand word alone never fires, servers with an
 * ordinary word for a name are not compared across top-level domains, and private suffixes
 * (`discord.js.org`) are left alone. A home-lab post linking a public IP fires at 0.85. The rules'
 * `allowDomains` silences a host.
 */
/** What a host (not an IP) imitates: a look-alike of a well-known domain (strength 1) first, else an imitated host. */
interface Imitation {
  readonly strength: number
  readonly kind: LookalikeKind
  readonly imitates: string
  readonly other?: string
}

/**
 * Hosts judged lately (a timeline repeats a few hosts), by host and registrable domain. A pure
 * memo, bounded (cleared when full), which never changes a result.
 */
const judged = /* @__PURE__ */ new Map<string, { readonly domain: string; readonly verdict: Imitation | undefined }>()
const MAX_JUDGED = 512

function hostImitation(host: string, domain: string): Imitation | undefined {
  // By host, the domain checked too (no key string built a link).
  const known = judged.get(host)
  if (known !== undefined && known.domain === domain) return known.verdict
  const lookalike = lookalikeOf(host, domain)
  const verdict: Imitation | undefined = lookalike !== undefined ? { strength: 1, kind: lookalike.kind, imitates: lookalike.imitates } : imitationOfHost(host, domain, false)
  if (judged.size >= MAX_JUDGED) judged.clear()
  judged.set(host, { domain, verdict })
  return verdict
}

export const lookalikeDomain: Signal<'lookalike-domain'> = {
  id: 'lookalike-domain',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const hosts: string[] = []
    let params: BuiltinReasonParams['lookalike-domain'] | undefined
    let strength = 0
    const found = (host: string, how: { kind: LookalikeKind; imitates: string; other?: string }, power: number, image: boolean): void => {
      if (hosts.includes(host)) return
      if (power > strength) {
        strength = power
        params = { host, imitates: how.imitates, kind: how.kind, inImage: image, ...(how.other === undefined ? {} : { other: how.other }) }
      }
      hosts.push(host)
    }
    const scan = linksOf(status, context)
    for (const link of scan.links) {
      if (rules.allowed.match(link.host) !== undefined) continue
      const image = link.origin === 'image'
      const hidden = imitationOfUrl(link.url)
      if (hidden !== undefined) found(hidden.host, hidden, hidden.strength, image)
      if (link.isIp) {
        const ip = imitationOfHost(link.host, link.domain, true)
        if (ip !== undefined) found(link.host, ip, ip.strength, image)
        continue
      }
      const imitation = hostImitation(link.host, link.domain)
      if (imitation !== undefined) found(link.host, imitation, imitation.strength, image)
    }
    // Anchors whose host the link scan could not read (percent escapes): their raw href.
    for (const link of status.links) {
      if (!link.href.includes('%')) continue
      const hidden = imitationOfUrl(link.href)
      if (hidden !== undefined && rules.allowed.match(hidden.host) === undefined) found(hidden.host, hidden, hidden.strength, false)
    }
    if (params === undefined) return undefined
    return { strength, params, evidence: listEvidence(hosts) }
  },
}
