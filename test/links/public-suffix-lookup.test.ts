import { parse } from 'tldts'
import { describe, expect, test } from 'vitest'

import { SUFFIX_EXCEPTIONS, SUFFIX_RULES } from '../../src/data/public-suffix-table.js'
import { suffixLookup, type SuffixLookupResult } from '../../src/links/public-suffix-lookup.js'

/**
 * The reference is tldts itself (`parse`, whose own lookup the build replaces with
 * `suffixLookup`): for every hostname tldts reads, the generated table must give the same public
 * suffix and the same ICANN / private answer, with private suffixes on and off. After a tldts
 * update these fail until the table is generated again: `npx tsx scripts/generate-suffix-table.ts`.
 */
const OPTIONS = [
  { allowPrivateDomains: true, allowIcannDomains: true },
  { allowPrivateDomains: false, allowIcannDomains: true },
  { allowPrivateDomains: true, allowIcannDomains: false },
] as const

function mismatches(hosts: Iterable<string>): string[] {
  const out: string[] = []
  for (const host of hosts) {
    for (const options of OPTIONS) {
      const expected = parse(host, options)
      if (expected.hostname === null || expected.isIp === true) continue
      const got: SuffixLookupResult = { isIcann: null, isPrivate: null, publicSuffix: null }
      suffixLookup(expected.hostname, options, got)
      const want = { isIcann: expected.isIcann, isPrivate: expected.isPrivate, publicSuffix: expected.publicSuffix }
      if (JSON.stringify(got) !== JSON.stringify(want) && out.length < 20) out.push(`${host} ${JSON.stringify(options)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`)
    }
  }
  return out
}

/** Every rule of the generated table, as written (`*` and `!` kept), read back from its lines. */
function rulesOf(text: string): string[] {
  const rules: string[] = []
  for (const line of text.split('\n')) {
    if (line === '') continue
    const [head = '', ...entries] = line.split(',')
    const [path = '', flag = ''] = head.split('=')
    // A line's own flag counts once: on the top-level line (nested lines repeat their entry's).
    if (!path.includes('.') && flag !== '0') rules.push(path)
    for (const entry of entries) {
      const plain = entry.endsWith('+') ? entry.slice(0, -1) : entry
      if (plain.slice(-1) !== '0') rules.push(`${plain.slice(0, -1)}.${path}`)
    }
  }
  return rules
}

describe('public suffix lookup from the generated table, against tldts', () => {
  const rules = rulesOf(SUFFIX_RULES)
  const exceptions = rulesOf(SUFFIX_EXCEPTIONS)

  test('the table holds the whole list', () => {
    expect(rules.length).toBeGreaterThan(10_000)
    expect(new Set(rules).size).toBe(rules.length)
    expect(exceptions.length).toBeGreaterThan(0)
    expect(rules).toContain('github.io')
    expect(rules).toContain('co.uk')
  })

  test('every rule, and hosts under it, read as tldts reads them', () => {
    const hosts: string[] = []
    for (const rule of [...rules, ...exceptions]) {
      const host = rule.replace(/\*/gu, 'wild')
      hosts.push(host, `site.${host}`, `a.b.${host}`, `${host}.`, `x.${host.split('.').slice(1).join('.')}`)
    }
    expect(mismatches(hosts)).toEqual([])
  })

  test('random hosts made of list labels and others', async () => {
    const fc = (await import('fast-check')).default
    const labels = ['a+b', 'a=b', 'a,b', 'com', 'jp', 'co', 'uk', 'github', 'io', 'blogspot', 'ck', 'www', 'kawasaki', 'city', 'bd', 'wild', 'a', '荒らし', 'рф', 'xn--p1ai', 'ac', 'amazonaws', 's3', 'us-east-1', 'compute', '', 'localhost', 'example', '*', '-x']
    const seen = new Set<string>()
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...labels), { minLength: 1, maxLength: 6 }), (parts) => {
        seen.add(parts.join('.'))
      }),
      { seed: 20261207, numRuns: 20_000 },
    )
    expect(mismatches(seen)).toEqual([])
  })
})
