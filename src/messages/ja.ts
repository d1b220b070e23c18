import type { BareProfileTrait, BuiltinMessages, LookalikeKind } from './types.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A duration in Japanese: `45分`, `3時間`, `12日`. */
export function durationJa(ms: number): string {
  if (ms < HOUR) return `${Math.max(0, Math.round(ms / MINUTE))}分`
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)}時間`
  return `${Math.round(ms / DAY)}日`
}

const TRAITS: Readonly<Record<BareProfileTrait, string>> = {
  'default-avatar': '初期設定のアイコン',
  'no-display-name': '表示名なし',
  'name-is-username': '表示名がユーザー名と同じ',
  'empty-bio': 'プロフィール文なし',
  'no-follows': 'フォロー・フォロワーともに0',
}

/**
 * The built-in campaigns' names (as `src/data/` writes them) in Japanese; a name not here (a
 * rules document's) is shown as it is.
 */
const CAMPAIGNS: Readonly<Record<string, string>> = {
  'the February 2024 荒らし共栄圏 wave': '2024年2月の荒らし共栄圏によるスパム',
  'the October 2024 Midokuri wave': '2024年10月のMidokuriによるスパム',
  'the May 2023 crypto DM wave': '2023年5月の暗号資産DMスパム',
  'the 2025 "Mastodon Support" phishing': '2025年の「Mastodon Support」フィッシング',
}
const campaignName = (campaign: string): string => CAMPAIGNS[campaign] ?? campaign

function lookalike(kind: LookalikeKind, imitates: string): string {
  if (kind === 'homoglyph') return `似た形の文字で ${imitates} を装っています`
  if (kind === 'mixed-script') return `ラテン文字と別の文字体系の文字が混ざっています（${imitates} と読めます）`
  if (kind === 'one-letter') return `${imitates} と1文字だけ違います`
  return `${imitates} の名前とフィッシングでよく使われる語を組み合わせています`
}

const LABELS = { clean: '問題なし', suspicious: 'スパムの疑いあり', spam: 'スパム' } as const
const listName = (list: string | undefined): string => (list === undefined || list === '' ? 'あなたのブロックリスト' : `ブロックリスト「${list}」`)

/** Japanese messages for every built-in reason (`locale: 'ja'`). */
export const ja: BuiltinMessages = {
  'allow-list': ({ kind, acct, host }) =>
    kind === 'own'
      ? 'あなた自身の投稿です。'
      : kind === 'account'
        ? `@${acct ?? ''} は許可リストに入っています。`
        : kind === 'server'
          ? `投稿者のサーバー ${host ?? ''} は許可リストに入っています。`
          : `@${acct ?? ''} の投稿をスパムではないと指定しています。`,
  'mention-density': ({ count, reply, strangers, mentionsOnly }) => {
    const notes = [reply ? '返信で' : '返信ではない投稿で']
    if (mentionsOnly) notes.push('本文なしに')
    const strangersNote = strangers === undefined ? '' : `（うち${strangers}件はあなたがフォローしていないアカウント）`
    return `${notes.join('')}${count}件のアカウントにメンションしています${strangersNote}。`
  },
  'new-account': ({ ageMs }) => `アカウントはこの投稿の${durationJa(ageMs)}前に作成されました。`,
  'bare-profile': ({ traits }) => `プロフィールがほぼ空です：${traits.map((t) => TRAITS[t]).join('、')}。`,
  'machine-username': ({ username }) => `ユーザー名「${username}」は機械的に作られたように見えます。`,
  'bot-account': () => 'アカウントが自動投稿（bot）として設定されています。',
  'established-author': ({ ageMs, followers, posts }) => {
    const found: string[] = []
    if (ageMs !== undefined) found.push(`作成から${durationJa(ageMs)}`)
    if (followers !== undefined) found.push(`フォロワー${followers}人`)
    if (posts !== undefined) found.push(`投稿${posts}件`)
    return `投稿者は長く活動しているアカウントです：${found.join('、')}。`
  },
  'followed-author': () => 'あなたがフォローしているアカウントです。',
  'campaign-domain': ({ host, count, inImage, campaign, list }) => {
    const why = campaign !== undefined ? `${campaignName(campaign)}で使われた` : `${listName(list)}にある`
    const where = inImage ? '画像の中に' : ''
    return count === 1 ? `${where}${why} ${host} へのリンクがあります。` : `${where}スパムキャンペーンのリンクが${count}件あります（${why} ${host} など）。`
  },
  'discord-invite': ({ count, invite, inImage }) => {
    const where = inImage ? '画像の中に' : ''
    return count === 1 ? `${where}Discordサーバーへの招待があります（${invite}）。` : `${where}Discordサーバーへの招待が${count}件あります。`
  },
  'lookalike-domain': ({ host, imitates, kind, inImage }) => `${inImage ? '画像の中に' : ''} ${host} へのリンクがあります。このドメインは${lookalike(kind, imitates)}。`.trimStart(),
  'link-text-mismatch': ({ shown, target }) => `リンクの表示は ${shown} ですが、実際のリンク先は ${target} です。`,
  'url-shortener': ({ host, inImage }) => `${inImage ? '画像の中に' : ''}短縮URL（${host}）によるリンクがあり、本当のリンク先が隠されています。`,
  'phrase-list': ({ pattern, inImage, campaign, list }) => {
    const source = campaign !== undefined ? `${campaignName(campaign)}の` : list === undefined || list === '' ? 'あなたのフレーズリストの' : `フレーズリスト「${list}」の`
    return `${inImage ? '画像の中に' : ''}${source}フレーズ ${pattern} が含まれています。`
  },
  'author-server': ({ host, blocked }) => (blocked ? `投稿者のサーバー ${host} はあなたがブロックしているサーバーです。` : `投稿者のサーバー ${host} はスパムを送ったサーバーのリストに入っています。`),
  'username-block': ({ username, rule, comparison, blocked }) =>
    `ユーザー名「${username}」は${blocked ? 'ブロック' : '要注意'}リストの名前「${rule}」${comparison === 'equals' ? 'と同じです' : 'を含みます'}（数字を文字に読み替えて比べています）。`,
  'near-duplicate': ({ accounts, exact, windowMs }) => `${durationJa(windowMs)}以内に${accounts}件のアカウントが${exact ? 'この短い文章とまったく同じ文章' : 'ほぼ同じ文章'}を投稿しました。`,
  'known-spam-text': () => 'あなたがスパムと指定した投稿と同じ文章です。',
  'image-duplicate': ({ accounts, windowMs }) => `${durationJa(windowMs)}以内に${accounts}件のアカウントが同じ画像を投稿しました。`,
  'known-spam-image': ({ count, marked }) => (count > 1 ? '既知のスパム画像が含まれています。' : marked > 0 ? 'あなたがスパムと指定した画像と同じ画像です。' : '既知のスパム画像です。'),
  'quoted-status': ({ label, score, top }) => `引用された投稿は${LABELS[label]}と判定されました（スコア ${score}）${top === '' ? '。' : `：${top}`}`,
}

