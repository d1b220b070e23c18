/**
 * Domains that phishing imitates (look-alike hosts such as `dlscord.gg`, `mastodon-support.com`
 * or a Cyrillic `раураl.com`), and the brand words whose appearance next to words like "verify"
 * or "support" in an unrelated domain is suspicious.
 *
 * Source: written by hand for this package, 2026-11-21 (MIT): fediverse software and flagship
 * servers, and the widely known brands imitated in the documented campaigns (Mastodon support
 * phishing 2025, Discord invites, crypto). Left out: fediverse server names in general (thousands
 * of real servers are called `mastodon.<something>`), so a brand word alone never fires.
 */
export const WELL_KNOWN_DOMAINS: readonly string[] = [
  'joinmastodon.org',
  'mastodon.social',
  'mastodon.online',
  'mstdn.jp',
  'misskey.io',
  'pixelfed.social',
  'bsky.app',
  'discord.com',
  'discord.gg',
  'discordapp.com',
  'github.com',
  'google.com',
  'youtube.com',
  'paypal.com',
  'apple.com',
  'microsoft.com',
  'twitter.com',
  'instagram.com',
  'facebook.com',
  'amazon.com',
  'steamcommunity.com',
  'steampowered.com',
  'patreon.com',
  'ko-fi.com',
  'wikipedia.org',
  'binance.com',
  'coinbase.com',
]

/** Brand words that phishing domains pair with a lure word (see `LURE_WORDS`). */
export const BRAND_WORDS: readonly string[] = ['mastodon', 'misskey', 'fediverse', 'discord', 'paypal', 'steam', 'binance', 'coinbase', 'metamask']

/** Lure words of account-verification phishing, as in `mastodon-support-team.com`. */
export const LURE_WORDS: readonly string[] = ['support', 'verify', 'verification', 'security', 'secure', 'safety', 'login', 'signin', 'account', 'appeal', 'kyc', 'moderation', 'unlock', 'recovery', 'nitro', 'gift', 'airdrop', 'wallet']
