import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { SpamFilterConfigError } from '../../src/errors.js'
import { parseRules, validateRules } from '../../src/rules/validate-rules.js'

const EXAMPLE: unknown = JSON.parse(readFileSync(new URL('../../fixtures/rules/example.rules.json', import.meta.url), 'utf8'))

function thrown(run: () => unknown): SpamFilterConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof SpamFilterConfigError) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('validateRules', () => {
  test('accepts the example document', () => {
    expect(validateRules(EXAMPLE)).toEqual([])
  })

  test('accepts the example as JSON text', () => {
    expect(validateRules(JSON.stringify(EXAMPLE))).toEqual([])
  })

  test('accepts the smallest document', () => {
    expect(validateRules({ version: 1 })).toEqual([])
  })

  describe('names the bad entry', () => {
    // document | path | what the problem says
    test.each([
      [null, 'rules', 'must be an object'],
      [[], 'rules', 'must be an object'],
      ['{not json', 'rules', 'not valid JSON'],
      [{}, 'rules.version', 'must be 1'],
      [{ version: 2 }, 'rules.version', 'must be 1'],
      [{ version: 1, blokDomains: [] }, 'rules.blokDomains', 'not a known key'],
      [{ version: 1, name: 5 }, 'rules.name', 'must be a string'],
      [{ version: 1, blockDomains: 'a.example' }, 'rules.blockDomains', 'must be an array'],
      [{ version: 1, blockDomains: ['a.example', 'https://b.example/'] }, 'rules.blockDomains[1]', 'not a URL'],
      [{ version: 1, blockDomains: ['a.example', 'b.example', 'no spaces.example'] }, 'rules.blockDomains[2]', 'domain name'],
      [{ version: 1, blockDomains: ['localhost'] }, 'rules.blockDomains[0]', 'domain name'],
      [{ version: 1, blockDomains: ['github.io'] }, 'rules.blockDomains[0]', 'public suffix'],
      [{ version: 1, allowDomains: [42] }, 'rules.allowDomains[0]', 'domain name string'],
      [{ version: 1, shorteners: ['co.uk'] }, 'rules.shorteners[0]', 'public suffix'],
      [{ version: 1, servers: ['a.example'] }, 'rules.servers[0]', 'must be an object'],
      [{ version: 1, servers: { blocked: true } }, 'rules.servers.domains', 'is required'],
      [{ version: 1, servers: { domains: ['a.example'], blocked: 'yes' } }, 'rules.servers.blocked', 'true or false'],
      [{ version: 1, servers: [{ domains: [] }, { domains: ['a.example'], extra: 1 }] }, 'rules.servers[1].extra', 'not a known key'],
      [{ version: 1, phrases: 'spam' }, 'rules.phrases', 'must be an array'],
      [{ version: 1, phrases: ['a', 'b', 'c', '/disc(o|0)rd/'] }, 'rules.phrases[3]', 'regular expression'],
      [{ version: 1, phrases: ['"unclosed'] }, 'rules.phrases[0]', 'unclosed'],
      [{ version: 1, phrases: [7] }, 'rules.phrases[0]', 'pattern string'],
      [{ version: 1, phrases: [{ pattern: 'x', blatant: 'yes' }] }, 'rules.phrases[0].blatant', 'true or false'],
      [{ version: 1, phrases: [{ text: 'x' }] }, 'rules.phrases[0].text', 'not a known key'],
      [{ version: 1, phrases: [{ pattern: '' }] }, 'rules.phrases[0].pattern', 'is empty'],
    ])('%j at %s', (document, path, problem) => {
      const problems = validateRules(document)
      expect(problems[0]).toEqual({ path, problem: expect.stringContaining(problem) })
    })
  })

  test('lists every problem, not only the first', () => {
    expect(validateRules({ version: 1, blockDomains: ['x y'], phrases: ['/re/'] }).map((p) => p.path)).toEqual(['rules.blockDomains[0]', 'rules.phrases[0]'])
  })
})

describe('parseRules', () => {
  test('normalizes domains to lowercase Unicode form', () => {
    expect(parseRules({ version: 1, blockDomains: ['XN--68J5E377Y.COM', '*.Bad.Example', '.dot.example.'] }).blockDomains).toEqual(['荒らし.com', 'bad.example', 'dot.example'])
  })

  test('gives a document that parses again to itself', () => {
    const once = parseRules(EXAMPLE)
    expect(parseRules(once)).toEqual(once)
  })

  test('throws SpamFilterConfigError naming the first bad entry and counting the rest', () => {
    const error = thrown(() => parseRules({ version: 1, phrases: ['ok', 'fine', 'good', '/re/'], blockDomains: ['x y'] }))
    expect(error.option).toBe('rules.blockDomains[0]')
    expect(error.message).toContain('(and 1 more problem)')
  })

  test('names the document with the path given', () => {
    expect(thrown(() => parseRules({ version: 1, phrases: [1] }, 'rules[2]')).option).toBe('rules[2].phrases[0]')
  })
})
