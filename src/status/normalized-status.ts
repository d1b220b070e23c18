/**
 * The internal form every input adapter produces (Mastodon REST JSON, masto.js entities, and
 * later Misskey notes and ActivityPub objects). Signals read only this, never raw JSON.
 * Every field is present and well typed; absent evidence is `undefined`, `''` or `[]`.
 */

/** A link found in the status: an anchor in the content HTML or the preview card. */
export interface StatusLink {
  /** The URL the link goes to (the `href`), as written. */
  readonly href: string
  /** The text a reader sees for the link (`''` when the link has no visible text). */
  readonly text: string
  /** Where the link was found. */
  readonly source: 'content' | 'card' | 'text'
}

/** An account the status mentions. */
export interface StatusMention {
  /** Canonical acct: lowercased `user@host`, or `user` when the host is unknown. */
  readonly acct: string
  readonly id: string | undefined
  readonly url: string | undefined
}

/** An image or other attachment. */
export interface StatusMedia {
  readonly id: string | undefined
  readonly type: string
  readonly url: string | undefined
  readonly previewUrl: string | undefined
  readonly description: string
  readonly blurhash: string | undefined
  readonly width: number | undefined
  readonly height: number | undefined
}

/** The author, with the facts the trust signals use. */
export interface StatusAuthor {
  readonly id: string | undefined
  /** Canonical acct: lowercased `user@host`, or `user` when the host is unknown. */
  readonly acct: string
  /** The username as the server spells it (case kept: mixed case is a sign of a generated name). */
  readonly username: string
  /** The author's server, from the acct or the profile URL; `undefined` when unknown. */
  readonly host: string | undefined
  readonly displayName: string
  /** Whether the profile bio shows any text. */
  readonly hasBio: boolean
  /** Whether the avatar is empty or the server's default picture (`false` when the input has no avatar field). */
  readonly hasDefaultAvatar: boolean
  /** Creation time in ms since the epoch, the more precise of `created_at` and the snowflake id. */
  readonly createdAt: number | undefined
  readonly followersCount: number | undefined
  readonly followingCount: number | undefined
  readonly statusesCount: number | undefined
  readonly bot: boolean
  readonly fieldsCount: number
}

export interface NormalizedStatus {
  readonly id: string | undefined
  readonly url: string | undefined
  /** Post time in ms since the epoch; `undefined` when the input has none. */
  readonly createdAt: number | undefined
  readonly visibility: string | undefined
  readonly language: string | undefined
  readonly isReply: boolean
  readonly inReplyToAccountId: string | undefined
  /** Visible text of the content (Mastodon's `invisible` spans dropped), mentions included. */
  readonly text: string
  /** Visible text without mentions, hashtags and links: what the author wrote around them. */
  readonly prose: string
  /** Content warning text. */
  readonly spoilerText: string
  /** Poll options, media descriptions and preview card title and description. */
  readonly extraTexts: readonly string[]
  /**
   * Text read from images by OCR and QR decoding (`mastodon-spam-filter/ocr`); empty unless the
   * filter's async path added it. Link and phrase signals scan it like post text.
   */
  readonly imageTexts: readonly string[]
  readonly links: readonly StatusLink[]
  readonly mentions: readonly StatusMention[]
  /** Hashtags, lowercased, without `#`. */
  readonly hashtags: readonly string[]
  readonly media: readonly StatusMedia[]
  readonly card: { readonly url: string; readonly title: string; readonly description: string } | undefined
  readonly author: StatusAuthor
  /** True when text was cut before reading: the content at `maxContentLength`, or any text field at the status's `maxTextLength` budget. */
  readonly truncated: boolean
  /** The fields that were cut (`content`, `content warning`, `card`, `poll options`, `alt texts`, `image text`), when `truncated`. */
  readonly cut?: readonly string[]
  /** Characters of the text budget (`limits.maxTextLength`) left after reading; image text is read against it. */
  readonly textBudgetLeft?: number
}
