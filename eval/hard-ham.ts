/**
 * Hard ham of issue 11: statuses that look like spam to a naive filter and are not. Written for
 * this evaluation (MIT), each after a kind of post moderators and users really write; every
 * name, server and invite code is made up.
 */
import type { AccountInput, ViewerOption } from '../src/index.js'
import { HOME_HOST, mentionEntries, mentionHtml, snowflakeId, wrapStatus } from './wrap-status.js'

const DAY = 86_400_000
const POSTED = Date.parse('2025-09-03T09:00:00Z')

/** A hard ham item: the status, and the viewer it is classified for. */
export interface HardHamItem {
  readonly id: string
  readonly group: string
  readonly input: unknown
  readonly viewer?: ViewerOption
}

interface Person {
  readonly username: string
  readonly host: string
  readonly displayName: string
  readonly ageDays: number
  readonly followers: number
  readonly following: number
  readonly statuses: number
  readonly bio?: string
  readonly avatar?: boolean
}

function account(p: Person, postedAt: number): AccountInput & Record<string, unknown> {
  const created = postedAt - p.ageDays * DAY
  const avatar = p.avatar === false ? `https://${p.host}/avatars/original/missing.png` : `https://files.${p.host}/accounts/avatars/${p.username}/original/me.png`
  return {
    id: snowflakeId(created, 5),
    username: p.username,
    acct: `${p.username}@${p.host}`,
    display_name: p.displayName,
    locked: false,
    bot: false,
    created_at: `${new Date(created).toISOString().slice(0, 10)}T00:00:00.000Z`,
    note: p.bio === undefined ? '<p>Moderator and admin. Be kind.</p>' : p.bio === '' ? '' : `<p>${p.bio}</p>`,
    url: `https://${p.host}/@${p.username}`,
    avatar,
    avatar_static: avatar,
    followers_count: p.followers,
    following_count: p.following,
    statuses_count: p.statuses,
    fields: [],
  }
}

const ADMIN: Person = { username: 'kat', host: 'cafe.example', displayName: 'Kat (admin)', ageDays: 900, followers: 1400, following: 300, statuses: 5200 }
const ADMIN_JA: Person = { username: 'tanuki', host: 'mstdn.example.jp', displayName: 'たぬき@管理人', ageDays: 1200, followers: 2100, following: 150, statuses: 14000 }
const USER: Person = { username: 'rowan', host: 'toot.example', displayName: 'Rowan', ageDays: 400, followers: 85, following: 120, statuses: 640, bio: 'Birds, bikes, bad puns.' }
const USER_SMALL: Person = { username: 'mei', host: 'toot.example', displayName: 'Mei 🌿', ageDays: 200, followers: 24, following: 60, statuses: 35, bio: 'Plants and tea.' }
const NEWBIE: Person = { username: 'mika_reads', host: 'books.example', displayName: 'Mika 🌸', ageDays: 1, followers: 3, following: 8, statuses: 2, bio: 'New here! Book club organiser.' }
const NEWBIE_REPLY: Person = { username: 'jonas', host: 'toot.example', displayName: 'Jonas', ageDays: 3, followers: 4, following: 30, statuses: 6, bio: 'Hello fediverse' }
const NEWBIE_BARE: Person = { username: 'pat', host: 'toot.example', displayName: '', ageDays: 0.2, followers: 0, following: 2, statuses: 1, bio: '', avatar: false }

const p = (text: string): string => `<p>${text}</p>`
const a = (url: string): string => `<a href="${url}" target="_blank" rel="nofollow noopener noreferrer">${url.replace(/^https?:\/\//u, '')}</a>`

function item(id: string, group: string, who: Person, content: string, extra: { mentions?: string[]; reply?: boolean; visibility?: string; viewer?: ViewerOption; at?: number } = {}): HardHamItem {
  const postedAt = extra.at ?? POSTED
  const mentions = extra.mentions ?? []
  const status = wrapStatus(account(who, postedAt), { postedAt, content: `${mentions.length === 0 ? '' : p(mentions.map(mentionHtml).join(' '))}${content}`, mentions: mentionEntries(mentions), language: 'en' })
  return {
    id: `hard:${id}`,
    group,
    input: { ...status, visibility: extra.visibility ?? 'public', in_reply_to_id: extra.reply === true ? '114000000000000001' : null, in_reply_to_account_id: extra.reply === true ? '114000000000000002' : null },
    ...(extra.viewer === undefined ? {} : { viewer: extra.viewer }),
  }
}

const VIEWER = `me@${HOME_HOST}`
const asViewer: ViewerOption = { acct: VIEWER, follows: [] }

/**
 * The hard ham statuses.
 *
 * @returns the items
 */
