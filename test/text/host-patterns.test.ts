import { describe, expect, test } from 'vitest'
import { DISCORD_INVITE_HOSTS } from '../../src/data/discord-invite-hosts.js'
import { CAMPAIGN_DOMAINS } from '../../src/data/campaign-domains.js'
import { createHostPatterns, hostPatterns, MAX_HOST_GAP } from '../../src/text/host-patterns.js'
import { createMultiPatternMatcher, spansGate } from '../../src/text/multi-pattern.js'
import { skeleton } from '../../src/text/deobfuscate.js'
import { createRandom as prng } from '../../eval/prng.js'
import { referenceFind, referenceOccurrences, type Occurrence } from './multi-pattern-reference.js'

describe('hostPatterns', () => {
  test.each([
    ['ctkpaarr.org', ['ctkpaarr.org', 'ctkpaarrorg']],
    ['荒らし.com', ['荒らし.com', '荒らしcom']],
    ['krsw-wiki.org', ['krswwiki.org', 'krswwikiorg']],
    // Fewer than 6 letters before the top-level domain: the dot must be there.
    ['dsc.gg', ['dsc.gg']],
    ['my.life', ['my.life']],
    ['', []],
  ])('%s', (host, patterns) => {
    expect(hostPatterns(host)).toEqual(patterns)
  })
})

describe('scanSpans (the compacted scan) equals the plain reference', () => {
  const textAlphabet = ['a', 'b', 'c', '.', ' ', '  ', '-', '/', '@', '\n', '#', '1', '荒', 'ら', 'д', '😀', '𝐝', '\u0301', '\ud800', 'ab.c', '       ']
  const patternAlphabet = ['a', 'b', 'c', '.', '荒', 'ら', 'д', '𝐝', '1', '#']
  test('every occurrence, with its span, for random pattern sets and texts of any script', () => {
    const random = prng(20261207)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    for (let run = 0; run < 3000; run++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(patternAlphabet)).join(''))
      const text = Array.from({ length: Math.floor(random() * 30) }, () => pick(textAlphabet)).join('')
      const maxGap = Math.floor(random() * 4)
      // The gate from the first scan (`gateAfter: 0`): the gated scan is what is compared; with
      // the dense table from the first scan and without it (the edge map alone).
      for (const denseAfter of [0, 1e9]) {
        const got: Occurrence[] = []
        createMultiPatternMatcher(patterns, { gateAfter: 0, denseAfter }).scanSpans(text, maxGap, (id, start, end) => {
          got.push({ id, start, end })
          return false
        })
        expect({ patterns, text, maxGap, denseAfter, got }).toEqual({ patterns, text, maxGap, denseAfter, got: referenceOccurrences(patterns, text, maxGap) })
      }
    }
  })

  test('a pattern accepted once is not reported again', () => {
    const got: number[] = []
    createMultiPatternMatcher(['ab', 'b']).scanSpans('ab ab ab', 0, (id) => {
      got.push(id)
      return id === 0
    })
    expect(got).toEqual([0, 1, 1, 1])
  })
})

