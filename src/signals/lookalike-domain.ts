import { lookalikeOf } from '../links/lookalike.js'
import { linksOf } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { BuiltinReasonParams } from '../messages/types.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'

/**
 * The status links to a host that imitates a well-known one (see `lookalikeOf`): look-alike
 * letters from another script, one letter off (`dlscord.gg`), or a brand paired with a lure word
 * (`mastodon-support-team.com`).
 *
 * **Catches:** account-verification phishing in the style of the 2025 "Mastodon Support" wave,
 * homoglyph hosts such as `discоrd.gg` with a Cyrillic о.
 *
 * **Does not catch / false-positive risk:** phishing on unrelated-looking domains
 * (`approve-gig.com`: the campaign list catches those). Real fediverse servers are named
 * `mastodon.<something>` by the thousand: a brand word alone never fires, and hosts in Japanese
 * or other non-Latin scripts are left alone unless they mix Latin with Cyrillic, Greek or
 * Armenian letters in one label. The rules' `allowDomains` silences a host.
 */
export const lookalikeDomain: Signal<'lookalike-domain'> = {
  id: 'lookalike-domain',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const hosts: string[] = []
    let params: BuiltinReasonParams['lookalike-domain'] | undefined
    for (const link of linksOf(status, context).links) {
      if (link.isIp || rules.allowed.match(link.host) !== undefined) continue
      const lookalike = lookalikeOf(link.host, link.domain)
      if (lookalike === undefined) continue
      params ??= { host: link.host, imitates: lookalike.imitates, kind: lookalike.kind, inImage: link.origin === 'image' }
      hosts.push(link.host)
    }
    if (params === undefined) return undefined
    return { strength: 1, params, evidence: listEvidence(hosts) }
  },
}
