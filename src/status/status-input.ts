/**
 * The input boundary: the Mastodon REST API JSON shapes this package reads (snake_case, the wire
 * format). Every field is optional and may hold anything at run time: the reader treats a missing
 * or wrongly typed field as "no evidence", never as an error.
 *
 * @see https://docs.joinmastodon.org/entities/Status/
 */

/** @see https://docs.joinmastodon.org/entities/Account/ */
export interface AccountInput {
  /** The account id on the server that answered (a snowflake for accounts it saw after 2017). */
  readonly id?: string | number | null
  /** The username, without host. */
  readonly username?: string | null
  /** `username` for local accounts, `username@host` for remote ones. */
  readonly acct?: string | null
  readonly url?: string | null
  readonly display_name?: string | null
  /** The profile bio, as HTML. */
  readonly note?: string | null
  /** Avatar URL; Mastodon's default avatar ends in `/avatars/original/missing.png`. */
  readonly avatar?: string | null
  readonly avatar_static?: string | null
  readonly header?: string | null
  readonly locked?: boolean | null
  /** True when the account declares itself automated. */
  readonly bot?: boolean | null
  /** When the account was created (Mastodon rounds it to midnight UTC). */
  readonly created_at?: string | null
  readonly followers_count?: number | null
  readonly following_count?: number | null
  readonly statuses_count?: number | null
  readonly fields?: readonly { readonly name?: string | null; readonly value?: string | null }[] | null
}

/** @see https://docs.joinmastodon.org/entities/Status/#Mention */
export interface MentionInput {
  readonly id?: string | number | null
  readonly username?: string | null
  readonly acct?: string | null
  readonly url?: string | null
}

/** @see https://docs.joinmastodon.org/entities/Status/#Tag */
export interface TagInput {
  readonly name?: string | null
  readonly url?: string | null
}

/** @see https://docs.joinmastodon.org/entities/MediaAttachment/ */
export interface MediaAttachmentInput {
  readonly id?: string | number | null
  readonly type?: string | null
  readonly url?: string | null
  readonly preview_url?: string | null
  readonly remote_url?: string | null
  readonly description?: string | null
  readonly blurhash?: string | null
  readonly meta?: {
    readonly original?: { readonly width?: number | null; readonly height?: number | null } | null
  } | null
}

/** @see https://docs.joinmastodon.org/entities/PreviewCard/ */
export interface PreviewCardInput {
  readonly url?: string | null
  readonly title?: string | null
  readonly description?: string | null
  readonly provider_name?: string | null
  readonly author_name?: string | null
  readonly image?: string | null
  readonly blurhash?: string | null
}

/** @see https://docs.joinmastodon.org/entities/Poll/ */
export interface PollInput {
  readonly options?: readonly { readonly title?: string | null }[] | null
}

/** A Mastodon REST API Status, as JSON. */
export interface StatusInput {
  readonly id?: string | number | null
  readonly uri?: string | null
  readonly url?: string | null
  readonly created_at?: string | null
  readonly account?: AccountInput | null
  /** The body, as HTML. */
  readonly content?: string | null
  readonly visibility?: string | null
  readonly sensitive?: boolean | null
  readonly spoiler_text?: string | null
  readonly media_attachments?: readonly MediaAttachmentInput[] | null
  readonly mentions?: readonly MentionInput[] | null
  readonly tags?: readonly TagInput[] | null
  readonly card?: PreviewCardInput | null
  readonly poll?: PollInput | null
  readonly language?: string | null
  readonly in_reply_to_id?: string | number | null
  readonly in_reply_to_account_id?: string | number | null
  /** When set, the status is a boost and this is the boosted status: the one classified. */
  readonly reblog?: StatusInput | null
  /** Mastodon 4.5 quote posts: the quoted status (`Quote`) or its id (`ShallowQuote`). */
  readonly quote?: QuoteInput | null
  /** When the status was last edited. */
  readonly edited_at?: string | null
}

/**
 * Mastodon 4.5's `Quote` and `ShallowQuote`: the quoted status is sent only when the quote is
 * `accepted`; any state this package does not know is read as `unauthorized`.
 *
 * @see https://docs.joinmastodon.org/entities/Quote/
 */
export interface QuoteInput {
  readonly state?: string | null
  readonly quoted_status?: StatusInput | null
  readonly quoted_status_id?: string | null
}

/** A Mastodon Notification; one of type `mention` (or `status`) is classified by its status. */
export interface NotificationInput {
  readonly id?: string | number | null
  readonly type?: string | null
  readonly created_at?: string | null
  readonly account?: AccountInput | null
  readonly status?: StatusInput | null
}

/** What `classifyStatus` accepts: a Status, a boost of one, or a mention Notification. */
export type ClassifiableInput = StatusInput | NotificationInput

/** Fields only a masto.js (camelCase) entity has, each of which the REST JSON spells in snake_case. */
export type CamelCaseStatusKey = 'createdAt' | 'spoilerText' | 'mediaAttachments' | 'inReplyToId' | 'reblogsCount' | 'repliesCount'

/**
 * `classifyStatus`'s parameter check: any value is accepted (parsed JSON is untyped), except one
 * whose type is a masto.js entity (camelCase), which the type refuses so the mistake shows at
 * compile time; pass it through `fromMasto(entity)`. (At run time it is detected and adapted.)
 */
export type RefuseCamelCase<T> = 0 extends 1 & T
  ? unknown
  : T extends object
    ? Extract<keyof T, CamelCaseStatusKey> extends never
      ? unknown
      : { readonly 'masto.js entities are camelCase: pass fromMasto(entity)': never }
    : unknown
