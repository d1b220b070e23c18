/**
 * Filter a home timeline with masto.js: fetch the latest statuses, classify each one on the
 * device, and hide spam behind a warning instead of showing it.
 *
 * Run (Node 22 or newer: masto 8 needs it; build the library first with `npm run build`):
 *   MASTODON_URL=https://your.server MASTODON_TOKEN=… npx tsx examples/filter-home-timeline.ts
 */
import { createRestAPIClient, type mastodon } from 'masto'
import { createSpamFilter, fromMasto, type Verdict } from 'mastodon-spam-filter'

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`This example needs Node 22 or newer (masto 8 uses Promise.withResolvers); this is Node ${process.versions.node}.`)
  process.exit(1)
}

const url = process.env['MASTODON_URL'] ?? 'https://mastodon.social'
const masto = createRestAPIClient({ url, accessToken: process.env['MASTODON_TOKEN'] ?? '' })

// Who the viewer is and whom they follow: posts by people you follow are not filtered, and
// mentions of them count less.
const me = await masto.v1.accounts.verifyCredentials()
const host = new URL(url).host
// Mastodon returns accts as people wrote them (`Alice@Example.Social`) and local ones without a
// host (`alice`): keep them canonical, `user@host` in lowercase, as the filter compares them.
const canonical = (acct: string): string => (acct.includes('@') ? acct : `${acct}@${host}`).toLowerCase()
const follows = new Set<string>()
for await (const page of masto.v1.accounts.$select(me.id).following.list({ limit: 80 })) {
  for (const account of page) follows.add(canonical(account.acct))
  if (follows.size >= 2_000) break
}

// One filter per signed-in account: it keeps the options and the memory of recent statuses.
const filter = createSpamFilter({ viewer: { acct: canonical(me.acct), follows } })

/** The text of Mastodon's content HTML as its web UI shows it: hidden link parts dropped, on one line. */
function plainText(html: string): string {
  return html
    .replace(/<span class="invisible">[^<]{0,2000}<\/span>/gu, '')
    .replace(/<span class="ellipsis">([^<]{0,2000})<\/span>/gu, '$1…')
    .replace(/<br\s*\/?>|<\/p>/gu, ' ')
    .replace(/<[^>]{0,2000}>/gu, '')
    .replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim()
}

function render(status: mastodon.v1.Status, verdict: Verdict): string {
  const who = `@${status.account.acct}`
  if (verdict.label === 'spam') return `[hidden] ${who}: filtered as potential spam (${verdict.reasons[0]?.message ?? ''})`
  if (verdict.label === 'suspicious') return `[warned] ${who}: ${verdict.reasons.map((r) => r.message).join(' ')}`
  return `${who}: ${plainText(status.content).slice(0, 100).trimEnd()}`
}

const timeline = await masto.v1.timelines.home.list({ limit: 40 })
let hidden = 0
for (const status of timeline) {
  const verdict = filter.classify(fromMasto(status))
  if (verdict.label === 'spam') hidden++
  console.log(render(status, verdict))
}
console.log(`${timeline.length} statuses, ${hidden} hidden as spam`)
