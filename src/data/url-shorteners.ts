/**
 * General-purpose URL shorteners: a link through one hides where it goes, which link spam uses
 * (the October 2024 wave linked `yip.su/25X8U6`, the Black Friday 2024 spam `shorturl.at/iSuCk`,
 * the 2025 "Mastodon Support" phishing `continued.short.gy/UDhn`).
 *
 * Source: written by hand for this package, 2026-11-21, from widely known public shortener
 * services (their own home pages) and the shorteners named in `spam-facts.md` (yip.su,
 * shorturl.at, short.gy). License: MIT, like the package. At evaluation time the list is
 * cross-checked against PeterDaveHello/url-shorteners (CC BY-SA 4.0), which is NOT copied here.
 *
 * Left out on purpose: platform wrappers and brand links that real people post every day
 * (t.co, lnkd.in, youtu.be, amzn.to, g.co, fb.me, redd.it, spoti.fi), because they say nothing
 * about where a link hides; services that have shut down (goo.gl, git.io); Discord invite
 * redirectors, which `discord-invite-hosts.ts` lists.
 */
export const URL_SHORTENERS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'shorturl.at',
  'shorturl.asia',
  'short.gy',
  'yip.su',
  't.ly',
  'is.gd',
  'v.gd',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'rb.gy',
  'tiny.cc',
  's.id',
  'x.gd',
  'urlz.fr',
  'bl.ink',
  'u.to',
  'clck.ru',
  'qr.ae',
  'tiny.one',
  'shorte.st',
  'adf.ly',
  'l.linklyhq.com',
  'shrtco.de',
  'kutt.it',
  'cli.re',
]