describe('the native gate of scanSpans never rejects a text holding a match', () => {
  // Characters the scan keeps (letters of any script, capitals, digits, `#`, `.`, astral letters),
  // skips (punctuation, marks, emoji, a lone surrogate), or ends a host at; patterns may hold
  // characters the scan never keeps (such a pattern is never found).
  const patternAlphabet = ['a', 'b', 'c', 'A', '.', '#', '1', '荒', 'ー', 'д', '𝐝', '😀', '-', '・', '\u0301', 'ab', 'ba']
  const textAlphabet = ['a', 'b', 'c', 'A', '.', '#', '1', '荒', 'ー', 'д', '𝐝', '𝐞', '😀', '\ud835', '\ud835\udc1d'.slice(1), ' ', '  ', '-', '・', '\u0301', '/', '@', '\n', '       ', 'ab', 'ba']
  test('gated scanSpans equals the ungated scan, and the gate passes every text with an occurrence', () => {
    const random = prng(4242)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    let matched = 0
    let rejected = 0
    for (let run = 0; run < 6000; run++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(patternAlphabet)).join(''))
      const maxGap = Math.floor(random() * 9)
      // Texts of random characters, and of patterns cut by random gaps (so many hold a match).
      const text = Array.from({ length: Math.floor(random() * 14) }, () => {
        if (random() < 0.7) return pick(textAlphabet)
        return [...pick(patterns)].map((char) => char + (random() < 0.5 ? '' : Array.from({ length: Math.floor(random() * 4) }, () => pick(textAlphabet)).join(''))).join('')
      }).join('')
      const matcher = createMultiPatternMatcher(patterns, { gateAfter: 0 })
      const gated: Occurrence[] = []
      const ungated: Occurrence[] = []
      matcher.scanSpans(text, maxGap, (id, start, end) => (gated.push({ id, start, end }), false))
      matcher.scanSpansUngated(text, maxGap, (id, start, end) => (ungated.push({ id, start, end }), false))
      expect({ patterns, text, maxGap, gated }).toEqual({ patterns, text, maxGap, gated: ungated })
      const gate = spansGate(patterns, maxGap)
      if (ungated.length > 0) {
        matched++
        expect({ patterns, text, maxGap, passes: gate === null || gate.test(text) }).toEqual({ patterns, text, maxGap, passes: true })
      } else if (gate !== null && !gate.test(text)) {
        rejected++
      }
    }
    // The fuzz reaches both sides: texts with occurrences, and texts the gate spares the scan.
    expect(matched).toBeGreaterThan(1000)
    expect(rejected).toBeGreaterThan(1000)
  })

  test('it spares the scan of an ordinary text for the invite hosts and campaign domains', () => {
    const hosts = createHostPatterns([...DISCORD_INVITE_HOSTS.map((h) => [h.host, 1] as const), ...CAMPAIGN_DOMAINS.map((c) => [c.domain, 2] as const)])
    const gate = spansGate(hosts.matcher.patterns, MAX_HOST_GAP)
    expect(gate).not.toBeNull()
    expect(gate!.test('can i invite you to the discussion? disco night at the club, see discord')).toBe(false)
    expect(gate!.test('join d i s c o r d . g g / abc')).toBe(true)
  })

  test('no gate for a pattern that starts with a surrogate, or for a long maxGap', () => {
    expect(spansGate(['𝐝a'], 2)).toBeNull()
    expect(spansGate(['ab'], 100)).toBeNull()
    // A pattern the scan can never find needs no scan.
    expect(spansGate(['a-b'], 2)!.test('a-b ab')).toBe(false)
  })

  test('the gate reads a long text without backtracking blow-up (one regex branch per character)', () => {
    const gate = spansGate(['aaaaaaab', 'aaaaaac', '荒荒荒荒荒荒荒x'], 16)!
    // Each character of the trie is left out of the gap class: a run of 荒 is read one way (with 荒
    // in the class, each of the 8 levels could take 0–16 of them: up to 17⁷ ways at each offset).
    expect(gate.test('荒'.repeat(20_000))).toBe(false)
    expect(gate.test(`${'a '.repeat(20_000)}${'a'.repeat(20_000)}`)).toBe(false)
    expect(gate.test(`${'荒'.repeat(100)} 荒 -荒荒荒荒荒荒x`)).toBe(true)
    expect(gate.test(`${'a '.repeat(100)}a a a a a a -c`)).toBe(true)
  })
})

