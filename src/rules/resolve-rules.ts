import { CAMPAIGN_DOMAINS } from '../data/campaign-domains.js'
import { CAMPAIGN_SKELETONS_JSON, COMPILED_PHRASES_JSON } from '../data/compiled-lists.js'
import { CAMPAIGN_INVITE_CODES } from '../data/discord-invite-hosts.js'
import { SPAM_PHRASES } from '../data/spam-phrases.js'
import { URL_SHORTENERS } from '../data/url-shorteners.js'
import { SpamFilterConfigError } from '../errors.js'
import { createDomainSet, type DomainSet } from '../links/domain-set.js'
import { hostSkeleton } from '../text/deobfuscate.js'
import { createTextHosts, type TextHost } from '../links/discord-invite.js'
import type { HostPatterns } from '../text/host-patterns.js'
import { compilePhrase, createPhraseMatcher, type CompiledPhrase, type PhraseMatcher } from './phrase-pattern.js'
import type { RulesDocument } from './rules-document.js'
import type { CompiledUsernameRule } from './username-rule.js'
import { parseCheckedRules, type CheckedRules } from './validate-rules.js'

/** The built-in lists merged with the app's rules documents, compiled once. */
export interface ResolvedRules {
  /** Link domains that are spam; the value names the campaign, or the list (`''` for an unnamed one). */
  readonly blocked: DomainSet<BlockSource>
  /**
   * The Discord invite hosts and the blocked domains in the one multi-pattern matcher, compiled
   * once (`createTextHosts`): the link scan reads every text with it once, finding invites and
   * blocked domains written however cut (`ctkpaarr .org`, `荒らし . com`, `ctkpaarr org`).
   * @internal
   */
  readonly hostsInText: HostPatterns<TextHost<BlockSource>>
  /** Link domains no link signal flags. */
  readonly allowed: DomainSet<string>
  readonly shorteners: DomainSet<string>
  /** Author servers; the value says whether the server is blocked. */
  readonly servers: DomainSet<boolean>
  /** Discord invite codes of campaigns, lowercased, with the campaign. */
  readonly campaignInvites: ReadonlyMap<string, string>
  readonly phrases: readonly CompiledPhrase[]
  /** Every piece of every phrase in one multi-pattern matcher, compiled once (`createPhraseMatcher(phrases)`). */
  readonly phraseMatcher: PhraseMatcher
  /** Account name rules (Mastodon 4.4 username blocks), folded; empty without rules. */
  readonly usernames?: readonly CompiledUsernameRule[]
}

/** Why a link domain is blocked: a documented campaign, or a rules document's block list. */
export type BlockSource = { readonly campaign: string; readonly list?: undefined } | { readonly list: string; readonly campaign?: undefined }

/** What the rules option accepts: one document or several (parsed JSON or JSON text). */
export type RulesOption = RulesDocument | string | readonly (RulesDocument | string)[]

/** Most rules documents merged. */
export const MAX_RULES_DOCUMENTS = 100

/**
 * Merges the built-in lists (campaign domains, shorteners, wave phrases) with rules documents.
 * Every document is checked before anything is compiled, so an invalid one throws and nothing
 * of it applies. Lists add up; an allow list beats every block list; a server listed as blocked
 * anywhere is blocked.
 *
 * @param option - `options.rules`: a document, JSON text, or a list of them
 * @param path - the option path for errors
 * @returns the compiled rules
 * @throws SpamFilterConfigError naming the bad entry, e.g. `rules[1].phrases[3]`
 */
