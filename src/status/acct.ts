/**
 * Canonical account names: `user@host`, lowercased, without a leading `@`. Mastodon gives local
 * accounts a bare `user` acct; with the viewer's server known, it is qualified with that host, so
 * `alice` and `alice@example.social` compare equal.
 *
 * @param acct - an acct as the API gives it, or `@user@host` as people write it
 * @param localHost - the host of the server the JSON came from, when known
 * @returns the canonical acct, `''` for empty input
 */
export function canonicalAcct(acct: string, localHost?: string): string {
  let value = acct.trim().toLowerCase()
  if (value.startsWith('@')) value = value.slice(1)
  if (value === '') return ''
  if (!value.includes('@') && localHost !== undefined && localHost !== '') value = `${value}@${localHost.toLowerCase()}`
  return value
}

/**
 * The host part of an acct (`user@host` → `host`), or of a profile URL when the acct has none.
 *
 * @param acct - a canonical acct
 * @param url - the profile URL, used when the acct is local
 * @returns the host, or `undefined`
 */
export function acctHost(acct: string, url?: string): string | undefined {
  const at = acct.indexOf('@')
  if (at >= 0) return acct.slice(at + 1) || undefined
  if (url === undefined) return undefined
  const match = /^https?:\/\/([^/?#@:]{1,253})/iu.exec(url)
  return match?.[1]?.toLowerCase()
}
