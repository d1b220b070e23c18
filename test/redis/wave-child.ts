/**
 * A worker process of the Redis tests and benchmark: one filter on a Redis store, classifying the
 * statuses it reads as a JSON array on stdin, printing the verdicts as a JSON array.
 *
 *   node --import tsx test/redis/wave-child.ts <redis url> <prefix> [warm-up count]
 *
 * The time reported (`ms`) leaves out the first `warm-up count` statuses (JIT warm-up).
 */
import { createSpamFilter } from '../../src/index.js'
import { createRedisStore } from '../../src/redis/index.js'

const [url, prefix, warmup = '0'] = process.argv.slice(2)
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', () => {
  void (async () => {
    const store = createRedisStore({ url: url!, prefix: prefix!, timeoutMs: 2_000 })
    const filter = createSpamFilter({ memory: store })
    const statuses = JSON.parse(input) as unknown[]
    let start = performance.now()
    const verdicts = []
    for (const [i, status] of statuses.entries()) {
      if (i === Number(warmup)) start = performance.now()
      verdicts.push(await filter.classifyAsync(status))
    }
    const ms = performance.now() - start
    await store.close()
    process.stdout.write(JSON.stringify({ verdicts, ms }))
  })()
})
