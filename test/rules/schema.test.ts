import { readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { validateRules } from '../../src/rules/validate-rules.js'

interface JsonSchema {
  readonly properties: Readonly<Record<string, unknown>>
  readonly required: readonly string[]
  readonly additionalProperties: boolean
}

const schema = JSON.parse(readFileSync(new URL('../../schema/rules.v1.json', import.meta.url), 'utf8')) as JsonSchema

describe('schema/rules.v1.json', () => {
  test('documents exactly the keys the validator knows', () => {
    const keys = Object.keys(schema.properties)
    for (const key of keys.filter((k) => k !== 'version')) expect(validateRules({ version: 1, [key]: undefined })).toEqual([])
    expect(validateRules({ version: 1, notInSchema: true })[0]?.problem).toContain(`known: ${['$schema', 'version', 'name', 'description', 'blockDomains', 'allowDomains', 'shorteners', 'servers', 'phrases', 'usernames'].join(', ')}`)
    expect(keys.sort()).toEqual(['$schema', 'allowDomains', 'blockDomains', 'description', 'name', 'phrases', 'servers', 'shorteners', 'usernames', 'version'])
  })

  test('requires the version and allows no other keys, like the validator', () => {
    expect(schema.required).toEqual(['version'])
    expect(schema.additionalProperties).toBe(false)
    expect(validateRules({})[0]?.path).toBe('rules.version')
  })
})