describe('createHostPatterns(…).find equals the plain reference', () => {
  const hostAlphabet = ['a', 'b', 'ab', 'ba', '荒', 'ら', 'д', '1', 'abc', 'bca']
  const textAlphabet = ['a', 'b', 'c', '.', ' ', '. ', '-', '_', '/', '\n', '荒', 'ら', 'し', 'д', 'ж', '😀', '𝐝', 'ab', 'ba', 'abc.ba']
  for (const [all, openEnd] of [
    [false, false],
    [true, false],
    [true, true],
  ] as const) {
    test(`all: ${all}, openEnd: ${openEnd}`, () => {
      const random = prng(all ? (openEnd ? 3 : 2) : 1)
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
      for (let run = 0; run < 2000; run++) {
        const label = (): string => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(hostAlphabet)).join('')
        const hosts: string[] = []
        for (let h = Math.floor(random() * 5); h >= 0; h--) {
          const host = `${label()}.${pick(['com', 'gg', 'a'])}`
          hosts.push(host)
          // A subdomain of a listed host, listed too (`ptb.discord.com` and `discord.com`).
          if (random() < 0.4) hosts.push(`${label()}.${host}`)
        }
        // Texts from the alphabet and from the hosts themselves, with or without their dots.
        const text = Array.from({ length: Math.floor(random() * 16) }, () => (random() < 0.15 ? pick(hosts) : random() < 0.1 ? pick(hosts).replace(/\./gu, ' ') : pick(textAlphabet))).join('')
        const compiled = createHostPatterns(hosts.map((h) => [h, h] as const), { gateAfter: 0 })
        const patterns: string[] = []
        const owners: string[][] = []
        for (const host of hosts) {
          for (const pattern of hostPatterns(host)) {
            const id = patterns.indexOf(pattern)
            if (id < 0) {
              patterns.push(pattern)
              owners.push([host])
            } else if (!owners[id]!.includes(host)) {
              owners[id]!.push(host)
            }
          }
        }
        const got = compiled.find(text, { all, openEnd }).map(({ host, start, end }) => ({ host, start, end }))
        expect({ hosts, text, got }).toEqual({ hosts, text, got: referenceFind(owners, patterns, text, MAX_HOST_GAP, all, openEnd) })
      }
    })
  }
})

describe('the one matcher stays linear for host lists', () => {
  test('10,000 hosts: a text 4× as long takes about 4× the steps', () => {
    const random = prng(99)
    const letters = 'abcdefghijklmnopqrstuvwxyzабвгдежз荒らし'
    const word = (): string => Array.from({ length: 3 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * letters.length)]).join('')
    const hosts = Array.from({ length: 10_000 }, () => `${word()}.${word().slice(0, 3)}`)
    const compiled = createHostPatterns(hosts.map((h) => [h, true] as const))
    const text = (length: number): string => {
      let out = ''
      while (out.length < length) out += `${word()}${random() < 0.3 ? ' . ' : ' '}`
      return out.slice(0, length)
    }
    const steps = (t: string): number => compiled.matcher.scanSpans(t, MAX_HOST_GAP, () => false)
    const short = steps(text(25_000))
    const long = steps(text(100_000))
    expect(long / short).toBeGreaterThan(3)
    expect(long / short).toBeLessThan(5)
    // A few steps a character: transitions, failure links, reports.
    expect(long).toBeLessThan(4 * 100_000)
  })

  test('stays linear on text that walks failure links and reports at every position', () => {
    const matcher = createMultiPatternMatcher(Array.from({ length: 200 }, (_, i) => `${'a'.repeat(i + 1)}`))
    const steps = (n: number): number => matcher.scanSpans('a '.repeat(n), 2, () => false)
    expect(steps(40_000) / steps(10_000)).toBeGreaterThan(3.5)
    expect(steps(40_000) / steps(10_000)).toBeLessThan(4.5)
  })
})

