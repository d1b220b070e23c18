/**
 * Starts a real `redis-server` (the Debian package; `.ci/run` installs it when missing) on a free
 * loopback port with persistence off, for the Redis store's tests and benchmark; or a local Redis
 * Cluster of such servers.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

export interface RedisCluster {
  /** Root node URLs, one per node. */
  readonly urls: readonly string[]
  readonly ports: readonly number[]
  /** Stops every node and removes their cluster files. */
  stop(): Promise<void>
}

/**
 * Starts a local Redis Cluster of `nodes` masters (no replicas) on free loopback ports, persistence
 * off, each node's cluster file in a fresh temporary directory; the slots are shared out by
 * `redis-cli --cluster create` (from the same Debian package set), and it waits until every node
 * says `cluster_state:ok`.
 *
 * @param nodes - how many masters (at least 3, Redis's minimum)
 * @returns the running cluster
 */
export async function startCluster(nodes = 3): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'msf-cluster-'))
  const ports: number[] = []
  const children: ChildProcess[] = []
  const exits: Promise<void>[] = []
  const stop = async (): Promise<void> => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await Promise.all(exits)
    rmSync(dir, { recursive: true, force: true })
  }
  const run = (args: string[]): Promise<string> =>
    new Promise((resolve, reject) => execFile('redis-cli', args, { timeout: 20_000 }, (error, stdout, stderr) => (error === null ? resolve(stdout) : reject(new Error(`redis-cli ${args.join(' ')}: ${error.message} ${stderr}`)))))
  try {
    for (let i = 0; i < nodes; i++) {
      const port = await freePort()
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '5000', '--dir', dir], { stdio: 'ignore' })
      children.push(child)
      exits.push(new Promise<void>((resolve) => child.once('exit', () => resolve())))
      ports.push(port)
    }
    for (const port of ports) {
      let up = false
      for (let attempt = 0; attempt < 100 && !up; attempt++) {
        up = await answersPing(port)
        if (!up) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      if (!up) throw new Error(`cluster node on port ${port} did not answer PING within 5 s`)
    }
    await run(['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'])
    for (const port of ports) {
      let ok = false
      for (let attempt = 0; attempt < 200 && !ok; attempt++) {
        ok = (await run(['-p', String(port), 'cluster', 'info'])).includes('cluster_state:ok')
        if (!ok) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      if (!ok) throw new Error(`cluster node on port ${port} did not reach cluster_state:ok within 10 s`)
    }
    return { urls: ports.map((port) => `redis://127.0.0.1:${port}`), ports, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
