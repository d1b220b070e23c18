/**
 * The statuses the playground offers to pick: the repository's own fixtures (see
 * fixtures/statuses/manifest.json, fixtures/misskey/README.md and fixtures/activitypub/README.md
 * for where each shape comes from).
 */
import arashiLink from '../fixtures/statuses/spam/2024-02-arashi-link-01.json'
import friendsThread from '../fixtures/statuses/ham/2025-06-friends-thread-01.json'
import poll from '../fixtures/statuses/ham/2025-03-poll-01.json'
import createNote from '../fixtures/activitypub/create-note-mention-wave.json'
import question from '../fixtures/activitypub/question-with-poll.json'
import misskeySpam from '../fixtures/misskey/mention-wave-2024-02.json'
import misskeyHam from '../fixtures/misskey/local-note-with-mfm.json'
import japaneseHam from '../fixtures/statuses/ham/2025-01-japanese-links-01.json'
import midokuri from '../fixtures/statuses/spam/2024-10-midokuri-01.json'

export interface Example {
  /** Stable id, used by the `?example=` query parameter and the tests. */
  readonly id: string
  readonly title: string
  /** The input: parsed JSON, or a string pasted as it is (plain text). */
  readonly json: unknown
  /** The server the JSON came from (Misskey's own accounts have no host in the JSON). */
  readonly host?: string
}

export const EXAMPLES: readonly Example[] = [
  { id: 'misskey-mention-wave', title: 'Misskey note: February 2024 mention wave (spam)', json: misskeySpam, host: 'open-signup.example' },
  { id: 'mastodon-arashi-link', title: 'Mastodon status: February 2024 link + 4 mentions (spam)', json: arashiLink },
  { id: 'activitypub-create-note', title: 'ActivityPub Create: mention wave from a fresh actor (spam)', json: createNote },
  { id: 'mastodon-friends-thread', title: 'Mastodon status: reply in a busy thread among friends (ham)', json: friendsThread },
  { id: 'mastodon-poll', title: 'Mastodon status: a poll (ham)', json: poll },
  { id: 'misskey-mfm', title: 'Misskey note: MFM release announcement (ham)', json: misskeyHam, host: 'misskey.example' },
  { id: 'activitypub-question', title: 'ActivityPub Question with contentMap (ham)', json: question },
  { id: 'mastodon-japanese-links', title: 'Mastodon status: Japanese, two links (ham)', json: japaneseHam },
  { id: 'webhook-midokuri', title: 'Admin webhook status.created wrapping the October 2024 wave (spam)', json: { event: 'status.created', created_at: '2024-10-05T03:12:00.000Z', object: midokuri } },
  { id: 'streaming-arashi', title: 'Streaming API "update" message, the status as JSON text (spam)', json: { stream: ['public'], event: 'update', payload: JSON.stringify(arashiLink) } },
  {
    id: 'plain-text-invite',
    title: 'Plain text: a Discord invite to strangers (a status by a stranger)',
    json: 'Free nitro for everyone who joins today! discord.gg/ctkpaarr\n\n@kuma@mastodon.example @riku@fedi.example @sora@misskey.example @ami@example.social',
  },
]

/** "Several": the same text from four strangers, then a friend's post: the copies pile up. */
export const SEVERAL_EXAMPLE = [
  'Limited offer: the best crypto signals group, join today and double your savings in a week https://signals.example/join',
  'Lovely walk along the river this morning, the herons are back.',
  'Limited offer: the best crypto signals group, join today and double your savings in a week https://signals.example/join',
  'Limited offer: the best crypto signals group, join today and double your savings in a week! https://signals.example/join',
  'Limited offer - the best crypto signals group, join today and double your savings in a week https://signals.example/join',
].join('\n---\n')
