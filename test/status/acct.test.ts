import { describe, expect, test } from 'vitest'
import { acctHost, canonicalAcct } from '../../src/status/acct.js'

describe('canonicalAcct', () => {
  // acct | local host | canonical
  test.each([
    ['alice@example.social', undefined, 'alice@example.social'],
    ['Alice@Example.Social', undefined, 'alice@example.social'],
    ['@alice@example.social', undefined, 'alice@example.social'],
    ['  alice@example.social ', undefined, 'alice@example.social'],
    ['alice', undefined, 'alice'],
    ['alice', 'Example.Social', 'alice@example.social'],
    ['alice', '', 'alice'],
    ['bob@remote.example', 'example.social', 'bob@remote.example'],
    ['@', 'example.social', ''],
    ['', 'example.social', ''],
  ])('%j on %j is %j', (acct, host, canonical) => {
    expect(canonicalAcct(acct, host)).toBe(canonical)
  })
})

describe('acctHost', () => {
  // acct | profile url | host
  test.each([
    ['alice@example.social', undefined, 'example.social'],
    ['alice@example.social', 'https://other.example/@alice', 'example.social'],
    ['alice', 'https://Example.Social/@alice', 'example.social'],
    ['alice', 'http://example.social:3000/@alice', 'example.social'],
    ['alice', 'https://example.social', 'example.social'],
    ['alice', undefined, undefined],
    ['alice', 'not a url', undefined],
    ['alice', 'javascript:alert(1)', undefined],
    ['alice@', undefined, undefined],
  ])('of %j with %j is %j', (acct, url, host) => {
    expect(acctHost(acct, url)).toBe(host)
  })
})
