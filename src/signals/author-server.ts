import { rulesOf } from '../rules/default-rules.js'
import type { Signal } from '../signal.js'
import { hostToUnicode } from '../text/punycode.js'

/**
 * The author's server (the host of the author's acct) is on a server list of the app's rules,
 * like the lists of open-registration servers admins shared during the 2024 waves.
 *
 * **Catches:** accounts of the abandoned servers that sent a wave, adding to the post's own
 * evidence (an `author` signal: it counts only when the post itself looks like spam).
 *
 * **Does not catch / false-positive risk:** most listed servers also host real people, so a
 * plain list gives strength 0.25 (a weak hint); a list marked `blocked: true` gives strength 1.
 * Nothing fires without a list: there is no built-in one.
 */
export const authorServer: Signal<'author-server'> = {
  id: 'author-server',
  group: 'author',
  evaluate(status, context) {
    const servers = rulesOf(context).servers
    if (servers.size === 0 || status.author.host === undefined) return undefined
    const host = hostToUnicode(status.author.host)
    const hit = servers.match(host)
    if (hit === undefined) return undefined
    return hit.value
      ? { strength: 1, params: { host, blocked: true }, evidence: [hit.domain] }
      : { strength: 0.25, params: { host, blocked: false }, evidence: [hit.domain] }
  },
}
