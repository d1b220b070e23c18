/**
 * Cost of the link step: finding links and Discord invites (`scanLinks`) and running the link and
 * phrase signals, in µs per status over a mix of statuses built here (ordinary posts in English
 * and Japanese, Mastodon link anchors, preview cards, disguised invites, the February 2024 shape).
 * For comparison, linkify run on every text with no gate (what `scanLinks` avoids).
 *
 * Usage: npx tsx bench/links.ts [--rounds N]
 */
import { find } from 'linkifyjs'

import { RECOMMENDED_SIGNALS } from '../src/index.js'
import { splitAtCjk } from '../src/links/find-text-links.js'
import { skeleton } from '../src/text/deobfuscate.js'
import { scanLinks } from '../src/links/status-links.js'
import { resolveOptions } from '../src/options.js'
import type { SignalContext } from '../src/signal.js'
import type { NormalizedStatus } from '../src/status/normalized-status.js'
import { readStatus } from '../src/status/read-status.js'
import { measure } from './helpers/measure.js'

const args = process.argv.slice(2)
const roundsAt = args.indexOf('--rounds')
const rounds = roundsAt >= 0 ? Math.max(3, Number(args[roundsAt + 1]) || 7) : 7

const anchor = (url: string): string => {
  const [scheme = '', rest = ''] = url.split('://')
  return `<a href="${url}" rel="nofollow noopener noreferrer" target="_blank"><span class="invisible">${scheme}://</span><span class="">${rest}</span><span class="invisible"></span></a>`
}
const mention = (user: string, host: string): string => `<span class="h-card"><a href="https://${host}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`
const account = { id: '1', username: 'alice', acct: 'alice@example.social', display_name: 'Alice', note: '', avatar: '', created_at: '2022-01-01T00:00:00Z', followers_count: 10, following_count: 10, statuses_count: 10 }

// Content HTML, weighted roughly as a home timeline: mostly text, some links, a little spam.
const CONTENTS: readonly string[] = [
  '<p>Baked sourdough again today. The crumb is finally open enough, e.g. 75% hydration and a 3.5 hour bulk.</p>',
  '<p>Just finished reading a great book about the history of the printing press. Highly recommend it to anyone interested in media.</p>',
  '<p>今日はいい天気ですね。散歩に行ってきました。桜がきれいでした！</p>',
  '<p>新しいバージョンが出ました。詳しくは公式サイトを見てください。</p>',
  `<p>New blog post about Rust error handling: ${anchor('https://blog.example.com/2024/rust-errors')}</p>`,
  `<p>${mention('bob', 'b.example')} ${mention('carol', 'c.example')} thanks, see you at the meetup! <a href="https://example.social/tags/meetup" class="mention hashtag" rel="tag">#<span>meetup</span></a></p>`,
  `<p>Release notes ${anchor('https://github.com/example/project/releases/tag/v2.0.1')} (and the docs at ${anchor('https://docs.example.org/')})</p>`,
  '<p>詳しくはdiscord.gg/abcdefへ</p>',
  '<p>ｄｉｓｃｏｒｄ．ｇｇ／ｃｔｋｐａａｒｒ</p>',
  `<p>${anchor('https://荒らし.com/')}</p><p>${mention('a1', 'a.example')} ${mention('b1', 'b.example')} ${mention('c1', 'c.example')}<br />${mention('d1', 'd.example')}</p>`,
  '<p>Our server moved! Join at discord . gg / ourclub and say hi.</p>',
  '<p>The meeting is at 10.30 in room 4.2, bring the slides.</p>',
]

const statuses: NormalizedStatus[] = CONTENTS.map((content, i) => readStatus({ id: String(i), content, account, mentions: [], tags: [], card: i === 4 ? { url: 'https://blog.example.com/2024/rust-errors', title: 'Rust errors', description: 'A post about errors' } : null }, undefined))
const resolved = resolveOptions()
const linkSignals = RECOMMENDED_SIGNALS.filter((s) => ['campaign-domain', 'discord-invite', 'lookalike-domain', 'link-text-mismatch', 'url-shortener', 'phrase-list', 'author-server'].includes(s.id))
const viewer = resolved.viewer

// A shallow copy per call: the layer's output is kept per status object, and a fresh object reads it again, as classifyStatus does.
const scan = measure(statuses, (s) => scanLinks({ ...s }, resolved.rules.hostsInText).links.length, { rounds })
const signals = measure(
  statuses,
  (s) => {
    let memo: ReturnType<typeof scanLinks> | undefined
    const fresh = { ...s }
    const context: SignalContext = { postedAt: 0, viewer, rules: resolved.rules, links: () => (memo ??= scanLinks(fresh, resolved.rules.hostsInText)) }
    let fired = 0
    for (const signal of linkSignals) if (signal.evaluate(fresh, context) !== undefined) fired++
    return fired
  },
  { rounds },
)
const ungated = measure(
  statuses,
  (s) => {
    let found = 0
    for (const text of [s.text, s.spoilerText, ...s.extraTexts]) if (text !== '') found += find(splitAtCjk(skeleton(text)), 'url').length
    return found
  },
  { rounds },
)

const row = (name: string, m: { median: number; min: number; max: number }): string => `${name.padEnd(44)} ${m.median.toFixed(2).padStart(7)} µs/status  (min ${m.min.toFixed(2)}, max ${m.max.toFixed(2)})`
console.log(`${statuses.length} statuses, ${rounds} rounds`)
console.log(row('scanLinks (links + invites)', scan))
console.log(row('link and phrase signals, scan included', signals))
console.log(row('for comparison: layer + linkify on every text, no gate', ungated))
