/**
 * Images of the February 2024 spam wave (荒らし共栄圏 / ctkpaarr), as blurhash and size.
 *
 * Provenance: the fingerprints documented in the project's research notes
 * (shared/corpus/spam/spam-indicators.json, key `feb_2024_arashi_kyoueiken_wave.media`), which
 * cite perryflynn/fediscripts `spamlist.yml` (MIT, commit 64454fa1) and a public code-index file
 * (id 41632987326). Facts only: a blurhash is a 20–30 character summary of a picture, not the
 * picture. Left out: `UTQcbkVY…`, which the sources give truncated. Sizes are given only where a
 * source states them. joinsakurajima.org describes the pictures as "images of spammers
 * advertising their Discord and cans of SPAM with their invite link".
 */
export interface KnownSpamImage {
  readonly blurhash: string
  readonly width?: number
  readonly height?: number
  /** What the picture shows, per the source. */
  readonly description: string
}

/** The February 2024 spam images the `known-spam-image` signal recognizes (provenance above). */
export const KNOWN_SPAM_IMAGES: readonly KnownSpamImage[] = [
  { blurhash: 'UTQcblVY%gIU8w8_%Mxu%2Rjayt7.8?bMxRj', width: 1009, height: 200, description: 'the discord.gg/ctkpaarr invite written as an image (Feb 2024)' },
  { blurhash: 'UkK2FEk8Oas:t1f9V[ae|;agoJofs;bYowjZ', width: 200, height: 200, description: 'a can of SPAM with the group\'s invite (Feb 2024)' },
  { blurhash: 'UkKBv%k8Oas:t1f9V[ae|;afoJofs;bYovjZ', width: 1080, height: 1080, description: 'a can of SPAM with the group\'s invite, 1080×1080 (Feb 2024)' },
  { blurhash: 'UkKBv%k8Oas:t1f9V[ae|;agoJoft7bYovjZ', description: 'a can of SPAM with the group\'s invite, re-encoded (Feb 2024)' },
  { blurhash: 'UkK2FFk8Oas:tKf9V[ae|;agoJoft7bYovjZ', description: 'a can of SPAM with the group\'s invite, re-encoded (Feb 2024)' },
  { blurhash: 'UPJNO5xY67ox1JRlRkaMnSkB$~X7J8ayjZe:', description: 'a later image of the same wave (Feb–Mar 2024)' },
]
