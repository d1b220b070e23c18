/**
 * Hosts that phishing imitates, beyond `well-known-domains.ts`: the largest Mastodon and Misskey
 * servers, the platforms' own domains, and Discord's. Each entry says whether its label is
 * distinctive enough that the same label on another top-level domain is an imitation
 * (`fosstodon.com` for fosstodon.org, `discord.co` for discord.com) or is a word that thousands
 * of unrelated servers and sites share (`mastodon.world`, `mstdn.science`, `chaos.com` are real).
 *
 * Source: compiled by hand for this package, 2026-12-07 (MIT), from the server directories
 * joinmastodon.org/servers and misskey-hub.net/servers and the user counts published by
 * fedidb.org and instances.social as known in 2025 (the largest servers by registered users:
 * the first 40 or so Mastodon servers and the first 10 Misskey servers), plus the domains the
 * platforms use for their own sites and apps, and Discord's official domains (its support
 * pages list discord.com, discord.gg, discord.gift, discord.new, discord.media, discordapp.com,
 * discordapp.net, discordstatus.com). Left out: servers whose name is an ordinary word or
 * another site's name (their look-alikes would be real sites); the list is not a census and
 * needs refreshing as servers grow. To regenerate it from fedidb.org's API, take the top
 * servers by `stats.user_count` per software and keep the hand-set `distinctive` flags.
 */
export interface ImitatedHost {
  readonly domain: string
  /** Whether the label on another top-level domain is an imitation. */
  readonly distinctive: boolean
}

export const IMITATED_HOSTS: readonly ImitatedHost[] = [
  // Platforms
  { domain: 'joinmastodon.org', distinctive: true },
  { domain: 'misskey-hub.net', distinctive: true },
  { domain: 'pixelfed.org', distinctive: false },
  { domain: 'pixelfed.social', distinctive: false },
  { domain: 'bsky.app', distinctive: true },
  { domain: 'bsky.social', distinctive: true },
  { domain: 'threads.net', distinctive: false },
  { domain: 'lemmy.world', distinctive: false },
  // Discord
  { domain: 'discord.com', distinctive: true },
  { domain: 'discord.gg', distinctive: true },
  { domain: 'discord.gift', distinctive: true },
  { domain: 'discord.new', distinctive: true },
  { domain: 'discord.media', distinctive: true },
  { domain: 'discordapp.com', distinctive: true },
  { domain: 'discordapp.net', distinctive: true },
  { domain: 'discordstatus.com', distinctive: true },
  // Largest Mastodon servers
  { domain: 'mastodon.social', distinctive: false },
  { domain: 'mastodon.online', distinctive: false },
  { domain: 'mastodon.world', distinctive: false },
  { domain: 'mstdn.social', distinctive: false },
  { domain: 'mas.to', distinctive: false },
  { domain: 'mstdn.jp', distinctive: false },
  { domain: 'pawoo.net', distinctive: true },
  { domain: 'mastodon.cloud', distinctive: false },
  { domain: 'fosstodon.org', distinctive: true },
  { domain: 'infosec.exchange', distinctive: false },
  { domain: 'hachyderm.io', distinctive: true },
  { domain: 'mastodon.art', distinctive: false },
  { domain: 'mastodon.uno', distinctive: false },
  { domain: 'troet.cafe', distinctive: false },
  { domain: 'chaos.social', distinctive: false },
  { domain: 'gamedev.place', distinctive: false },
  { domain: 'universeodon.com', distinctive: true },
  { domain: 'techhub.social', distinctive: false },
  { domain: 'mindly.social', distinctive: false },
  { domain: 'mstdn.ca', distinctive: false },
  { domain: 'aus.social', distinctive: false },
  { domain: 'mastodonapp.uk', distinctive: true },
  { domain: 'piaille.fr', distinctive: false },
  { domain: 'mamot.fr', distinctive: false },
  { domain: 'vivaldi.net', distinctive: false },
  { domain: 'masto.ai', distinctive: false },
  { domain: 'toot.community', distinctive: false },
  { domain: 'mastodon.nl', distinctive: false },
  { domain: 'det.social', distinctive: false },
  { domain: 'norden.social', distinctive: false },
  { domain: 'kolektiva.social', distinctive: false },
  { domain: 'mastodon.green', distinctive: false },
  { domain: 'ohai.social', distinctive: false },
  { domain: 'mathstodon.xyz', distinctive: true },
  { domain: 'qiitadon.com', distinctive: true },
  { domain: 'fedibird.com', distinctive: true },
  { domain: 'sfba.social', distinctive: false },
  { domain: 'tech.lgbt', distinctive: false },
  { domain: 'mastodon-japan.net', distinctive: false },
  // Largest Misskey servers
  { domain: 'misskey.io', distinctive: false },
  { domain: 'misskey.design', distinctive: false },
  { domain: 'nijimiss.moe', distinctive: true },
  { domain: 'sushi.ski', distinctive: false },
  { domain: 'submarin.online', distinctive: false },
  { domain: 'oekakiskey.com', distinctive: true },
  { domain: 'misskey.art', distinctive: false },
  // Brands of the documented phishing (also in well-known-domains.ts)
  { domain: 'paypal.com', distinctive: true },
  { domain: 'paypal.me', distinctive: true },
  { domain: 'steamcommunity.com', distinctive: true },
  { domain: 'steampowered.com', distinctive: true },
  { domain: 'coinbase.com', distinctive: true },
  { domain: 'binance.com', distinctive: true },
  { domain: 'metamask.io', distinctive: true },
]

/**
 * Top-level domains where a registration costs about a dollar and that abuse reports (Spamhaus
 * "most abused TLDs", Interisle phishing landscape 2023–2024) keep listing; a random-looking
 * label there (`form98441.icu`, `id-63384.world`) is how throwaway phishing hosts look.
 */
export const CHEAP_TLDS: readonly string[] = ['icu', 'top', 'xyz', 'buzz', 'cyou', 'sbs', 'cfd', 'click', 'monster', 'rest', 'bond', 'quest', 'lol', 'shop', 'online', 'site', 'live', 'world', 'store', 'fun', 'space', 'website', 'tk', 'ml', 'ga', 'cf', 'gq', 'work', 'support', 'help', 'info', 'life', 'today', 'link', 'club', 'vip', 'win', 'loan']