describe('hosts cut in text: a table per disguise class and pattern kind', () => {
  const campaigns = createHostPatterns(CAMPAIGN_DOMAINS.map((c) => [c.domain, c.campaign] as const))
  const invites = createHostPatterns(DISCORD_INVITE_HOSTS.map((h) => [h.host, h.invitePath] as const))
  // class | text | host
  test.each([
    ['cut by a space before the dot', 'see ctkpaarr .org', 'ctkpaarr.org'],
    ['cut by spaces around the dot', '荒らし . com', '荒らし.com'],
    ['cut by a space instead of the dot', 'ctkpaarr org now', 'ctkpaarr.org'],
    ['cut by a space inside a word', 'ctk paarr.org', 'ctkpaarr.org'],
    ['cut by punctuation', 'krsw-wiki, org', 'krsw-wiki.org'],
    ['cut by an emoji', 'moonx🚀trade.com', 'moonxtrade.com'],
    ['cut by a line break', 'midokuriserver\n.github.io', 'midokuriserver.github.io'],
    ['spelled dot with a space', 'ctkpaarr dot  org', 'ctkpaarr.org'],
    ['spelled dot in brackets with spaces', 'ctkpaarr [ . ] org', 'ctkpaarr.org'],
    ['glued to Japanese', 'この荒らし . comへ', '荒らし.com'],
  ])('campaign domain %s', (_class, text, host) => {
    expect(campaigns.find(skeleton(text)).map((h) => h.host)).toEqual([host])
  })

  test.each([
    ['cut by a space before the dot', 'discord .gg/abc', 'discord.gg'],
    ['cut by a space instead of the dot', 'discord gg/abc', 'discord.gg'],
    ['cut by punctuation', 'dis, cord.gg/abc', 'discord.gg'],
    ['cut by an emoji', 'discord🎮.gg/abc', 'discord.gg'],
    ['cut by a line break', 'discord\n.gg/abc', 'discord.gg'],
    ['spelled dot with a space', 'discord dot  gg/abc', 'discord.gg'],
  ])('invite host %s', (_class, text, host) => {
    expect(invites.find(skeleton(text), { all: true, openEnd: true }).map((h) => h.host)).toEqual([host])
  })

  // text | why it is not a listed host
  test.each([
    ['notctkpaarr.org', 'a longer word before'],
    ['ctkpaarr.orgs', 'a longer word after'],
    ['my-ctkpaarr.org', 'a hyphenated longer name'],
    ['ctkpaarr/org', 'a slash ends a host'],
    ['ctkpaarr          org', 'too far apart'],
    ['ctkpaarr@org', 'an @ ends a host'],
    ['荒らしcomic', 'a Latin word runs on'],
    ['my life', 'a short name needs its dot'],
  ])('no campaign domain in %j (%s)', (text) => {
    expect(createHostPatterns([...CAMPAIGN_DOMAINS.map((c) => [c.domain, 1] as const), ['my.life', 1] as const]).find(skeleton(text))).toEqual([])
  })
})

describe('the gate of a long list in many scripts', () => {
  test('stays small (a shallower trie) and still passes texts with listed hosts', () => {
    const letters = [...'荒らし共栄圏한국괴물군абвгдежзийклмнопрстуфхцчшщыэюяαβγδεζηθικλμνξοπρστυφχψω', ...Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7))]
    const hosts = Array.from({ length: 3000 }, (_, i) => `${letters[i % letters.length]}${letters[(i * 7) % letters.length]}${letters[(i * 13) % letters.length]}${i}.com`)
    const compiled = createHostPatterns(hosts.map((h) => [h, true] as const))
    const gate = spansGate(compiled.matcher.patterns, MAX_HOST_GAP)!
    expect(gate.source.length).toBeLessThan(200_000)
    for (const host of hosts.slice(0, 300)) {
      const text = skeleton(`see ${host} now, ${host.replace('.', ' . ')}`)
      const spans = (scan: typeof compiled.matcher.scanSpans): number[][] => {
        const got: number[][] = []
        scan(text, MAX_HOST_GAP, (id, start, end) => (got.push([id, start, end]), false))
        return got
      }
      const ungated = spans(compiled.matcher.scanSpansUngated)
      expect(ungated.length).toBeGreaterThan(0)
      expect(spans(compiled.matcher.scanSpans)).toEqual(ungated)
    }
  })
})

describe('the gate is built after the first scans', () => {
  test('the first 32 scans read every text; then the gate spares the scan (steps 0), with the same reports', () => {
    const matcher = createMultiPatternMatcher(['discord.gg', 'ctkpaarr.org'])
    const steps = (text: string): number => matcher.scanSpans(text, MAX_HOST_GAP, () => false)
    // `di` and `ct` start hosts: the scan takes steps there, the gate reads no `dis` nor `ctk`.
    for (let k = 0; k < 32; k++) expect(steps('dig a ctx')).toBeGreaterThan(0)
    expect(steps('dig a ctx')).toBe(0)
    const found: number[] = []
    matcher.scanSpans('join d i s c o r d . g g', MAX_HOST_GAP, (id) => (found.push(id), false))
    expect(found).toEqual([0])
  })
})
