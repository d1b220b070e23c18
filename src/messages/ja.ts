import type { BareProfileTrait, BuiltinMessages, LookalikeKind, StrangerTrait, WarningParams } from './types.js'

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

function lookalike(kind: LookalikeKind, imitates: string, other: string): string {
  switch (kind) {
    case 'homoglyph':
      return `似た形の文字で ${imitates} を装っています`
    case 'mixed-script':
      return `ラテン文字と別の文字体系の文字が混ざっています（${imitates} と読めます）`
    case 'one-letter':
      return `${imitates} と1文字だけ違います`
    case 'brand-lure':
      return `${imitates} の名前とフィッシングでよく使われる語を組み合わせています`
    case 'reads-alike':
      return `見分けにくい文字で ${imitates} を綴っています`
    case 'reads-alike-other-tld':
      return `見分けにくい文字で ${imitates} を綴り、別のトップレベルドメインに置いています`
    case 'other-tld':
      return `${imitates.split('.')[0] ?? imitates} を ${imitates} とは別のトップレベルドメインに置いています`
    case 'typo':
      return `${imitates} と1文字の打ち間違いほどしか違いません`
    case 'prefix-domain':
      return `${imitates} を無関係なドメイン ${other} の前に付けています`
    case 'prefix-name':
      return `${imitates} という名前を無関係なドメイン ${other} の前に付けています`
    case 'ip':
      return '名前ではなくIPアドレスそのものです'
    case 'cheap-tld':
      return `安価なトップレベルドメイン ${imitates} 上の無作為に見える名前です`
    case 'percent-encoded':
      return `ホスト名をパーセントエンコードで隠しています（${imitates} と読めます）`
    case 'userinfo':
      return `@ の前に ${imitates} を置き、実際の行き先が ${other} であることを隠しています`
  }
}

const STRANGER: Readonly<Record<StrangerTrait, string>> = {
  'age-hour': '作成から1時間未満',
  'age-day': '作成から1日未満',
  'age-week': '作成から1週間未満',
  'age-month': '作成から30日未満',
  'no-followers': 'フォロワー0人',
  'few-followers': 'フォロワーが少ない',
  'bare-profile': 'プロフィールが空',
  'sparse-profile': 'プロフィールがほぼ空',
  'follows-nobody': '誰もフォローしていない',
  'machine-username': '機械的なユーザー名',
}

function warningText({ warning, warningWords = [] }: WarningParams): string {
  return warning === 'words' ? `長く活動しているアカウントが${warningWords.map((w) => `「${w}」`).join('や')}という語と一緒に挙げています` : '長く活動しているアカウントが引用符の中で挙げています'
}

