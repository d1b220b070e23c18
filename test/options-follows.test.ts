import { describe, expect, test } from 'vitest'
import { resolveViewer } from '../src/options.js'

// Apps fill follow sets from `account.acct`, which keeps the case people chose (`Alice`), and
// local accounts have no host: every spelling must find the canonical acct the signals ask for.
describe('viewer.follows compares canonical accts', () => {
  // columns: how the app wrote the entry, the canonical acct a signal asks about
  const SPELLINGS = [
    ['Alice@Example.Social', 'alice@example.social'],
    ['@Bob@Other.Example', 'bob@other.example'],
    ['Carol', 'carol@home.example'],
    ['  dave@x.example ', 'dave@x.example'],
  ] as const

  test.each(SPELLINGS)('a Set holding %j follows %s', (entry, acct) => {
    const viewer = resolveViewer({ acct: 'me@home.example', follows: new Set([entry]) })
    expect(viewer.follows(acct)).toBe(true)
    expect(viewer.follows('someone@else.example')).toBe(false)
  })

  test.each(SPELLINGS)('an array holding %j follows %s', (entry, acct) => {
    const viewer = resolveViewer({ acct: 'me@home.example', follows: [entry] })
    expect(viewer.follows(acct)).toBe(true)
    expect(viewer.follows('someone@else.example')).toBe(false)
  })

  test('a live Set: entries added or removed later, in any case, are seen', () => {
    const set = new Set<string>(['x@a.example'])
    const viewer = resolveViewer({ acct: 'me@home.example', follows: set })
    expect(viewer.follows('eve@b.example')).toBe(false)
    set.add('Eve@B.Example')
    expect(viewer.follows('eve@b.example')).toBe(true)
    set.delete('Eve@B.Example')
    expect(viewer.follows('eve@b.example')).toBe(false)
  })

  test('a Set with non-string entries is read without throwing', () => {
    const viewer = resolveViewer({ follows: new Set<unknown>([7, null, 'Zed@Z.Example']) as ReadonlySet<string> })
    expect(viewer.follows('zed@z.example')).toBe(true)
  })
})
