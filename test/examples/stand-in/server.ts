/**
 * A STAND-IN for a Mastodon server, for tests only: it is not Mastodon. It listens on 127.0.0.1 and
 * answers the few REST calls and the streaming WebSocket that the examples (through masto.js) and
 * the browser extension make, with recorded-shaped Mastodon API responses from
 * test/examples/stand-in/api/ (written by us after the documented entities: see the README there).
 *
 * The WebSocket side is a minimal RFC 6455 server (text frames, close, ping) written here so the
 * tests need no dependency: it reads `{"type":"subscribe","stream":…}` and sends the recorded events
 * of that stream in Mastodon's wire format `{"stream":[…],"event":…,"payload":"<JSON string>"}`.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

/** One answer of the REST side. */
export interface Answer {
  readonly status?: number
  readonly headers?: Record<string, string>
  readonly body: unknown
}

/** One streaming event: `payload` is sent JSON-encoded as a string, as Mastodon does. */
export interface StreamEvent {
  readonly event: string
  readonly payload: unknown
}

/** A request the stand-in saw, for assertions (method, path with query, authorization header). */
export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly authorization: string | undefined
  readonly cookie: string | undefined
}

export interface StandInOptions {
  /** Answers a REST request; `undefined` gives Mastodon's 404 `{"error":"Record not found"}`. */
  readonly rest: (method: string, url: URL, base: string) => Answer | undefined
  /** Events per stream name (`public`, `user`, …), sent after the client subscribes. */
  readonly streams?: Record<string, readonly StreamEvent[]>
  /** Extra static files (path → [content type, body]) for browser tests. */
  readonly files?: Record<string, [string, string | Buffer]>
}

export interface StandIn {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly seen: SeenRequest[]
  /** Stream names clients subscribed to, in order. */
  readonly subscriptions: string[]
  readonly close: () => Promise<void>
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10)
  if (length >= 126) {
    header[0] = 0x80 | opcode
    if (length < 65_536) {
      header[1] = 126
      header.writeUInt16BE(length, 2)
    } else {
      header[1] = 127
      header.writeBigUInt64BE(BigInt(length), 2)
    }
  }
  return Buffer.concat([header, payload])
}

/** Reads whole client frames (always masked) from a buffer; returns the frames and what is left. */
function readFrames(buffer: Buffer): { frames: { opcode: number; data: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; data: Buffer }[] = []
  let at = 0
  for (;;) {
    if (buffer.length - at < 2) break
    const opcode = (buffer[at] ?? 0) & 0x0f
    const masked = ((buffer[at + 1] ?? 0) & 0x80) !== 0
    let length = (buffer[at + 1] ?? 0) & 0x7f
    let offset = at + 2
    if (length === 126) {
      if (buffer.length < offset + 2) break
      length = buffer.readUInt16BE(offset)
      offset += 2
    } else if (length === 127) {
      if (buffer.length < offset + 8) break
      length = Number(buffer.readBigUInt64BE(offset))
      offset += 8
    }
    const maskAt = offset
    if (masked) offset += 4
    if (buffer.length < offset + length) break
    const data = Buffer.from(buffer.subarray(offset, offset + length))
    if (masked) for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? 0) ^ (buffer[maskAt + (i % 4)] ?? 0)
    frames.push({ opcode, data })
    at = offset + length
  }
  return { frames, rest: Buffer.from(buffer.subarray(at)) }
}

/**
 * Starts the stand-in on a free loopback port.
 *
 * @param options - the REST answers, the streaming events, extra files
 * @returns its URL, what it saw, and a close function
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const seen: SeenRequest[] = []
  const subscriptions: string[] = []
  const sockets = new Set<Duplex>()
  let base = ''

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base)
    seen.push({ method: req.method ?? 'GET', url: `${url.pathname}${url.search}`, authorization: req.headers.authorization, cookie: req.headers.cookie })
    const file = options.files?.[url.pathname === '/' ? '/index.html' : url.pathname]
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1])
      return
    }
    const answer = url.pathname.startsWith('/api/') ? options.rest(req.method ?? 'GET', url, base) : undefined
    const status = answer?.status ?? (answer === undefined ? 404 : 200)
    const body = answer === undefined ? { error: 'Record not found' } : answer.body
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...answer?.headers }).end(JSON.stringify(body))
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => sockets.delete(socket))
    const url = new URL(req.url ?? '/', base)
    seen.push({ method: 'UPGRADE', url: `${url.pathname}${url.search}`, authorization: req.headers['sec-websocket-protocol'], cookie: req.headers.cookie })
    const key = req.headers['sec-websocket-key']
    if (url.pathname !== '/api/v1/streaming' || typeof key !== 'string') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64')
    // Mastodon echoes the access token the client sent as the subprotocol.
    const protocol = (req.headers['sec-websocket-protocol'] ?? '').split(',')[0]?.trim()
    socket.write(
      ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, ...(protocol ? [`Sec-WebSocket-Protocol: ${protocol}`] : []), '', ''].join('\r\n'),
    )
    let pending: Buffer = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]))
      pending = rest
      for (const { opcode, data } of frames) {
        if (opcode === 0x8) {
          socket.end(frame(0x8, data.subarray(0, 2)))
          return
        }
        if (opcode === 0x9) socket.write(frame(0xa, data))
        if (opcode !== 0x1) continue
        let message: { type?: unknown; stream?: unknown }
        try {
          message = JSON.parse(data.toString('utf8')) as typeof message
        } catch {
          continue
        }
        if (message.type !== 'subscribe' || typeof message.stream !== 'string') continue
        subscriptions.push(message.stream)
        for (const event of options.streams?.[message.stream] ?? []) {
          const wire = { stream: [message.stream], event: event.event, payload: typeof event.payload === 'string' ? event.payload : JSON.stringify(event.payload) }
          socket.write(frame(0x1, Buffer.from(JSON.stringify(wire), 'utf8')))
        }
      }
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  return {
    url: base,
    seen,
    subscriptions,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
