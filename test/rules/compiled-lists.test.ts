import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { CAMPAIGN_DOMAINS } from '../../src/data/campaign-domains.js'
import { SPAM_PHRASES } from '../../src/data/spam-phrases.js'
import { compilePhrase } from '../../src/rules/phrase-pattern.js'
import { resolveRules, type ResolvedRules } from '../../src/rules/resolve-rules.js'
import { deobfuscate, skeleton } from '../../src/text/deobfuscate.js'
import { compiledLists, compiledListsSource } from '../helpers/compiled-lists-source.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** resolveRules from a fresh module graph in which the compiled table is empty: every entry compiled at run time (the plain reference). */
async function resolveWithoutTable(): Promise<typeof resolveRules> {
  vi.resetModules()
  vi.doMock('../../src/data/compiled-lists.js', () => ({ COMPILED_PHRASES_JSON: '[]', CAMPAIGN_SKELETONS_JSON: '[]', HOST_PATTERNS_JSON: '[]' }))
  try {
    return (await import('../../src/rules/resolve-rules.js')).resolveRules
  } finally {
    vi.doUnmock('../../src/data/compiled-lists.js')
    vi.resetModules()
  }
}

function fixtureTexts(): string[] {
  const texts: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.json') && name !== 'manifest.json') {
        const status = JSON.parse(readFileSync(path, 'utf8')) as { content?: unknown; spoiler_text?: unknown; account?: { display_name?: unknown } }
        for (const text of [status.content, status.spoiler_text, status.account?.display_name]) if (typeof text === 'string' && text !== '') texts.push(text)
      }
    }
  }
  walk(join(root, 'fixtures/statuses'))
  return texts
}

const listed = [
  ...SPAM_PHRASES.map((p) => p.pattern),
  ...CAMPAIGN_DOMAINS.flatMap(({ domain }) => [domain, `https://${domain}/x`, `${domain.split('.').join(' . ')}`, domain.replace(/\./gu, ' ')]),
  'discord.gg/abcdef ptb.discord.com/invite/xyz 荒らし . com',
]

function sameMatches(a: ResolvedRules, b: ResolvedRules, texts: readonly string[]): void {
  for (const text of texts) {
    const read = deobfuscate(text).text
    expect(a.hostsInText.find(read, { all: true, openEnd: true }), text).toEqual(b.hostsInText.find(read, { all: true, openEnd: true }))
    expect(a.hostsInText.find(read), text).toEqual(b.hostsInText.find(read))
    expect(a.phraseMatcher.matchSkeleton(skeleton(text)).map((p) => p.pattern), text).toEqual(b.phraseMatcher.matchSkeleton(skeleton(text)).map((p) => p.pattern))
  }
}

describe('compiled built-in lists (src/data/compiled-lists.ts)', () => {
  it('is what the generator writes from the lists and the compilers (regenerate: npx tsx scripts/generate-compiled-lists.ts)', () => {
    expect(readFileSync(join(root, 'src/data/compiled-lists.ts'), 'utf8')).toBe(compiledListsSource())
  })

  it('covers every built-in phrase and campaign domain', () => {
    const { phrases, skeletons } = compiledLists()
    expect(phrases.map(([pattern]) => pattern)).toEqual(SPAM_PHRASES.map((p) => p.pattern))
    expect(skeletons.map(([domain]) => domain)).toEqual(CAMPAIGN_DOMAINS.map((d) => d.domain))
  })

  it('gives the same compiled rules as compiling every entry at run time', async () => {
    const reference = await resolveWithoutTable()
    const withTable = resolveRules()
    const plain = reference()
    expect(withTable.phrases).toEqual(plain.phrases)
    expect(withTable.phrases).toEqual(SPAM_PHRASES.map(({ pattern, blatant, campaign }) => compilePhrase(pattern, blatant, campaign)))
    expect(withTable.hostsInText.matcher.patterns).toEqual(plain.hostsInText.matcher.patterns)
    expect(withTable.hostsInText.size).toBe(plain.hostsInText.size)
    expect(withTable.phraseMatcher.pieces.patterns).toEqual(plain.phraseMatcher.pieces.patterns)
    for (const { domain } of CAMPAIGN_DOMAINS) for (const host of [domain, `www.${domain}`, skeleton(domain)]) expect(withTable.blocked.match(host), host).toEqual(plain.blocked.match(host))
    sameMatches(withTable, plain, [...listed, ...fixtureTexts()])
  })

  it('gives the same rules with documents as without the table', async () => {
    const reference = await resolveWithoutTable()
    const doc = { version: 1 as const, name: 'mine', blockDomains: ['ctkpaarr.org', 'rnastodon.example'], phrases: ['"free followers"', 'verif* -support'] }
    const withTable = resolveRules(doc)
    const plain = reference(doc)
    expect(withTable.phrases).toEqual(plain.phrases)
    expect(withTable.hostsInText.matcher.patterns).toEqual(plain.hostsInText.matcher.patterns)
    sameMatches(withTable, plain, [...listed, 'ctkpaarr org', 'rn astodon . example', 'verify now free followers'])
  })
})
