import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { classifyStatus } from '../../src/classify.js'
import { SpamFilterConfigError } from '../../src/errors.js'
import { createSpamFilter } from '../../src/filter.js'
import { resolveRules } from '../../src/rules/resolve-rules.js'
import { makeStatus } from '../helpers/make-status.js'

const EXAMPLE: unknown = JSON.parse(readFileSync(new URL('../../fixtures/rules/example.rules.json', import.meta.url), 'utf8'))
// A link posted by someone neither new nor established: 3 followers, 10 posts.
const linkTo = (url: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>look <a href="${url}">${url}</a></p>`, account: { followers_count: 3, statuses_count: 10 } })

describe('resolveRules', () => {
  test('holds the built-in lists without documents', () => {
    const rules = resolveRules()
    expect(rules.blocked.match('ctkpaarr.org')?.value.campaign).toContain('February 2024')
    expect(rules.shorteners.match('bit.ly')).toBeDefined()
    expect(rules.servers.size).toBe(0)
    expect(rules.phrases.length).toBeGreaterThan(10)
  })

  test('merges documents over the built-in lists', () => {
    const rules = resolveRules([EXAMPLE as never, { version: 1, blockDomains: ['more.example'], servers: { domains: ['open-registration.example'], blocked: true } }])
    expect(rules.blocked.match('x.bad-links.example')?.value).toEqual({ list: 'Example community list' })
    expect(rules.blocked.match('more.example')?.value).toEqual({ list: '' })
    expect(rules.blocked.match('krsw-wiki.org')).toBeDefined()
    expect(rules.allowed.match('bit.ly')).toBeDefined()
    expect(rules.shorteners.match('tiny.example')).toBeDefined()
    // Blocked in any list wins over listed.
    expect(rules.servers.match('open-registration.example')?.value).toBe(true)
    expect(rules.servers.match('abandoned.example')?.value).toBe(true)
    expect(rules.phrases.map((p) => p.pattern)).toContain('"join my private server" discord')
  })

  describe('throws SpamFilterConfigError naming the entry', () => {
    // option | path
    test.each([
      [{ version: 1, phrases: ['a', 'b', 'c', '/x/'] }, 'rules.phrases[3]'],
      [[{ version: 1 }, { version: 1, blockDomains: ['http://x.example'] }], 'rules[1].blockDomains[0]'],
      [42, 'rules'],
    ])('%j → %s', (option, path) => {
      expect(() => resolveRules(option as never)).toThrow(expect.objectContaining({ name: 'SpamFilterConfigError', option: path }) as unknown as Error)
    })
  })
})

describe('options.rules', () => {
  test('blocks a link domain of a document', () => {
    expect(classifyStatus(linkTo('https://spam-campaign.example/x'), { rules: EXAMPLE as never }).label).toBe('spam')
    expect(classifyStatus(linkTo('https://spam-campaign.example/x')).label).toBe('clean')
  })

  test('does not block another site under the same private suffix', () => {
    const verdict = classifyStatus(linkTo('https://bar.github.io/x'), { rules: EXAMPLE as never })
    expect(verdict.reasons.map((r) => r.signal)).not.toContain('campaign-domain')
  })

  test('lets an allow list beat the built-in campaign list', () => {
    const verdict = classifyStatus(linkTo('https://ctkpaarr.org/'), { rules: { version: 1, allowDomains: ['ctkpaarr.org'] } })
    expect(verdict.reasons.map((r) => r.signal)).not.toContain('campaign-domain')
  })

  test('accepts JSON text', () => {
    expect(classifyStatus(linkTo('https://spam-campaign.example/x'), { rules: JSON.stringify(EXAMPLE) }).label).toBe('spam')
  })

  test('applies nothing of an invalid document: createSpamFilter throws before any filter exists', () => {
    const bad = { version: 1, blockDomains: ['hello.example'], phrases: ['ok', '/bad/'] }
    expect(() => createSpamFilter({ rules: [EXAMPLE as never, bad as never] })).toThrow(SpamFilterConfigError)
    expect(() => createSpamFilter({ rules: [EXAMPLE as never, bad as never] })).toThrow('option rules[1].phrases[1]')
    // A filter built before keeps its own rules, untouched by the failed one.
    const filter = createSpamFilter({ rules: EXAMPLE as never })
    expect(() => createSpamFilter({ rules: bad as never })).toThrow(SpamFilterConfigError)
    expect(filter.classify(linkTo('https://hello.example/')).reasons.map((r) => r.signal)).not.toContain('campaign-domain')
    expect(filter.classify(linkTo('https://spam-campaign.example/')).label).toBe('spam')
  })
})
