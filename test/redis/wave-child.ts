/**
 * A worker process of the Redis tests and benchmark: one filter on a Redis store, classifying the
 * statuses it reads as a JSON array on stdin, printing the verdicts as a JSON array.
 *
 *   node --import tsx test/redis/wave-child.ts <redis url> <prefix>
 */
import { createSpamFilter } from '../../src/index.js'
import { createRedisStore } from '../../src/redis/index.js'

const [url, prefix] = process.argv.slice(2)
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', () => {
  void (async () => {
    const store = createRedisStore({ url: url!, prefix: prefix!, timeoutMs: 2_000 })
    const filter = createSpamFilter({ memory: store })
    const statuses = JSON.parse(input) as unknown[]
    const start = performance.now()
    const verdicts = []
    for (const status of statuses) verdicts.push(await filter.classifyAsync(status))
    const ms = performance.now() - start
    await store.close()
    process.stdout.write(JSON.stringify({ verdicts, ms }))
  })()
})