export function hardHamItems(): HardHamItem[] {
  return [
    // Moderators' PSAs: plain, defanged, Japanese.
    item('psa-plain', "moderators' PSAs", ADMIN, p('PSA: a spam wave is mentioning people with links to ctkpaarr.org and 荒らし.com. Don\'t click, just report and block the accounts. We are suspending them as they come.')),
    item('psa-defanged', "moderators' PSAs", ADMIN, p('Heads up: the spam accounts push ctkpaarr[.]org, 荒らし[.]com and discord[.]gg/ctkpaarr. Please report them, do not click.')),
    item('psa-invite', "moderators' PSAs", ADMIN, p('Spam going around with discord.gg/ctkpaarr in it. Block and report, thanks! 🙏')),
    item('psa-ja', "moderators' PSAs", ADMIN_JA, p('【注意】荒らし.com へのリンクを含むメンションが大量に届いています。リンクは踏まないで、通報とブロックをお願いします。')),
    item('psa-ja-defanged', "moderators' PSAs", ADMIN_JA, p('荒らし共栄圏を名乗るスパムが来ています。ctkpaarr[.]org は踏まないでください。見つけたら通報をお願いします。')),
    item('psa-phishing', "moderators' PSAs", ADMIN, p('Beware: DMs from "Mastodon Support Team" saying your account will be suspended unless you verify your identity within 24 hours are a scam. We will never ask you to verify anything by DM. Report them.')),
    item('psa-phishing-ja', "moderators' PSAs", ADMIN_JA, p('「アカウントが停止されます。24時間以内に本人確認を」というDMはフィッシング詐欺です。リンクを踏まず通報してください。')),
    item('psa-phishing-de', "moderators' PSAs", { ...ADMIN, username: 'ute', host: 'troet.example', displayName: 'Ute (Moderation)' }, p('Achtung Betrug: Nachrichten, dass Ihr Konto gesperrt wird und Sie sich innerhalb von 24 Stunden verifizieren müssen, sind Phishing. Bitte nicht klicken und melden.')),
    // People quoting spam.
    item('quote-ja', 'people quoting spam', USER, p('Got this weird mention today: “画像が貼れなかったのでメンションだけします” — anyone else? Blocked and reported.')),
    item('quote-phishing', 'people quoting spam', USER, p('LOL someone just sent me "Action Required: Verify Your Mastodon Account". Nice try. Reported.')),
    item('quote-nukes', 'people quoting spam', USER_SMALL, p('the spam today said "my hobby is sending nukes to various sites" which, ok buddy. blocked')),
    item('quote-chick', 'people quoting spam', USER, p('Is anyone else getting the "you can call me the Fediverse Chick" spam? It\'s a scam, don\'t follow the links.')),
    // A new user inviting friends to her Discord.
    item('newbie-discord', 'a new user inviting friends to her Discord', NEWBIE, p(`thank you both so much for helping me move over here! I made a little server for our book club, come hang out: ${a('https://discord.gg/bookclub42')}`), { mentions: ['ana@books.example', 'lee@toot.example'] }),
    item('newbie-discord-viewer', 'a new user inviting friends to her Discord', NEWBIE, p(`thank you both for the warm welcome! our book club has a Discord now if you want to join: ${a('https://discord.gg/bookclub42')}`), { mentions: [VIEWER, 'lee@toot.example'], viewer: asViewer }),
    // A stranger's friendly reply.
    item('stranger-reply', "a stranger's friendly reply", NEWBIE_REPLY, p('thanks for the welcome! happy to be here 😊'), { mentions: [VIEWER], reply: true, viewer: asViewer }),
    item('stranger-reply-bare', "a stranger's friendly reply", NEWBIE_BARE, p('thank you, that helped a lot!'), { mentions: [VIEWER], reply: true, viewer: asViewer }),
    item('stranger-question', "a stranger's friendly reply", NEWBIE_REPLY, p('hi! I loved your post about sourdough, which flour do you use?'), { mentions: [VIEWER], viewer: asViewer }),
    item('stranger-thread', "a stranger's friendly reply", NEWBIE_REPLY, p('same here, the meetup was great, thanks for organising!'), { mentions: [VIEWER, 'kat@cafe.example', 'rowan@toot.example'], reply: true, viewer: asViewer }),
    // Staff accounts on their own server.
    item('staff-mastodon', 'staff accounts on their own server', { username: 'Mastodon', host: 'mastodon.social', displayName: 'Mastodon', ageDays: 2900, followers: 800000, following: 20, statuses: 1900 }, p(`Mastodon 4.5 is out! Quote posts, better moderation tools and more. Read the release notes: ${a('https://blog.joinmastodon.org/2025/10/mastodon-4.5/')}`)),
    item('staff-moderation', 'staff accounts on their own server', { username: 'moderation', host: 'mastodon.social', displayName: 'mastodon.social Moderation Team', ageDays: 1500, followers: 40000, following: 0, statuses: 300 }, p('Reminder: we will never DM you asking you to verify your account or log in through a link. If someone does, it is phishing: report it.')),
    item('staff-misskey', 'staff accounts on their own server', { username: 'info', host: 'misskey.io', displayName: 'Misskey.io 運営', ageDays: 1400, followers: 90000, following: 0, statuses: 2500 }, p('【メンテナンスのお知らせ】本日 3:00〜4:00 にサーバーメンテナンスを行います。その間ログインできなくなります。ご理解をお願いします。')),
    item('staff-own-server', 'staff accounts on their own server', { username: 'support', host: HOME_HOST, displayName: 'Support Team', ageDays: 700, followers: 900, following: 0, statuses: 120 }, p(`New sign-ups: please confirm your email address within 7 days, or the account will be deleted. Details: ${a(`https://${HOME_HOST}/about`)}`), { viewer: asViewer }),
    item('staff-discord-mod', 'staff accounts on their own server', { username: 'mods', host: 'discord-fans.example', displayName: 'Discord Fans Moderation Team', ageDays: 600, followers: 300, following: 10, statuses: 200 }, p('Our weekly game night is on! Check the pinned post for the schedule.')),
    // Links that only look odd.
    item('homelab-ip', 'links that only look odd', USER, p(`finally got my home server running, the dashboard is at ${a('http://192.168.1.20:8080/')} (only on my LAN, do not bother)`)),
    item('discordjs', 'links that only look odd', USER, p(`the discord.js guide is really good for writing bots: ${a('https://discord.js.org/docs')}`)),
    item('mastodon-world', 'links that only look odd', USER_SMALL, p(`I moved my account to ${a('https://mastodon.world/@mei')}, see you there!`)),
  ]
}
