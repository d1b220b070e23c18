/**
 * Writes fixtures/inputs/: every input shape `detectInput` recognises, built around our own
 * fixtures (fixtures/statuses, fixtures/activitypub) in the shapes the Mastodon API documentation
 * gives (https://docs.joinmastodon.org/: admin webhooks, streaming, grouped notifications, Quote,
 * StatusEdit, account archive) and masto.js 8's camelCase types. Run: `npx tsx scripts/make-input-fixtures.ts`.
 * The manifest says, per file, the shape, how many statuses it holds, the label `classifyStatus`
 * must give the whole value and whether it reports a `skipped` entry (containers of statuses and
 * values with no status do), and for containers the label each status held must get.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>
const spam = read('fixtures/statuses/spam/2024-02-arashi-link-01.json')
const ham = read('fixtures/statuses/ham/2025-03-poll-01.json')
const activity = read('fixtures/activitypub/create-note-mention-wave.json')

const camel = (key: string): string => key.replace(/_([a-z])/gu, (_, c: string) => c.toUpperCase())
function toCamel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCamel)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toCamel(v)]))
}
const edit = (status: Record<string, unknown>, createdAt: string) => ({
  content: status.content,
  spoiler_text: status.spoiler_text,
  sensitive: status.sensitive,
  created_at: createdAt,
  account: status.account,
  media_attachments: status.media_attachments,
  emojis: [],
})
const hamQuoting = (quote: unknown) => ({ ...ham, id: '113900000000000001', quote })

interface Entry {
  readonly file: string
  readonly shape: string
  readonly statuses: number
  readonly label: 'spam' | 'suspicious' | 'clean'
  /** A skipped entry is expected (no status, or several). */
  readonly skipped: boolean
  /** For containers: the label of each status held, classified on its own. */
  readonly each?: readonly ('spam' | 'suspicious' | 'clean')[]
  readonly notes: string
  readonly value: unknown
}

