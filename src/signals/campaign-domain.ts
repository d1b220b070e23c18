import { linksOf, scanLinks } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { BlockSource } from '../rules/resolve-rules.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'
import { WARNING_STRENGTH, warningReading } from './warning-context.js'

/**
 * The status links to a domain of a documented spam campaign, or to a domain on a block list of
 * the app's rules (subdomains included), or shows a campaign's Discord invite code. Blatant: the
 * verdict stays spam even when the viewer follows the author (hijacked accounts).
 *
 * **Catches:** `荒らし.com` (also as `xn--68j5e377y.com`, or in the preview card), `ctkpaarr.org`,
 * `krsw-wiki.org`, `midokuriserver.github.io`, the 2025 "Mastodon Support" phishing hosts,
 * `discord.gg/ctkpaarr`; links written as text or read from an image too; a listed domain written
 * in text but cut so that no link reads it (`ctkpaarr .org`, `荒らし . com`, `ctkpaarr org`,
 * a line break before the dot), found by the one multi-pattern matcher in the link scan
 * (`LinkScan.named`), the evidence quoting the text as written.
 *
 * **Does not catch / false-positive risk:** new campaign domains until a list names them. A post
 * that names a campaign domain or code without a live link, from a settled author, with no
 * mention blast, next to warning words or in quotes (see `warningReading`), is a warning: the hit
 * is then not blatant and counts a quarter, which the author's trust cancels. The app's allow list (rules
 * `allowDomains`) beats every block list. Matching is by registrable domain with private
 * suffixes, so blocking `foo.github.io` never blocks `bar.github.io`.
 */
export const campaignDomain: Signal<'campaign-domain'> = {
  id: 'campaign-domain',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const scan = linksOf(status, context)
    const evidence: string[] = []
    const hosts: string[] = []
    const why: BlockSource[] = []
    // The entries found, by their value (a domain and the form the layer reads it in share one:
    // `resolveRules`), so a link's entry is not found again in text.
    const entries = new Set<unknown>()
    let onlyImages = true
    let live = false
    for (const link of scan.links) {
      if (rules.allowed.match(link.host) !== undefined) continue
      const hit = rules.blocked.match(link.host) ?? (link.readHost === link.host ? undefined : rules.blocked.match(link.readHost))
      if (hit === undefined) continue
      entries.add(hit.value)
      evidence.push(link.host)
      hosts.push(link.host)
      why.push(hit.value)
      if (link.origin !== 'image') onlyImages = false
      if (link.origin === 'content' || link.origin === 'card') live = true
    }
    for (const invite of scan.invites) {
      const campaign = rules.campaignInvites.get(invite.code.toLowerCase())
      if (campaign === undefined || rules.allowed.match(invite.host) !== undefined) continue
      evidence.push(`${invite.host}/${invite.code}`)
      hosts.push(`${invite.host}/${invite.code}`)
      why.push({ campaign })
      if (invite.origin !== 'image') onlyImages = false
      if (invite.origin === 'content' || invite.origin === 'card') live = true
    }
    // A blocked domain written in the text but cut so that no link reads it (`ctkpaarr .org`,
    // `荒らし . com`, `ctkpaarr org`): found by the one multi-pattern matcher in the link scan
    // (scanned again here only when the scan was made with another matcher than the rules').
    const named = scan.namedBy === rules.hostsInText ? scan.named : scanLinks(status, rules.hostsInText).named
    for (const hit of named ?? []) {
      if (entries.has(hit.blocked) || rules.allowed.match(hit.host) !== undefined) continue
      entries.add(hit.blocked)
      evidence.push(hit.match)
      hosts.push(hit.host)
      // The rules' matcher reports its own block values.
      why.push(hit.blocked as BlockSource)
      if (hit.origin !== 'image') onlyImages = false
    }
    const first = hosts[0]
    if (first === undefined) return undefined
    const warning = onlyImages ? undefined : warningReading(status, context, live)
    if (warning !== undefined) {
      return {
        strength: WARNING_STRENGTH,
        params: { host: first, count: evidence.length, inImage: false, ...why[0], ...warning },
        evidence: listEvidence(evidence),
      }
    }
    return {
      strength: 1,
      blatant: true,
      params: { host: first, count: evidence.length, inImage: onlyImages, ...why[0] },
      evidence: listEvidence(evidence),
    }
  },
}
