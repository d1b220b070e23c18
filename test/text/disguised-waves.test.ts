/**
 * The attack, as a test: statuses a person reads at once as a documented wave, each
 * disguised in one ordinary way, must fire a link, invite or phrase signal (not only mentions and
 * a fresh account). One row per disguise class and wave.
 */
import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { makeStatus, NOW } from '../helpers/make-status.js'

const CONTENT_SIGNALS = ['discord-invite', 'campaign-domain', 'phrase-list', 'lookalike-domain']
const fired = (overrides: Parameters<typeof makeStatus>[0]): string[] =>
  classifyStatus(makeStatus(overrides), { now: NOW })
    .reasons.map((r) => r.signal)
    .filter((s) => CONTENT_SIGNALS.includes(s))

// disguise | content (HTML) | a signal that must fire
const ROWS: readonly (readonly [string, string, string])[] = [
  ['letters spaced', '<p>join d i s c o r d . g g / ctkpaarr</p>', 'campaign-domain'],
  ['letters hyphenated', '<p>d-i-s-c-o-r-d.g-g/ctkpaarr</p>', 'campaign-domain'],
  ['an emoji between letters', '<p>d🔥i🔥s🔥c🔥o🔥r🔥d.gg/ctkpaarr</p>', 'campaign-domain'],
  ['a host word cut in two', '<p>join dis cord . gg / ctkpaarr</p>', 'campaign-domain'],
  ['kanji, kana and letters spaced', '<p>荒 ら し . c o m</p>', 'campaign-domain'],
  ['kanji, kana and letters separated by emoji', '<p>荒🔥ら🔥し🔥.🔥c🔥o🔥m</p>', 'campaign-domain'],
  ['(dot)', '<p>discord (dot) gg / ctkpaarr</p>', 'campaign-domain'],
  ['[.]', '<p>荒らし[.]com に集合</p>', 'campaign-domain'],
  [' dot ', '<p>ctkpaarr dot org</p>', 'campaign-domain'],
  ['ドット', '<p>ctkpaarrドットorg</p>', 'campaign-domain'],
  ['てん and スラッシュ', '<p>discordてんggスラッシュctkpaarr</p>', 'campaign-domain'],
  ['。 as a dot', '<p>ctkpaarr。org</p>', 'campaign-domain'],
  ['an enclosing mark', '<p>d\u20ddiscord.gg/ctkpaarr</p>', 'campaign-domain'],
  ['a right-to-left override', '<p>\u202Erraapktc/gg.drocsid\u202C</p>', 'campaign-domain'],
  ['a format character', '<p>disc\u2063ord.gg/ctkpaarr</p>', 'campaign-domain'],
  ['Latin small capitals', '<p>ᴅɪꜱᴄᴏʀᴅ.ɢɢ/ctkpaarr</p>', 'campaign-domain'],
  ['Lisu letters', '<p>ꓓꓲꓢꓚꓳꓣꓓ.gg/ctkpaarr</p>', 'campaign-domain'],
  ['negative squared letters', '<p>🅳🅸🆂🅲🅾🆁🅳.gg/ctkpaarr</p>', 'campaign-domain'],
  ['Greek lunate sigma', '<p>disϲord.gg/ctkpaarr</p>', 'campaign-domain'],
  ['katakana', '<p>ディスコード.gg/ctkpaarr</p>', 'campaign-domain'],
  ['a Cyrillic і first', '<p>іnvite.gg/club</p>', 'discord-invite'],
  ['a hashtag anchor to the invite', '<p><a href="https://discord.gg/ctkpaarr" class="mention hashtag" rel="tag">#<span>join</span></a></p>', 'campaign-domain'],
  ['a mention anchor to the domain', '<p><span class="h-card"><a href="https://xn--68j5e377y.com/" class="u-url mention">@<span>admin</span></a></span></p>', 'campaign-domain'],
  ['a percent-encoded host', '<p>%64iscord.gg/ctkpaarr</p>', 'campaign-domain'],
  ['a percent-encoded host in an href', '<p><a href="https://%63t%6bp%61a%72r.o%72g/">%63t%6bp%61a%72r.o%72g/</a></p>', 'campaign-domain'],
  ['a top-level domain in small capitals', '<p>荒らし.ᴄᴏᴍ</p>', 'campaign-domain'],
  ['a host in small capitals', '<p>ᴍɪᴅᴏᴋᴜʀɪꜱᴇʀᴠᴇʀ.ɢɪᴛʜᴜʙ.ɪᴏ/ᴍɪɴɪᴅᴏɴ</p>', 'campaign-domain'],
  ['てん after kana', '<p>荒らしてんcom</p>', 'campaign-domain'],
  ['a Cyrillic letter in a blocked host', '<p>ctkpааrr.org</p>', 'campaign-domain'],
  // Cut so that no link reads it (the one multi-pattern matcher over the layer's output).
  ['a domain cut by a space', '<p>ctkpaarr .org</p>', 'campaign-domain'],
  ['a domain cut by spaces around the dot', '<p>荒らし . com</p>', 'campaign-domain'],
  ['a domain with a space for its dot', '<p>ctkpaarr org</p>', 'campaign-domain'],
  ['a domain cut by a line break', '<p>ctkpaarr<br>.org</p>', 'campaign-domain'],
  ['a domain cut by punctuation', '<p>ctk·paarr, org</p>', 'campaign-domain'],
  ['a domain cut by a space, its dot spelled', '<p>ctk paarr dot org</p>', 'campaign-domain'],
  ['an invite host with a space for its dot', '<p>discord gg/ctkpaarr</p>', 'campaign-domain'],
  ['an invite host cut by a line break', '<p>discord<br>.gg/ctkpaarr</p>', 'campaign-domain'],
  ['an invite host cut by punctuation', '<p>dis, cord.gg/ctkpaarr</p>', 'campaign-domain'],
  ['a phrase with a hyphen inside', '<p>Action required: verify-your Mastodon account</p>', 'phrase-list'],
  ['a phrase with dots between letters', '<p>y.o.u can call me the f.e.d.i.v.e.r.s.e chick</p>', 'phrase-list'],
  ['a phrase in small capitals', '<p>ɢʀᴇᴇᴛɪɴɢꜱ ꜰʀᴏᴍ ᴛʜᴇ ᴍᴀꜱᴛᴏᴅᴏɴ ᴍᴏᴅᴇʀᴀᴛɪᴏɴ ᴛᴇᴀᴍ</p>', 'phrase-list'],
]

describe('disguised waves fire a content signal', () => {
  test.each(ROWS)('%s', (_disguise, content, signal) => {
    expect(fired({ content })).toContain(signal)
  })

  test('an invite split across the content warning and the content', () => {
    expect(fired({ spoiler_text: 'discord.gg/', content: '<p>ctkpaarr</p>' })).toContain('campaign-domain')
  })

  test('a host cut anywhere between the content warning and the content', () => {
    expect(fired({ spoiler_text: 'ctkpaa', content: '<p>rr.org</p>' })).toContain('campaign-domain')
  })

  test('a host cut anywhere between poll options', () => {
    expect(fired({ content: '<p>👇</p>', poll: { id: '1', options: [{ title: '荒ら' }, { title: 'し.com' }] } as never })).toContain('campaign-domain')
  })

  test('an invite split across poll options', () => {
    expect(fired({ content: '<p>vote!</p>', poll: { id: '1', options: [{ title: 'discord.' }, { title: 'gg/ctkpaarr' }] } as never })).toContain('campaign-domain')
  })
})
