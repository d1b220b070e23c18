import type { BareProfileTrait, BuiltinMessages, LookalikeKind, StrangerTrait, WarningParams } from './types.js'

/** `plural(1, 'account')` → `1 account`; `plural(3, 'account')` → `3 accounts`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A duration in words: `45 minutes`, `3 hours`, `12 days`. */
export function durationEn(ms: number): string {
  if (ms < HOUR) return plural(Math.max(0, Math.round(ms / MINUTE)), 'minute')
  if (ms < 2 * DAY) return plural(Math.round(ms / HOUR), 'hour')
  return plural(Math.round(ms / DAY), 'day')
}

const TRAITS: Readonly<Record<BareProfileTrait, string>> = {
  'default-avatar': 'default avatar',
  'no-display-name': 'no display name',
  'name-is-username': 'display name is the username',
  'empty-bio': 'empty bio',
  'no-follows': 'no followers, follows nobody',
}

function lookalike(kind: LookalikeKind, imitates: string, other: string): string {
  switch (kind) {
    case 'homoglyph':
      return `imitates ${imitates} with look-alike letters`
    case 'mixed-script':
      return `mixes Latin letters with letters of another script (reads as ${imitates})`
    case 'one-letter':
      return `is one letter away from ${imitates}`
    case 'brand-lure':
      return `pairs the name ${imitates} with a word phishing uses`
    case 'reads-alike':
      return `spells ${imitates} with letters that read alike`
    case 'reads-alike-other-tld':
      return `spells ${imitates} with letters that read alike, on another top-level domain`
    case 'other-tld':
      return `puts ${imitates.split('.')[0] ?? imitates} on another top-level domain than ${imitates}`
    case 'typo':
      return `is one typo away from ${imitates}`
    case 'prefix-domain':
      return `puts ${imitates} in front of the unrelated domain ${other}`
    case 'prefix-name':
      return `puts the name ${imitates} in front of the unrelated domain ${other}`
    case 'ip':
      return 'is a bare IP address, not a name'
    case 'cheap-tld':
      return `is a random-looking name on the cheap top-level domain ${imitates}`
    case 'percent-encoded':
      return `writes its host percent-encoded (reads as ${imitates})`
    case 'userinfo':
      return `puts ${imitates} before an @ to hide that it goes to ${other}`
  }
}

const STRANGER: Readonly<Record<StrangerTrait, string>> = {
  'age-hour': 'under an hour old',
  'age-day': 'under a day old',
  'age-week': 'under a week old',
  'age-month': 'under 30 days old',
  'no-followers': 'no followers',
  'few-followers': 'few followers',
  'bare-profile': 'bare profile',
  'sparse-profile': 'sparse profile',
  'follows-nobody': 'follows nobody',
  'machine-username': 'machine-made username',
}

function warningText({ warning, warningWords = [] }: WarningParams): string {
  return warning === 'words' ? `next to ${warningWords.map((w) => `"${w}"`).join(' and ')}, from a settled account` : 'in quotation marks, from a settled account'
}

const quotePattern = (pattern: string): string => (pattern.includes('"') ? pattern : JSON.stringify(pattern))
const listName = (list: string | undefined): string => (list === undefined || list === '' ? 'your block list' : `the block list "${list}"`)

