/**
 * Mention-heavy spam for the benchmark, built here: several mentions in Mastodon's h-card markup,
 * long markup (paragraphs, links with invisible and ellipsis spans, hashtags), and content that
 * makes 2–3 signals fire (a campaign link or invite, a listed phrase, a fresh default account).
 */
const HOSTS = ['mastodon.social', 'mstdn.jp', 'fosstodon.org', 'pawoo.net', 'misskey.io', 'mas.to']
const mention = (user: string, host: string): string => `<span class="h-card" translate="no"><a href="https://${host}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`
const anchor = (url: string): string => {
  const [scheme = '', rest = ''] = url.split('://')
  const shown = rest.slice(0, 30)
  const hidden = rest.slice(30)
  return `<a href="${url}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${scheme}://</span><span class="${hidden === '' ? '' : 'ellipsis'}">${shown}</span><span class="invisible">${hidden}</span></a>`
}
const hashtag = (tag: string, host: string): string => `<a href="https://${host}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`
const BODIES = [
  '画像が貼れなかったのでメンションだけします',
  `Join us: ${anchor('https://discord.gg/ctkpaarr')} 荒らし共栄圏`,
  `Action required: verify your Mastodon account within 24 hours ${anchor('https://mastodon-support-team.example/verify/account/now?id=12345')}`,
  'you can call me the fediverse chick 💕 discord.gg/TfcWHMV4',
  `BTCTurboMiner made me $500 in 3 hours!!! ${anchor('https://btc-turbo.example/ref/abcdef')}`,
  `${anchor('https://xn--68j5e377y.com/')} ｄｉｓｃｏｒｄ．ｇｇ／ｃｔｋｐａａｒｒ`,
]

/**
 * @param count - how many statuses
 * @returns Status JSON objects
 */
export function mentionHeavySpam(count: number): object[] {
  const statuses: object[] = []
  for (let i = 0; i < count; i++) {
    const mentions = 3 + (i % 6)
    const users = Array.from({ length: mentions }, (_, k) => ({ user: `user${i}_${k}`, host: HOSTS[(i + k) % HOSTS.length]! }))
    const body = BODIES[i % BODIES.length]!
    const content = `<p>${users.map((u) => mention(u.user, u.host)).join(' ')}</p><p>${body}</p><p>${hashtag('mastodon', HOSTS[0]!)} ${hashtag(`wave${i % 4}`, HOSTS[1]!)}</p>`
    statuses.push({
      id: String(111_900_000_000_000_000 + i),
      created_at: '2024-02-16T12:00:00.000Z',
      content,
      visibility: 'public',
      spoiler_text: '',
      account: {
        id: String(111_899_990_000_000_000 + i),
        username: `x${(i * 7919).toString(36)}q${i}`,
        acct: `x${(i * 7919).toString(36)}q${i}@spam${i % 3}.example`,
        url: `https://spam${i % 3}.example/@x${i}`,
        display_name: '',
        note: '',
        avatar: 'https://spam.example/avatars/original/missing.png',
        created_at: '2024-02-16T00:00:00.000Z',
        followers_count: 0,
        following_count: 0,
        statuses_count: 3,
        bot: false,
        fields: [],
      },
      mentions: users.map((u, k) => ({ id: String(1000 + k), username: u.user, acct: `${u.user}@${u.host}`, url: `https://${u.host}/@${u.user}` })),
      tags: [{ name: 'mastodon' }, { name: `wave${i % 4}` }],
      media_attachments: [],
      card: null,
      poll: null,
    })
  }
  return statuses
}
