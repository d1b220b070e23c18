/** A link domain of a documented spam campaign. */
export interface CampaignDomain {
  /** The registrable domain, or the exact host when the registrable domain is shared. */
  readonly domain: string
  /** The campaign, as reason messages name it. */
  readonly campaign: string
}

/**
 * Link domains of documented fediverse spam campaigns. A link to one (or to any of its
 * subdomains) is blatant spam.
 *
 * Source: /work/shared/corpus/spam/spam-facts.md and spam-indicators.json (facts compiled from
 * imksoo/mastodon-spam-detector signatures 20240221 (MIT), perryflynn/fediscripts spamlist.yml
 * (MIT), dragonfly-club/mastodon-antispam README, freeradical-dot-zone/spamhammer (CC0),
 * chaossocial/meta bin/auto-moderator, KrebsOnSecurity), reviewed 2026-11-21. Domain names are
 * facts; no file was copied. License of this list: MIT.
 *
 * Left out on purpose: `mastodon-japan.net` (the posts linked an innocent user's profile there
 * to frame them), `discord.gg` (invites are the discord-invite signal; the campaigns' invite codes
 * are in `discord-invite-hosts.ts`), `short.gy` and `yip.su` as a whole (shorteners used by
 * many; only the campaign's own `continued.short.gy` host is listed), and `matrix.to`,
 * `anonsys.net`, `stumblechat.com` ("Fediverse Chick" links to general-purpose services).
 */
export const CAMPAIGN_DOMAINS: readonly CampaignDomain[] = [
  // February 2024 "荒らし共栄圏" wave
  { domain: '荒らし.com', campaign: 'the February 2024 荒らし共栄圏 wave' },
  { domain: 'ctkpaarr.org', campaign: 'the February 2024 荒らし共栄圏 wave' },
  { domain: 'ctkpaarr.data.blog', campaign: 'the February 2024 荒らし共栄圏 wave' },
  // October–November 2024 "Midokuri" wave
  { domain: 'krsw-wiki.org', campaign: 'the October 2024 Midokuri wave' },
  { domain: 'midokuriserver.github.io', campaign: 'the October 2024 Midokuri wave' },
  // May 2023 crypto DM wave
  { domain: 'moonxtrade.com', campaign: 'the May 2023 crypto DM wave' },
  // July–September 2025 "Mastodon Support" verification phishing
  { domain: 'approve-gig.com', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'form98441.icu', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'netprocesse.com', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'infprocess.com', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'id-63384.world', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'processkyc.com', campaign: 'the 2025 "Mastodon Support" phishing' },
  { domain: 'continued.short.gy', campaign: 'the 2025 "Mastodon Support" phishing' },
]