const PARTS: Readonly<Record<string, string>> = { action: '操作の要求', threat: 'アカウントへの脅し', urgency: '期限の強調', account: 'アカウントへの言及' }

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
  'mention-density': ({ count, reply, strangerReply, strangers, mentionsOnly }) => {
    const notes = [reply ? (strangerReply === true ? '見知らぬアカウントからの返信で' : '返信で') : '返信ではない投稿で']
    if (mentionsOnly) notes.push('本文なしに')
    const strangersNote = strangers === undefined ? '' : `（うち${strangers}件はあなたがフォローしていないアカウント）`
    return `${notes.join('')}${count}件のアカウントにメンションしています${strangersNote}。`
  },
  'new-account': ({ ageMs, profileFilled }) => `アカウントはこの投稿の${durationJa(ageMs)}前に作成されました${profileFilled === true ? '（プロフィールは記入されています）' : ''}。`,
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
  'campaign-domain': ({ host, count, inImage, campaign, list, warning, warningWords }) => {
    const why = campaign !== undefined ? `${campaignName(campaign)}で使われた` : `${listName(list)}にある`
    if (warning !== undefined) return `${why} ${host} にリンクなしで触れていますが、注意喚起と読めます（${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}）。`
    const where = inImage ? '画像の中に' : ''
    return count === 1 ? `${where}${why} ${host} へのリンクがあります。` : `${where}スパムキャンペーンのリンクが${count}件あります（${why} ${host} など）。`
  },
  'discord-invite': ({ count, invite, inImage }) => {
    const where = inImage ? '画像の中に' : ''
    return count === 1 ? `${where}Discordサーバーへの招待があります（${invite}）。` : `${where}Discordサーバーへの招待が${count}件あります。`
  },
  'lookalike-domain': ({ host, imitates, kind, inImage, other }) => `${inImage ? '画像の中に' : ''} ${host} へのリンクがあります。このドメインは${lookalike(kind, imitates, other ?? '')}。`.trimStart(),
  'link-text-mismatch': ({ shown, target }) => `リンクの表示は ${shown} ですが、実際のリンク先は ${target} です。`,
  'url-shortener': ({ host, inImage }) => `${inImage ? '画像の中に' : ''}短縮URL（${host}）によるリンクがあり、本当のリンク先が隠されています。`,
  'phrase-list': ({ pattern, inImage, campaign, list, warning, warningWords }) => {
    const source = campaign !== undefined ? `${campaignName(campaign)}の` : list === undefined || list === '' ? 'あなたのフレーズリストの' : `フレーズリスト「${list}」の`
    if (warning !== undefined) return `${source}フレーズ ${pattern} を引用していますが、注意喚起と読めます（${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}）。`
    return `${inImage ? '画像の中に' : ''}${source}フレーズ ${pattern} が含まれています。`
  },
  'phrase-near': ({ pattern, inImage, campaign, list, change, word, by, warning, warningWords }) => {
    const source = campaign !== undefined ? `${campaignName(campaign)}の` : list === undefined || list === '' ? 'あなたのフレーズリストの' : `フレーズリスト「${list}」の`
    const changed = change === 'substituted' ? `"${word}" → "${by ?? ''}"` : change === 'inserted' ? `"${word}" を追加` : `"${word}" を削除`
    if (warning !== undefined) return `${source}フレーズ ${pattern} を一語だけ変えて引用していますが（${changed}）、注意喚起と読めます（${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}）。`
    return `${inImage ? '画像の中に' : ''}${source}フレーズ ${pattern} を一語だけ変えた文があります（${changed}）。`
  },
  'credential-phishing': ({ parts, warningWords, noLink }) => {
    const notes: string[] = []
    if (warningWords.length > 0) notes.push(`注意喚起の語（${warningWords.join('、')}）と一緒`)
    if (noLink) notes.push('リンクなし')
    return `アカウントを狙うフィッシングの文面に見えます（${parts.map((p) => PARTS[p] ?? p).join('、')}）${notes.length === 0 ? '' : `。${notes.join('、')}`}。`
  },
  impersonation: ({ name, claim, host, direct }) => `表示名「${name}」は${claim}のスタッフを名乗っていますが、投稿は${host === '' ? '不明なサーバー' : `サーバー ${host} `}からです${direct ? '（あなた宛て）' : ''}。`,
  'unsolicited-mention': ({ acct, shape, others, traits, followers }) => {
    const what = shape === 'mentions' ? 'あなたにメンションしています' : shape === 'mentions-others' ? `あなたと他の${others}件のアカウントにメンションしています` : shape === 'quiet-reply' ? 'あなたに返信しています' : 'リンク付きであなたに返信しています'
    const facts = traits.map((t) => (t === 'few-followers' && followers !== undefined ? `フォロワー${followers}人` : STRANGER[t]))
    return `あなたがフォローしていない @${acct} が${what}（${facts.join('、')}）。`
  },
  'author-server': ({ host, blocked }) => (blocked ? `投稿者のサーバー ${host} はあなたがブロックしているサーバーです。` : `投稿者のサーバー ${host} はスパムを送ったサーバーのリストに入っています。`),
  'username-block': ({ username, rule, comparison, blocked }) =>
    `ユーザー名「${username}」は${blocked ? 'ブロック' : '要注意'}リストの名前「${rule}」${comparison === 'equals' ? 'と同じです' : 'を含みます'}（数字を文字に読み替えて比べています）。`,
  'author-rate': ({ acct, by, mentioned, copies, windowMs }) =>
    by === 'mentions' ? `@${acct} は${durationJa(windowMs)}以内に、知らない可能性のある${mentioned}件のアカウントにメンションしました。` : `@${acct} は${durationJa(windowMs)}以内に、この文章を他のアカウント宛てに${copies}回投稿しました。`,
  'near-duplicate': ({ accounts, exact, windowMs }) => `${durationJa(windowMs)}以内に${accounts}件のアカウントが${exact ? 'この短い文章とまったく同じ文章' : 'ほぼ同じ文章'}を投稿しました。`,
  'known-spam-text': () => 'あなたがスパムと指定した投稿と同じ文章です。',
  'image-duplicate': ({ accounts, windowMs }) => `${durationJa(windowMs)}以内に${accounts}件のアカウントが同じ画像を投稿しました。`,
  'known-spam-image': ({ count, marked }) => (count > 1 ? '既知のスパム画像が含まれています。' : marked > 0 ? 'あなたがスパムと指定した画像と同じ画像です。' : '既知のスパム画像です。'),
  'quoted-status': ({ label, score, top }) => `引用された投稿は${LABELS[label]}と判定されました（スコア ${score}）${top === '' ? '。' : `：${top}`}`,
}