const entries: Entry[] = [
  { file: 'wrapper-status.json', shape: 'wrapper', statuses: 1, label: 'spam', skipped: false, notes: 'A JSON-lines export line { "status": Status }', value: { status: spam } },
  { file: 'wrapper-object.json', shape: 'wrapper', statuses: 1, label: 'spam', skipped: false, notes: 'A queue message { "object": Status }', value: { object: spam } },
  { file: 'admin-webhook-status-created.json', shape: 'admin-webhook', statuses: 1, label: 'spam', skipped: false, notes: 'Mastodon admin webhook, event status.created (docs: admin/webhooks)', value: { event: 'status.created', created_at: '2024-02-16T12:00:01.000Z', object: spam } },
  { file: 'admin-webhook-status-updated.json', shape: 'admin-webhook', statuses: 1, label: 'spam', skipped: false, notes: 'Mastodon admin webhook, event status.updated', value: { event: 'status.updated', created_at: '2024-02-16T12:05:00.000Z', object: { ...spam, edited_at: '2024-02-16T12:05:00.000Z' } } },
  { file: 'admin-webhook-account-created.json', shape: 'no-status', statuses: 0, label: 'clean', skipped: true, notes: 'Mastodon admin webhook account.created: an Admin::Account, no status', value: { event: 'account.created', created_at: '2024-02-16T11:54:00.000Z', object: { id: '111941006131200000', username: '5wq130rvkg', domain: null, email: 'x@example.invalid', account: spam.account } } },
  {
    file: 'admin-webhook-report-created.json',
    shape: 'admin-report',
    statuses: 1,
    label: 'clean',
    skipped: true,
    each: ['spam'],
    notes: 'Mastodon admin webhook report.created: an Admin::Report whose statuses are the reported ones',
    value: { event: 'report.created', created_at: '2024-02-16T12:10:00.000Z', object: { id: '7', action_taken: false, category: 'spam', comment: 'spam wave', account: { id: '1', username: 'mod' }, target_account: { id: '2', username: '5wq130rvkg' }, statuses: [spam] } },
  },
  { file: 'streaming-update.json', shape: 'streaming-event', statuses: 1, label: 'spam', skipped: false, notes: 'Streaming API message: event update, payload a JSON string', value: { stream: ['user'], event: 'update', payload: JSON.stringify(spam) } },
  { file: 'streaming-delete.json', shape: 'no-status', statuses: 0, label: 'clean', skipped: true, notes: 'Streaming API message: event delete, payload a status id', value: { stream: ['public'], event: 'delete', payload: '111939000000000000' } },
  {
    file: 'notification-groups.json',
    shape: 'notification-groups',
    statuses: 1,
    label: 'clean',
    skipped: true,
    each: ['spam'],
    notes: 'GET /api/v2/notifications: a mention group (the spam), a favourite of the viewer\'s own post, a follow; statuses and accounts side-loaded',
    value: {
      accounts: [spam.account, ham.account],
      statuses: [spam, ham],
      notification_groups: [
        { group_key: 'ungrouped-1', notifications_count: 1, type: 'mention', most_recent_notification_id: '301', sample_account_ids: [(spam.account as { id: string }).id], status_id: spam.id },
        { group_key: `favourite-${String(ham.id)}-1`, notifications_count: 3, type: 'favourite', most_recent_notification_id: '300', sample_account_ids: [(spam.account as { id: string }).id], status_id: ham.id },
        { group_key: 'follow-1', notifications_count: 2, type: 'follow', most_recent_notification_id: '299', sample_account_ids: [(spam.account as { id: string }).id] },
      ],
    },
  },
  { file: 'notification-follow.json', shape: 'no-status', statuses: 0, label: 'clean', skipped: true, notes: 'A follow Notification: an account, no status', value: { id: '299', type: 'follow', created_at: '2024-02-16T12:00:00.000Z', account: spam.account } },
  { file: 'quote-accepted-spam.json', shape: 'status', statuses: 1, label: 'spam', skipped: false, notes: 'Mastodon 4.5: an ordinary post quoting the spam (Quote, state accepted, quoted_status): the quote is the spam', value: hamQuoting({ state: 'accepted', quoted_status: spam }) },
  { file: 'quote-pending.json', shape: 'status', statuses: 1, label: 'clean', skipped: false, notes: 'Mastodon 4.5: a quote awaiting approval (no quoted_status sent)', value: hamQuoting({ state: 'pending', quoted_status: null }) },
  { file: 'quote-unknown-state.json', shape: 'status', statuses: 1, label: 'clean', skipped: false, notes: 'A future quote state: read as unauthorized, the quoted status is not classified', value: hamQuoting({ state: 'some_future_state', quoted_status: spam }) },
  { file: 'quote-shallow.json', shape: 'status', statuses: 1, label: 'clean', skipped: false, notes: 'ShallowQuote: only quoted_status_id (the quote cannot be classified here)', value: hamQuoting({ state: 'accepted', quoted_status_id: spam.id }) },
  { file: 'status-edit.json', shape: 'edit', statuses: 1, label: 'spam', skipped: false, notes: 'A StatusEdit (GET /api/v1/statuses/:id/history entry): no id, no mentions array', value: edit(spam, '2024-02-16T12:05:00.000Z') },
  { file: 'edit-history.json', shape: 'edit-history', statuses: 1, label: 'spam', skipped: false, notes: 'An edit history: a harmless first version edited into the spam; the latest is classified', value: [edit({ ...spam, content: '<p>hello</p>' }, '2024-02-16T12:00:00.000Z'), edit(spam, '2024-02-16T12:05:00.000Z')] },
  {
    file: 'activitypub-outbox.json',
    shape: 'activitypub-collection',
    statuses: 1,
    label: 'clean',
    skipped: true,
    each: ['spam'],
    notes: 'An ActivityPub outbox page: one Create of a Note and one Announce that only links its object',
    value: { '@context': 'https://www.w3.org/ns/activitystreams', id: 'https://open-signup.example/users/9prmsnywx1/outbox?page=true', type: 'OrderedCollectionPage', orderedItems: [activity, { id: 'https://open-signup.example/announce/1', type: 'Announce', actor: activity.actor, object: 'https://elsewhere.example/notes/1' }] },
  },
  {
    file: 'mastodon-archive-outbox.json',
    shape: 'mastodon-archive',
    statuses: 2,
    label: 'clean',
    skipped: true,
    each: ['spam', 'spam'],
    notes: 'outbox.json of a Mastodon account archive (id "outbox.json", Create activities)',
    value: { '@context': 'https://www.w3.org/ns/activitystreams', id: 'outbox.json', type: 'OrderedCollection', totalItems: 2, orderedItems: [activity, { ...activity, id: `${String(activity.id)}-2` }] },
  },
  { file: 'activitypub-actor.json', shape: 'no-status', statuses: 0, label: 'clean', skipped: true, notes: 'An ActivityPub Person (actor.json of an archive)', value: { '@context': 'https://www.w3.org/ns/activitystreams', id: 'https://open-signup.example/users/9prmsnywx1', type: 'Person', preferredUsername: '9prmsnywx1', inbox: 'https://open-signup.example/users/9prmsnywx1/inbox', outbox: 'outbox.json' } },
  { file: 'masto-status.json', shape: 'status', statuses: 1, label: 'spam', skipped: false, notes: 'A masto.js 8 Status (camelCase), detected and adapted with fromMasto', value: toCamel(spam) },
  { file: 'masto-notification.json', shape: 'notification', statuses: 1, label: 'spam', skipped: false, notes: 'A masto.js 8 mention Notification (camelCase)', value: toCamel({ id: '301', type: 'mention', created_at: spam.created_at, account: spam.account, status: spam }) },
  { file: 'masto-quote-accepted-spam.json', shape: 'status', statuses: 1, label: 'spam', skipped: false, notes: 'A masto.js Status quoting the spam (quote.quotedStatus)', value: toCamel(hamQuoting({ state: 'accepted', quoted_status: spam })) },
]

for (const entry of entries) writeFileSync(path.join(root, 'fixtures/inputs', entry.file), `${JSON.stringify(entry.value, null, 2)}\n`)
const manifest = entries.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'value')))
writeFileSync(path.join(root, 'fixtures/inputs/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`wrote ${entries.length} input fixtures`)
