/**
 * `npm run playground`: builds the playground and serves it on 127.0.0.1 (PORT, default 5178).
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join, normalize } from 'node:path'
import { buildPlayground, PLAYGROUND_DIR } from './build.js'

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' }

await buildPlayground()
const port = Number(process.env['PORT'] ?? 5178)
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/u, '')
  const file = join(PLAYGROUND_DIR, path === '/' ? 'index.html' : path)
  if (!file.startsWith(PLAYGROUND_DIR)) {
    res.writeHead(403).end()
    return
  }
  readFile(file).then(
    (body) => res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body),
    () => res.writeHead(404).end('not found'),
  )
})
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Playground: http://127.0.0.1:${port}/\n`)
})
