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

export interface Example {
  /** Stable id, used by the `?example=` query parameter and the tests. */
  readonly id: string
  readonly title: string
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
]
