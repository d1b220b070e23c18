/** How an invite URL on a host carries the invite code. */
export interface DiscordInviteHost {
  /** The host, lowercased (`discord.gg`). */
  readonly host: string
  /**
   * `optional`: `host/CODE` or `host/invite/CODE`; `required`: only `host/invite/CODE`
   * (discord.com/channels/… is not an invite); `none`: `host/CODE` (a redirector's vanity name).
   */
  readonly invitePath: 'optional' | 'required' | 'none'
  /** Where the host is documented. */
  readonly source: string
}

/**
 * Hosts whose links open a Discord server invite: Discord's own and the invite redirectors.
 *
 * Source: written by hand for this package, 2026-11-21 (MIT). Discord's hosts are the ones its
 * client accepts (discord.js `BaseInvite.InvitesPattern`, quoted in spam-indicators.json: discord.gg,
 * discord.gg/invite, discord.com/invite, discordapp.com/invite) plus the `ptb.` and `canary.`
 * client hosts. Redirectors: dsc.gg (a public Discord link shortener, dsc.gg home page), dis.army
 * (reported as a redirect to discord.com/invite in daltonmenezes/discord-malicious-domains PR #1,
 * cited in spam-indicators.json), discord.me and invite.gg (public server-listing sites whose
 * `/name` pages redirect to an invite), discord.io (a vanity-invite service that closed in 2023;
 * old links still circulate).
 *
 * Left out: server directories whose pages are not invites (top.gg, disboard.org), and
 * Discord's help-article shortener dis.gd.
 */
export const DISCORD_INVITE_HOSTS: readonly DiscordInviteHost[] = [
  { host: 'discord.gg', invitePath: 'optional', source: 'Discord; discord.js InvitesPattern' },
  { host: 'discord.com', invitePath: 'required', source: 'Discord; discord.js InvitesPattern' },
  { host: 'discordapp.com', invitePath: 'required', source: 'Discord; discord.js InvitesPattern' },
  { host: 'ptb.discord.com', invitePath: 'required', source: 'Discord public test build client' },
  { host: 'canary.discord.com', invitePath: 'required', source: 'Discord canary client' },
  { host: 'ptb.discordapp.com', invitePath: 'required', source: 'Discord public test build client' },
  { host: 'canary.discordapp.com', invitePath: 'required', source: 'Discord canary client' },
  { host: 'dsc.gg', invitePath: 'none', source: 'dsc.gg link shortener for Discord' },
  { host: 'dis.army', invitePath: 'none', source: 'daltonmenezes/discord-malicious-domains PR #1' },
  { host: 'discord.me', invitePath: 'none', source: 'discord.me server listing' },
  { host: 'invite.gg', invitePath: 'none', source: 'invite.gg server listing' },
  { host: 'discord.io', invitePath: 'none', source: 'discord.io vanity invites (closed 2023)' },
]

/**
 * Invite codes of Discord servers that documented spam campaigns advertised. A status that
 * carries one is campaign spam, whoever posts it.
 *
 * Sources (spam-facts.md, spam-indicators.json): `ctkpaarr` (Feb 2024 wave, index ids
 * 14974350450 and 34119992048), `annycW3Xrk` (the same group's nuke-bot text, index id
 * 3522804409), `TfcWHMV4` ("Fediverse Chick", freeradical-dot-zone/spamhammer, CC0).
 */
export const CAMPAIGN_INVITE_CODES: readonly { readonly code: string; readonly campaign: string }[] = [
  { code: 'ctkpaarr', campaign: 'the February 2024 荒らし共栄圏 wave' },
  { code: 'annycW3Xrk', campaign: 'the February 2024 荒らし共栄圏 wave' },
  { code: 'TfcWHMV4', campaign: 'the "Fediverse Chick" spam' },
]