/** English messages for every built-in reason (the default locale). */
export const en: BuiltinMessages = {
  'allow-list': ({ kind, acct, host }) =>
    kind === 'own'
      ? 'This is your own status.'
      : kind === 'account'
        ? `@${acct ?? ''} is on your allow list.`
        : kind === 'server'
          ? `The author's server ${host ?? ''} is on your allow list.`
          : `You marked a status by @${acct ?? ''} as not spam.`,
  'mention-density': ({ count, reply, strangerReply, strangers, mentionsOnly }) => {
    const notes = [reply ? (strangerReply === true ? 'in a reply from a stranger' : 'in a reply') : 'in a post that is not a reply']
    if (strangers !== undefined) notes.push(`${plural(strangers, 'of them a stranger', 'of them strangers')} to you`)
    if (mentionsOnly) notes.push('with no other text')
    return `Mentions ${plural(count, 'account')} ${notes.join(', ')}.`
  },
  'new-account': ({ ageMs, profileFilled }) => `The account was created ${durationEn(ageMs)} before this post${profileFilled === true ? ', though its profile is filled in' : ''}.`,
  'bare-profile': ({ traits }) => `The profile is bare: ${traits.map((t) => TRAITS[t]).join(', ')}.`,
  'machine-username': ({ username }) => `The username "${username}" looks machine-made.`,
  'bot-account': () => 'The account is marked as automated (a bot).',
  'established-author': ({ ageMs, followers, posts }) => {
    const found: string[] = []
    if (ageMs !== undefined) found.push(`account ${durationEn(ageMs)} old`)
    if (followers !== undefined) found.push(plural(followers, 'follower'))
    if (posts !== undefined) found.push(plural(posts, 'post'))
    return `The author is established: ${found.join(', ')}.`
  },
  'followed-author': () => 'You follow this account.',
  'campaign-domain': ({ host, count, inImage, campaign, list, warning, warningWords }) => {
    const where = inImage ? 'Shows in an image' : 'Links to'
    const why = campaign !== undefined ? `, used by ${campaign}` : `, on ${listName(list)}`
    if (warning !== undefined) return `Names ${host}${why}, without a link, as a warning (${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}).`
    return count === 1 ? `${where} ${host}${why}.` : `${where} ${count} spam campaign links (${host}${why}, …).`
  },
  'discord-invite': ({ count, invite, inImage }) => {
    const where = inImage ? ' in an image' : ''
    return count === 1 ? `Shows a Discord server invite${where} (${invite}).` : `Shows ${count} Discord server invites${where}.`
  },
  'lookalike-domain': ({ host, imitates, kind, inImage, other }) => `${inImage ? 'Shows in an image a link' : 'Links'} to ${host}, which ${lookalike(kind, imitates, other ?? '')}.`,
  'link-text-mismatch': ({ shown, target }) => `A link shows ${shown} but goes to ${target}.`,
  'url-shortener': ({ host, inImage }) => `${inImage ? 'Shows in an image a link' : 'Links'} through a URL shortener (${host}), which hides where the link goes.`,
  'phrase-list': ({ pattern, inImage, campaign, list, warning, warningWords }) => {
    const note = campaign !== undefined ? `from ${campaign}` : list === undefined || list === '' ? 'on your phrase list' : `from the phrase list "${list}"`
    if (warning !== undefined) return `Quotes the phrase ${quotePattern(pattern)}, ${note}, as a warning (${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}).`
    return `${inImage ? 'Shows in an image' : 'Contains'} the phrase ${quotePattern(pattern)}, ${note}.`
  },
  'phrase-near': ({ pattern, inImage, campaign, list, change, word, by, warning, warningWords }) => {
    const note = campaign !== undefined ? `from ${campaign}` : list === undefined || list === '' ? 'on your phrase list' : `from the phrase list "${list}"`
    const changed = change === 'substituted' ? `"${by ?? ''}" for "${word}"` : change === 'inserted' ? `"${word}" added` : `"${word}" left out`
    if (warning !== undefined) return `Quotes the phrase ${quotePattern(pattern)}, ${note}, with one word changed (${changed}), as a warning (${warningText({ warning, ...(warningWords === undefined ? {} : { warningWords }) })}).`
    return `${inImage ? 'Shows in an image' : 'Contains'} the phrase ${quotePattern(pattern)}, ${note}, with one word changed (${changed}).`
  },
  'credential-phishing': ({ parts, warningWords, noLink }) => {
    const notes: string[] = []
    if (warningWords.length > 0) notes.push(`next to warning words (${warningWords.join(', ')})`)
    if (noLink) notes.push('with no link')
    return `Reads like account phishing (${parts.join(', ')})${notes.length === 0 ? '' : `, ${notes.join(', ')}`}.`
  },
  impersonation: ({ name, claim, host, direct }) => `The name "${name}" claims to be ${claim} staff, from ${host === '' ? 'an unknown server' : host}${direct ? ', writing to you' : ''}.`,
  'unsolicited-mention': ({ acct, shape, others, traits, followers }) => {
    const what = shape === 'mentions' ? 'mentions you' : shape === 'mentions-others' ? `mentions you and ${plural(others, 'other account')}` : shape === 'quiet-reply' ? 'replies to you' : 'replies to you with a link'
    const facts = traits.map((t) => (t === 'few-followers' && followers !== undefined ? `${followers} followers` : STRANGER[t]))
    return `A stranger ${what}: you do not follow @${acct} (${facts.join(', ')}).`
  },
  'author-server': ({ host, blocked }) => (blocked ? `The author's server ${host} is on your list of blocked servers.` : `The author's server ${host} is on a list of servers that sent spam.`),
  'username-block': ({ username, rule, comparison, blocked }) =>
    `The username "${username}" ${comparison === 'equals' ? 'is' : 'contains'} "${rule}" (digits read as letters), a name on your ${blocked ? 'block' : 'watch'} list.`,
  'author-rate': ({ acct, by, mentioned, copies, windowMs }) =>
    by === 'mentions' ? `@${acct} mentioned ${plural(mentioned, 'account')} they may not know within ${durationEn(windowMs)}.` : `@${acct} posted this text ${copies} times at other accounts within ${durationEn(windowMs)}.`,
  'near-duplicate': ({ accounts, exact, windowMs }) => `${plural(accounts, 'account')} posted ${exact ? 'this same short text' : 'the same or nearly the same text'} within ${durationEn(windowMs)}.`,
  'known-spam-text': () => 'The text matches a status you marked as spam.',
  'image-duplicate': ({ accounts, windowMs }) => `${plural(accounts, 'account')} posted the same picture within ${durationEn(windowMs)}.`,
  'known-spam-image': ({ count, marked }) => (count > 1 ? 'The pictures include known spam images.' : marked > 0 ? 'The picture matches one you marked as spam.' : 'The picture is a known spam image.'),
  'quoted-status': ({ label, score, top }) => `The quoted status is ${label} (score ${score})${top === '' ? '.' : `: ${top}`}`,
}
