/**
 * Starts a real `redis-server` (the Debian package; `.ci/run` installs it when missing) on a free
 * loopback port with persistence off, for the Redis store's tests and benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, Socket } from 'node:net'

export interface RedisServer {
  readonly port: number
  readonly url: string
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket()
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

/**
 * Starts redis-server and waits until it answers PING.
 *
 * @param port - a port to use (a restart on the same port); a free one by default
 * @returns the running server
 */
export async function startRedis(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort())
  const child: ChildProcess = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let failed: Error | undefined
  child.once('error', (error) => (failed = error))
  for (let attempt = 0; attempt < 100; attempt++) {
    if (failed !== undefined) throw new Error(`redis-server could not start (apt-get install redis-server): ${failed.message}`)
    if (await answersPing(chosen)) {
      return {
        port: chosen,
        url: `redis://127.0.0.1:${chosen}`,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error('redis-server did not answer PING within 5 s')
}