export function resolveRules(option?: RulesOption, path = 'rules'): ResolvedRules {
  if (option !== undefined && typeof option !== 'object' && typeof option !== 'string') {
    throw new SpamFilterConfigError(path, `must be a rules document or an array of them, got ${typeof option}`)
  }
  let many: boolean
  try {
    many = Array.isArray(option)
  } catch {
    throw new SpamFilterConfigError(path, 'could not be read (a revoked proxy)')
  }
  const documents: readonly unknown[] = option === undefined ? [] : many ? (option as readonly unknown[]) : [option]
  // Checked before any document is read: a sparse `Array(2 ** 32 - 1)` costs nothing.
  if (documents.length > MAX_RULES_DOCUMENTS) throw new SpamFilterConfigError(path, `has ${documents.length} documents, more than ${MAX_RULES_DOCUMENTS}`)
  const checked: CheckedRules[] = []
  for (let index = 0; index < documents.length; index++) checked.push(parseCheckedRules(documents[index], many ? `${path}[${index}]` : path))

  const blocked: [string, BlockSource][] = []
  for (const rules of checked) for (const domain of rules.document.blockDomains ?? []) blocked.push([domain, { list: rules.name ?? '' }])
  const fromDocuments = blocked.length
  for (const { domain, campaign } of CAMPAIGN_DOMAINS) blocked.push([domain, { campaign }])
  // Every blocked domain also as the layer reads it (`skeleton`), so a host written with
  // disguised letters (`荒らし.ᴄᴏᴍ`, `ctkpaarr.o%72g`) is matched through its skeleton. Not
  // for allow lists: a look-alike of an allowed domain must not be allowed. (The campaign
  // domains' skeletons come compiled: src/data/compiled-lists.ts.)
  const campaignSkeletons = builtInSkeletons()
  for (const [index, [domain, value]] of [...blocked].entries()) {
    const read = (index < fromDocuments ? undefined : campaignSkeletons.get(domain)) ?? hostSkeleton(domain)
    if (read !== domain) blocked.push([read, value])
  }

  const allowed: [string, string][] = []
  for (const rules of checked) for (const domain of rules.document.allowDomains ?? []) allowed.push([domain, rules.name ?? 'your allow list'])

  const shorteners: [string, string][] = URL_SHORTENERS.map((d) => [d, 'built-in'])
  for (const rules of checked) for (const domain of rules.document.shorteners ?? []) shorteners.push([domain, rules.name ?? 'your list'])

  const servers = new Map<string, boolean>()
  for (const rules of checked) {
    const lists = rules.document.servers
    for (const list of lists === undefined ? [] : Array.isArray(lists) ? lists : [lists]) {
      for (const domain of list.domains) servers.set(domain, servers.get(domain) === true || list.blocked === true)
    }
  }

  const phrases: CompiledPhrase[] = builtInPhrases()
  for (const rules of checked) for (const phrase of rules.phrases) phrases.push(phrase)

  return {
    blocked: createDomainSet(blocked),
    hostsInText: createTextHosts(blocked),
    allowed: createDomainSet(allowed),
    shorteners: createDomainSet(shorteners),
    servers: createDomainSet(servers),
    campaignInvites: new Map(CAMPAIGN_INVITE_CODES.map(({ code, campaign }) => [code.toLowerCase(), campaign])),
    phrases,
    phraseMatcher: createPhraseMatcher(phrases),
    usernames: checked.flatMap((rules) => rules.usernames),
  }
}

// The built-in lists as compiled by scripts/generate-compiled-lists.ts (test/rules/compiled-lists.test.ts
// checks them against the compilers); parsed on first use.
let skeletonTable: ReadonlyMap<string, string> | undefined
let phraseTable: readonly (readonly [string, string[][], string[][], string[][]])[] | undefined

/**
 * The skeletons of the campaign domains (a domain missing, from a list edited without
 * regenerating the table, is read by `hostSkeleton`).
 *
 * @returns domain → skeleton
 */
function builtInSkeletons(): ReadonlyMap<string, string> {
  if (skeletonTable !== undefined) return skeletonTable
  const table = new Map<string, string>()
  for (const [domain, read] of JSON.parse(CAMPAIGN_SKELETONS_JSON) as [string, string][]) table.set(domain, read === '' ? domain : read)
  return (skeletonTable = table)
}

/**
 * The built-in phrases (`SPAM_PHRASES`) compiled, new objects for each call: from the compiled
 * table, or compiled here for an entry the table does not hold as written.
 *
 * @returns the compiled phrases, in list order
 */
function builtInPhrases(): CompiledPhrase[] {
  phraseTable ??= JSON.parse(COMPILED_PHRASES_JSON) as [string, string[][], string[][], string[][]][]
  const phrases: CompiledPhrase[] = []
  SPAM_PHRASES.forEach(({ pattern, blatant, campaign }, index) => {
    const entry = phraseTable![index]
    if (entry !== undefined && entry[0] === pattern) {
      phrases.push({ pattern, required: entry[1], excluded: entry[2], blatant, note: campaign, words: entry[3] })
      return
    }
    const compiled = compilePhrase(pattern, blatant, campaign)
    if (typeof compiled !== 'string') phrases.push(compiled)
  })
  return phrases
}
