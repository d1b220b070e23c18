/**
 * A moderation bot: reads the streaming API with masto.js and logs a verdict for every new public
 * status (or, with STREAM=user, every status and mention notification the account receives), as
 * JSON lines a moderator can grep, without acting on anything.
 *
 * Run (Node 22 or newer: masto 8 needs it; build the library first with `npm run build`):
 *   MASTODON_URL=https://your.server MASTODON_TOKEN=… STREAM=public npx tsx examples/moderation-bot.ts
 * Stop it with Ctrl-C (SIGINT) or SIGTERM: it unsubscribes and exits.
 */
import { createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto'
import { createSpamFilter, fromMasto, type Verdict } from 'mastodon-spam-filter'

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`This example needs Node 22 or newer (masto 8 uses Promise.withResolvers); this is Node ${process.versions.node}.`)
  process.exit(1)
}

const url = process.env['MASTODON_URL'] ?? 'https://mastodon.social'
const accessToken = process.env['MASTODON_TOKEN'] ?? ''
const rest = createRestAPIClient({ url, accessToken })
const instance = await rest.v2.instance.fetch()
const streaming = createStreamingAPIClient({ streamingApiUrl: instance.configuration.urls.streaming, accessToken })

// One filter for the whole run: repeated near-identical posts across the stream are remembered.
const filter = createSpamFilter({ viewer: { acct: `moderator@${instance.domain}` } })

function log(kind: string, status: mastodon.v1.Status, verdict: Verdict): void {
  console.log(
    JSON.stringify({
      at: new Date().toISOString(),
      kind,
      label: verdict.label,
      score: Number(verdict.score.toFixed(2)),
      author: status.account.acct,
      url: status.url ?? status.uri,
      reasons: verdict.reasons.map((r) => `${r.signal}: ${r.message}`),
    }),
  )
}

const subscription = process.env['STREAM'] === 'user' ? streaming.user.subscribe() : streaming.public.subscribe()
const stop = (): void => {
  subscription.unsubscribe()
  streaming.close()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

for await (const event of subscription) {
  switch (event.event) {
    case 'update': {
      log('update', event.payload, filter.classify(fromMasto(event.payload)))
      break
    }
    case 'notification': {
      const { payload } = event
      if (payload.type === 'mention' && payload.status !== undefined && payload.status !== null) log('mention', payload.status, filter.classify(fromMasto(payload)))
      break
    }
    default:
      break
  }
}
