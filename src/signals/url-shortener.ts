import { linksOf } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'

/**
 * The status links through a URL shortener (a curated list, plus the rules' `shorteners`), which
 * hides where the link goes.
 *
 * **Catches:** `yip.su/25X8U6` (October 2024 wave), `shorturl.at/iSuCk` (Black Friday 2024),
 * `continued.short.gy/UDhn` (2025 phishing), shortened links written as text or read from a QR
 * code.
 *
 * **Does not catch / false-positive risk:** news accounts and social-media tools post shortened
 * links all the time, so the weight is low and this signal never decides a verdict alone.
 * Platform wrappers (t.co, youtu.be) are not on the list; the rules' `allowDomains` removes any.
 */
export const urlShortener: Signal<'url-shortener'> = {
  id: 'url-shortener',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const hosts: string[] = []
    let onlyImages = true
    for (const link of linksOf(status, context).links) {
      if (rules.shorteners.match(link.host) === undefined || rules.allowed.match(link.host) !== undefined) continue
      hosts.push(link.host)
      if (link.origin !== 'image') onlyImages = false
    }
    const first = hosts[0]
    if (first === undefined) return undefined
    return {
      strength: 1,
      params: { host: first, inImage: onlyImages },
      evidence: listEvidence(hosts),
    }
  },
}
