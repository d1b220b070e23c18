/**
 * Two Fedify servers on localhost: `social.example`'s stand-in sends signed Create(Note)
 * activities (a copy wave from five fresh, bare accounts mentioning strangers, and ordinary notes
 * from established accounts) to a moderator account on the other, whose inbox runs the spam filter
 * plugin. Prints one line of JSON per decision: who sent it, the action, the label and the signals.
 *
 *   $(scripts/node-bin.sh 22) --import tsx examples/fedify-plugin/demo.ts
 *
 * Fedify needs Node 22 or later.
 */
import { createSpamFilter } from 'mastodon-spam-filter'
import type { SpamDecision } from './plugin.js'
import { startServer } from './server.js'

const WAVE_TEXT = 'Join our art server today: every new member gets a free commission this week, spots are limited!'
const ORDINARY = [
  ['ana', 'The rye bread came out well this morning, the new starter is much livelier than the old one.'],
  ['bo', 'Trains to the coast are running again after the storm; the line through the valley reopens Monday.'],
  ['cy', 'Our choir sings Bach on Sunday at the old church, doors open at six, everyone is welcome.'],
] as const
const NOW = Date.now()

const decisions: SpamDecision[] = []
const receiver = await startServer({
  users: [{ username: 'moderator', name: 'Moderator', bio: 'Keeps this server tidy.', created: new Date('2020-01-01') }],
  filter: createSpamFilter(),
  onDecision: (decision) => {
    decisions.push(decision)
  },
})
const waveUsers = [0, 1, 2, 3, 4].map((i) => ({ username: `artdeal${i}x${(i * 7919) % 1000}`, created: new Date(NOW - 10 * 60_000) }))
const sender = await startServer({
  users: [...waveUsers, ...ORDINARY.map(([username]) => ({ username, name: `${username[0]!.toUpperCase()}${username.slice(1)} Example`, bio: 'Bread, trains and music.', created: new Date('2019-05-01') }))],
})
const strangers = (i: number): URL[] => [0, 1, 2].map((k) => new URL(`https://elsewhere${k}.example/users/person${i}x${k}`))
const inbox = { id: receiver.actorUrl('moderator'), inboxId: new URL(`${receiver.actorUrl('moderator').href}/inbox`) }

try {
  for (let i = 0; i < waveUsers.length; i++) {
    await sender.sendNote(waveUsers[i]!.username, inbox, WAVE_TEXT, strangers(i))
    const [username, text] = ORDINARY[i % ORDINARY.length]!
    if (i < ORDINARY.length) await sender.sendNote(username, inbox, text)
  }
  // An activity without a signature never reaches the listener.
  const unsigned = await fetch(inbox.inboxId, { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body: JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: `${sender.origin}/forged#create`, type: 'Create', actor: sender.actorUrl('ana').href, object: { id: `${sender.origin}/forged`, type: 'Note', attributedTo: sender.actorUrl('ana').href, content: WAVE_TEXT } }) })
  console.log(JSON.stringify({ unsigned: unsigned.status }))
} finally {
  await sender.close()
  await receiver.close()
}
for (const { action, verdict, note } of decisions) {
  console.log(JSON.stringify({ from: note.attributionId?.pathname.split('/').pop(), action, label: verdict.label, signals: verdict.reasons.map((r) => r.signal) }))
}
