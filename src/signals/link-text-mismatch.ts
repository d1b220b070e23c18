import { parse } from 'tldts'

import { readLinkHost } from '../links/host.js'
import { linksOf } from '../links/status-links.js'
import { rulesOf } from '../rules/default-rules.js'
import type { Signal } from '../signal.js'
import { listEvidence } from './format.js'

const TLDTS_OPTIONS = { allowPrivateDomains: true } as const
// Link text that reads as a URL or a bare host: no spaces, a dot, a known suffix.
const URL_LIKE = /^(?:https?:\/\/)?[^\s/?#]{1,253}\.[^\s/?#.]{2,63}(?:[/?#]\S{0,2000})?$/iu

const SHOWN_HOST = /^(?:https?:\/\/)?([^\s/?#@]{1,253})/iu

/** Whether the text plainly shows the link's own host or a parent or child of it (the usual case). */
function showsOwnHost(text: string, host: string): boolean {
  const shown = SHOWN_HOST.exec(text.trim())?.[1]?.toLowerCase()
  if (shown === undefined) return false
  return shown === host || host.endsWith(`.${shown}`) || shown.endsWith(`.${host}`)
}

/** The host a link's visible text shows, when the text reads as a URL. */
function shownHost(text: string): { host: string; domain: string } | undefined {
  const shown = text.trim().replace(/…$/u, '')
  if (!URL_LIKE.test(shown)) return undefined
  const host = readLinkHost(shown)
  if (host === undefined || host.isIp) return undefined
  const parsed = parse(host.host, TLDTS_OPTIONS)
  if (parsed.isIcann !== true && parsed.isPrivate !== true) return undefined
  return host
}

/**
 * A link's visible text shows one domain while the link goes to another
 * (`<a href="https://evil.example">mastodon.social/verify</a>`).
 *
 * **Catches:** phishing links dressed as a trusted address, in content written as HTML by the
 * sender's server or client.
 *
 * **Does not catch / false-positive risk:** Mastodon writes link text from the href itself, so
 * ordinary links never differ; text that is not a URL ("click here") is ignored, as are preview
 * cards and subdomains of the same site (`www.`, `m.`). Domains on the rules' allow list are
 * ignored.
 */
export const linkTextMismatch: Signal<'link-text-mismatch'> = {
  id: 'link-text-mismatch',
  group: 'links',
  evaluate(status, context) {
    const rules = rulesOf(context)
    const pairs: string[] = []
    for (const link of linksOf(status, context).links) {
      if (link.origin !== 'content' || link.text === '' || showsOwnHost(link.text, link.host)) continue
      const shown = shownHost(link.text)
      if (shown === undefined || shown.domain === link.domain) continue
      if (rules.allowed.match(link.host) !== undefined) continue
      pairs.push(`${shown.host} → ${link.host}`)
    }
    const first = pairs[0]
    if (first === undefined) return undefined
    const [shownText, target] = first.split(' → ')
    return {
      strength: 1,
      params: { shown: shownText ?? '', target: target ?? '' },
      evidence: listEvidence(pairs),
    }
  },
}
