import type { BuiltinSignalId, VerdictLabel } from '../verdict.js'

/** A value a message may use: numbers and names, never a sentence. */
export type ReasonParam = string | number | boolean | readonly string[] | undefined

/** The data a reason's message is rendered from (valibot's issue data, apart from its message). */
export type ReasonParams = Readonly<Record<string, ReasonParam>>

/** Where a link or phrase was found: the post's own text, or only text read from an image. */
// A type alias, not an interface: params must be assignable to the `ReasonParams` record.
/** Where a link, invite or phrase was found. */
export type Found = {
  /** True when it was found only in text read from an image (OCR or a QR code). */
  readonly inImage: boolean
}

/** Traits of a bare profile, in the order they are checked. */
export type BareProfileTrait = 'default-avatar' | 'no-display-name' | 'name-is-username' | 'empty-bio' | 'no-follows'

/**
 * How a host imitates a well-known one: look-alike letters (`homoglyph`, `reads-alike`, also on
 * another TLD), a mix of scripts, one letter or typo off, a brand with a lure word, the name on
 * another TLD, the domain or name in front of an unrelated domain, an IP host, a random name on a
 * cheap TLD, a percent-encoded host, user info before `@`.
 */
export type LookalikeKind =
  | 'homoglyph'
  | 'mixed-script'
  | 'one-letter'
  | 'brand-lure'
  | 'reads-alike'
  | 'reads-alike-other-tld'
  | 'other-tld'
  | 'typo'
  | 'prefix-domain'
  | 'prefix-name'
  | 'ip'
  | 'cheap-tld'
  | 'percent-encoded'
  | 'userinfo'

/** Facts that make an author a stranger (`unsolicited-mention`). */
export type StrangerTrait = 'age-hour' | 'age-day' | 'age-week' | 'age-month' | 'no-followers' | 'few-followers' | 'bare-profile' | 'sparse-profile' | 'follows-nobody' | 'machine-username'

/** A named campaign item read as a warning: next to warning words, or in quotation marks, from a settled account. */
export type WarningParams = { readonly warning?: 'words' | 'quotes'; readonly warningWords?: readonly string[] }

/** Why a status is allowed (the `allow-list` reason). */
export type AllowKind = 'own' | 'account' | 'server' | 'marked'

/**
 * The params of every built-in reason, by signal id: what a catalog's message function receives.
 * Durations are in milliseconds; names (hosts, accts, campaigns, list names) are as found.
 */
export interface BuiltinReasonParams {
  readonly 'allow-list': { readonly kind: AllowKind; readonly acct?: string; readonly host?: string }
  /** `strangers` is set when the viewer follows some of the accounts mentioned. */
  readonly 'mention-density': { readonly count: number; readonly reply: boolean; readonly strangerReply?: boolean; readonly strangers?: number; readonly mentionsOnly: boolean }
  /** `profileFilled`: the profile has a picture, a bio and a name of its own (half strength). */
  readonly 'new-account': { readonly ageMs: number; readonly profileFilled?: boolean }
  readonly 'bare-profile': { readonly traits: readonly BareProfileTrait[] }
  readonly 'machine-username': { readonly username: string }
  readonly 'bot-account': { readonly acct: string }
  /** Only the facts that qualify are set (at least two). */
  readonly 'established-author': { readonly ageMs?: number; readonly followers?: number; readonly posts?: number }
  readonly 'followed-author': { readonly acct: string }
  /** `campaign` names a documented campaign; otherwise `list` names the rules document ('' for an unnamed one). */
  readonly 'campaign-domain': Found & WarningParams & { readonly host: string; readonly count: number; readonly campaign?: string; readonly list?: string }
  readonly 'discord-invite': Found & { readonly count: number; readonly invite: string }
  readonly 'lookalike-domain': Found & { readonly host: string; readonly imitates: string; readonly kind: LookalikeKind; readonly other?: string }
  readonly 'link-text-mismatch': { readonly shown: string; readonly target: string }
  readonly 'url-shortener': Found & { readonly host: string }
  /** `campaign` for a built-in wave phrase; otherwise `list` names the rules document ('' for an unnamed one). */
  readonly 'phrase-list': Found & WarningParams & { readonly pattern: string; readonly campaign?: string; readonly list?: string }
  /** As `phrase-list`, with the one word changed: `word` is the phrase's word (substituted, deleted) or the text's (inserted); `by` the text's word that replaced it. */
  readonly 'phrase-near': Found & WarningParams & { readonly pattern: string; readonly campaign?: string; readonly list?: string; readonly change: 'substituted' | 'inserted' | 'deleted'; readonly word: string; readonly by?: string }
  /** The parts of a phishing text found (action, threat, urgency, account), warning words next to it, and whether it has no link. */
  readonly 'credential-phishing': { readonly parts: readonly ('action' | 'threat' | 'urgency' | 'account')[]; readonly warningWords: readonly string[]; readonly noLink: boolean }
  /** The display name, what it claims (`mastodon support`, `Discord`), the author's server (`''` unknown), and whether it writes to the viewer. */
  readonly impersonation: { readonly name: string; readonly claim: string; readonly host: string; readonly direct: boolean }
  /** `shape`: mentions the viewer (alone or with `others`), a quiet reply, a reply with a link; `followers` for `few-followers`. */
  readonly 'unsolicited-mention': { readonly acct: string; readonly shape: 'mentions' | 'mentions-others' | 'quiet-reply' | 'reply-with-link'; readonly others: number; readonly traits: readonly StrangerTrait[]; readonly followers?: number }
  readonly 'author-server': { readonly host: string; readonly blocked: boolean }
  /** `by`: what fired, strangers mentioned (`mentioned`) or the same text posted at others (`copies`), within `windowMs`. */
  readonly 'author-rate': { readonly acct: string; readonly by: 'mentions' | 'repeats'; readonly mentioned: number; readonly copies: number; readonly windowMs: number }
  /** `rule` is the rule's name as written; `blocked: false` for a name Mastodon would allow with approval. */
  readonly 'username-block': { readonly username: string; readonly rule: string; readonly comparison: 'equals' | 'contains'; readonly blocked: boolean }
  readonly 'near-duplicate': { readonly accounts: number; readonly exact: boolean; readonly windowMs: number }
  readonly 'known-spam-text': Record<string, never>
  readonly 'image-duplicate': { readonly accounts: number; readonly windowMs: number }
  /** `count`: matching pictures; `marked`: how many of them match pictures the user marked. */
  readonly 'known-spam-image': { readonly count: number; readonly marked: number }
  /** The quoted status's label and score, and its top reason's message (already rendered). */
  readonly 'quoted-status': { readonly label: VerdictLabel; readonly score: number; readonly top: string }
}

/** A message function: a sentence from a reason's params. */
export type MessageFunction<P = ReasonParams> = (params: P) => string

/** A catalog for every built-in reason; the built-in `en` and `ja` catalogs have this type. */
export type BuiltinMessages = { readonly [K in BuiltinSignalId]: MessageFunction<BuiltinReasonParams[K]> }

/**
 * A caller's catalog: messages for some built-in reasons (overriding the locale's) and for
 * custom signals, by signal id.
 */
export type MessageCatalog = Partial<BuiltinMessages> & { readonly [signal: string]: MessageFunction<never> | undefined }

/** The built-in locales. */
export type Locale = 'en' | 'ja'
