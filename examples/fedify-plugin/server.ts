/**
 * A minimal Fedify server on Node's http module: actors with generated RSA keys, WebFinger and
 * actor documents, an inbox, and a way to send signed `Create(Note)` activities. The plugin's
 * example (`demo.ts`) runs two of these on localhost: one sends, the other filters.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createFederation, generateCryptoKeyPair, MemoryKvStore, type Federation } from '@fedify/fedify'
import { Create, Mention, Note, Person, PUBLIC_COLLECTION } from '@fedify/fedify/vocab'
import { Temporal } from '@js-temporal/polyfill'
import type { AsyncSpamFilter, SpamFilter } from 'mastodon-spam-filter'
import { spamFilterOnCreate, type SpamDecision } from './plugin.js'

/** An account of the server. */
export interface ServerUser {
  readonly username: string
  readonly name?: string
  readonly bio?: string
  /** When the account was created. */
  readonly created: Date
}

export interface ServerOptions {
  readonly users: readonly ServerUser[]
  /** Filters incoming notes (the receiving server). */
  readonly filter?: SpamFilter | AsyncSpamFilter
  readonly onDecision?: (decision: SpamDecision) => void | Promise<void>
}

export interface RunningServer {
  readonly origin: string
  readonly federation: Federation<undefined>
  /** The actor URL of a user. */
  actorUrl(username: string): URL
  /** Sends a signed Create(Note) from one of this server's users to an actor of another server. */
  sendNote(from: string, to: { readonly id: URL; readonly inboxId: URL }, text: string, mentions?: readonly URL[]): Promise<void>
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Starts a server on a free loopback port.
 *
 * @param options - its users, and the filter when it receives
 * @returns the running server
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const http: Server = createServer()
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const address = http.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  // Loopback servers: private addresses must be allowed (tests only, never in production).
  const federation = createFederation<undefined>({ kv: new MemoryKvStore(), origin, allowPrivateAddress: true })
  const users = new Map(options.users.map((user) => [user.username, user]))
  const keys = new Map<string, CryptoKeyPair>()
  for (const user of options.users) keys.set(user.username, await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'))

  federation
    .setActorDispatcher('/users/{identifier}', async (ctx, identifier) => {
      const user = users.get(identifier)
      if (user === undefined) return null
      const [pair] = await ctx.getActorKeyPairs(identifier)
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: user.name ?? identifier,
        ...(user.bio === undefined ? {} : { summary: user.bio }),
        published: Temporal.Instant.fromEpochMilliseconds(user.created.getTime()),
        inbox: ctx.getInboxUri(identifier),
        ...(pair === undefined ? {} : { publicKey: pair.cryptographicKey, assertionMethods: [pair.multikey] }),
      })
    })
    .setKeyPairsDispatcher((_ctx, identifier) => {
      const pair = keys.get(identifier)
      return pair === undefined ? [] : [pair]
    })
  const inbox = federation.setInboxListeners('/users/{identifier}/inbox', '/inbox')
  if (options.filter !== undefined) inbox.on(Create, spamFilterOnCreate({ filter: options.filter, onDecision: options.onDecision ?? (() => undefined) }))

  http.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req)
      const response = await federation.fetch(new Request(url, { method: req.method ?? 'GET', headers, ...(body === undefined ? {} : { body: new Uint8Array(body) }) }), { contextData: undefined })
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })

  let notes = 0
  return {
    origin,
    federation,
    actorUrl: (username) => new URL(`/users/${username}`, origin),
    async sendNote(from, to, text, mentions = []) {
      const ctx = federation.createContext(new URL(origin), undefined)
      const id = new URL(`/users/${from}/notes/${++notes}`, origin)
      const links = mentions.map((href) => `<span class="h-card"><a href="${href.href}" class="u-url mention">@<span>${href.pathname.split('/').pop() ?? ''}</span></a></span>`).join(' ')
      const note = new Note({
        id,
        attribution: ctx.getActorUri(from),
        to: PUBLIC_COLLECTION,
        published: Temporal.Now.instant(),
        content: `<p>${links}${links === '' ? '' : ' '}${text}</p>`,
        tags: mentions.map((href) => new Mention({ href, name: `@${href.pathname.split('/').pop() ?? ''}@${href.host}` })),
      })
      const create = new Create({ id: new URL(`${id.href}#create`), actor: ctx.getActorUri(from), to: PUBLIC_COLLECTION, object: note })
      await ctx.sendActivity({ identifier: from }, to, create)
    },
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections()
      http.close(() => resolve())
    }),
  }
}
