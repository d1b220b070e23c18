import { SpamFilterConfigError } from '../errors.js'
import { normalizeDomainEntry } from './domain-entry.js'
import { compilePhrase, type CompiledPhrase } from './phrase-pattern.js'
import { foldUsername, type CompiledUsernameRule } from './username-rule.js'
import type { RulesDocument, RulesProblem, ServerList } from './rules-document.js'

/** A rules document checked and compiled, ready to merge. */
export interface CheckedRules {
  readonly document: RulesDocument
  readonly name: string | undefined
  readonly phrases: readonly CompiledPhrase[]
  readonly usernames: readonly CompiledUsernameRule[]
}

const KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['$schema', 'version', 'name', 'description', 'blockDomains', 'allowDomains', 'shorteners', 'servers', 'phrases', 'usernames'])
const MAX_ENTRIES = 100_000

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : (JSON.stringify(value) ?? String(value)).slice(0, 80))

function domainList(value: unknown, path: string, problems: RulesProblem[]): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of domain names' })
    return []
  }
  if (value.length > MAX_ENTRIES) problems.push({ path, problem: `has more than ${MAX_ENTRIES} entries` })
  const domains: string[] = []
  value.forEach((entry: unknown, index) => {
    const result = normalizeDomainEntry(entry)
    if (typeof result === 'string') problems.push({ path: `${path}[${index}]`, problem: result })
    else domains.push(result.domain)
  })
  return domains
}

function optionalString(record: Record<string, unknown>, key: string, path: string, problems: RulesProblem[]): string | undefined {
  const value = record[key]
  if (value !== undefined && typeof value !== 'string') problems.push({ path: `${path}.${key}`, problem: `must be a string, got ${show(value)}` })
  return typeof value === 'string' ? value : undefined
}

function serverLists(value: unknown, path: string, problems: RulesProblem[]): ServerList[] {
  if (value === undefined) return []
  const lists = Array.isArray(value) ? value : [value]
  return lists.map((list: unknown, index) => {
    const at = Array.isArray(value) ? `${path}[${index}]` : path
    if (!isObject(list)) {
      problems.push({ path: at, problem: 'must be an object { domains, blocked? }' })
      return { domains: [] }
    }
    for (const key of Object.keys(list)) {
      if (key !== 'domains' && key !== 'blocked') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: domains, blocked)' })
    }
    if (list.blocked !== undefined && typeof list.blocked !== 'boolean') problems.push({ path: `${at}.blocked`, problem: `must be true or false, got ${show(list.blocked)}` })
    if (list.domains === undefined) problems.push({ path: `${at}.domains`, problem: 'is required' })
    return { domains: domainList(list.domains, `${at}.domains`, problems), blocked: list.blocked === true }
  })
}

function usernameList(value: unknown, path: string, problems: RulesProblem[]): CompiledUsernameRule[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of usernames or { username, comparison?, blocked? }' })
    return []
  }
  if (value.length > MAX_ENTRIES) problems.push({ path, problem: `has more than ${MAX_ENTRIES} entries` })
  const rules: CompiledUsernameRule[] = []
  value.slice(0, MAX_ENTRIES).forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`
    const rule = typeof entry === 'string' ? { username: entry } : entry
    if (!isObject(rule)) return void problems.push({ path: at, problem: `must be a username or { username, comparison?, blocked? }, got ${show(entry)}` })
    for (const key of Object.keys(rule)) {
      if (key !== 'username' && key !== 'comparison' && key !== 'blocked' && key !== 'note') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: username, comparison, blocked, note)' })
    }
    const { username, comparison, blocked } = rule
    if (typeof username !== 'string' || username.trim() === '') return void problems.push({ path: typeof entry === 'string' ? at : `${at}.username`, problem: `must be a non-empty username, got ${show(username)}` })
    if (comparison !== undefined && comparison !== 'equals' && comparison !== 'contains') problems.push({ path: `${at}.comparison`, problem: `must be "equals" or "contains", got ${show(comparison)}` })
    if (blocked !== undefined && typeof blocked !== 'boolean') problems.push({ path: `${at}.blocked`, problem: `must be true or false, got ${show(blocked)}` })
    const name = username.trim().replace(/^@/u, '')
    const folded = foldUsername(name)
    if (folded.length < 2) return void problems.push({ path: typeof entry === 'string' ? at : `${at}.username`, problem: `must be at least 2 letters, so it cannot match nearly every name, got ${show(username)}` })
    rules.push({ username: name, folded, comparison: comparison === 'equals' ? 'equals' : 'contains', blocked: blocked !== false })
  })
  return rules
}

function phraseList(value: unknown, path: string, name: string | undefined, problems: RulesProblem[]): CompiledPhrase[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of phrase patterns' })
    return []
  }
  if (value.length > MAX_ENTRIES) problems.push({ path, problem: `has more than ${MAX_ENTRIES} entries` })
  const phrases: CompiledPhrase[] = []
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`
    let pattern: unknown = entry
    let blatant = false
    if (isObject(entry)) {
      for (const key of Object.keys(entry)) {
        if (key !== 'pattern' && key !== 'blatant' && key !== 'note') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: pattern, blatant, note)' })
      }
      pattern = entry.pattern
      if (entry.blatant !== undefined && typeof entry.blatant !== 'boolean') problems.push({ path: `${at}.blatant`, problem: `must be true or false, got ${show(entry.blatant)}` })
      blatant = entry.blatant === true
      if (entry.note !== undefined && typeof entry.note !== 'string') problems.push({ path: `${at}.note`, problem: `must be a string, got ${show(entry.note)}` })
    }
    if (typeof pattern !== 'string') {
      problems.push({ path: isObject(entry) ? `${at}.pattern` : at, problem: `must be a pattern string, got ${show(pattern)}` })
      return
    }
    const compiled = compilePhrase(pattern, blatant, name)
    if (typeof compiled === 'string') problems.push({ path: isObject(entry) ? `${at}.pattern` : at, problem: `${compiled} (${show(pattern)})` })
    else phrases.push(compiled)
  })
  return phrases
}

/**
 * Checks a rules document completely and lists every problem (an editor can show them all).
 *
 * @param value - the document: parsed JSON, or JSON text
 * @param path - the path naming the document in problems
 * @returns the problems (empty when the document is valid) and, when valid, the checked rules
 */
export function checkRules(value: unknown, path = 'rules'): { readonly problems: readonly RulesProblem[]; readonly rules: CheckedRules | undefined } {
  const problems: RulesProblem[] = []
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown
    } catch (error) {
      return { problems: [{ path, problem: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }], rules: undefined }
    }
  }
  if (!isObject(parsed)) return { problems: [{ path, problem: `must be an object { version: 1, … }, got ${show(parsed)}` }], rules: undefined }
  for (const key of Object.keys(parsed)) {
    if (!KEYS.has(key)) problems.push({ path: `${path}.${key}`, problem: `is not a known key (known: ${[...KEYS].join(', ')})` })
  }
  if (parsed.version !== 1) problems.push({ path: `${path}.version`, problem: `must be 1 (the only version this release reads), got ${show(parsed.version)}` })
  const name = optionalString(parsed, 'name', path, problems)
  optionalString(parsed, 'description', path, problems)
  optionalString(parsed, '$schema', path, problems)
  const blockDomains = domainList(parsed.blockDomains, `${path}.blockDomains`, problems)
  const allowDomains = domainList(parsed.allowDomains, `${path}.allowDomains`, problems)
  const shorteners = domainList(parsed.shorteners, `${path}.shorteners`, problems)
  const servers = serverLists(parsed.servers, `${path}.servers`, problems)
  const phrases = phraseList(parsed.phrases, `${path}.phrases`, name, problems)
  const usernames = usernameList(parsed.usernames, `${path}.usernames`, problems)
  if (problems.length > 0) return { problems, rules: undefined }
  const document: RulesDocument = {
    version: 1,
    ...(name === undefined ? {} : { name }),
    blockDomains,
    allowDomains,
    shorteners,
    servers,
    phrases: phrases.map((p) => (p.blatant ? { pattern: p.pattern, blatant: true } : p.pattern)),
    usernames: usernames.map(({ username, comparison, blocked }) => ({ username, comparison, blocked })),
  }
  return { problems, rules: { document, name, phrases, usernames } }
}

/**
 * Lists the problems of a rules document.
 *
 * @param value - the document: parsed JSON, or JSON text
 * @returns every problem, each naming the bad entry (`rules.phrases[3]`); empty when valid
 * @example
 * validateRules({ version: 1, blockDomains: ['http://x'] })
 * //=> [{ path: 'rules.blockDomains[0]', problem: 'must be a domain name like example.com, not a URL, …' }]
 */
export function validateRules(value: unknown): readonly RulesProblem[] {
  return checkRules(value).problems
}

/**
 * Reads a rules document, checked completely before anything is used: an invalid document
 * throws and nothing of it applies.
 *
 * @param value - the document: parsed JSON, or JSON text
 * @param path - the option path naming the document in errors
 * @returns the document, normalized (domains in Unicode form, lowercased)
 * @throws SpamFilterConfigError naming the first bad entry, e.g. `rules.phrases[3]`
 */
export function parseRules(value: unknown, path = 'rules'): RulesDocument {
  return parseCheckedRules(value, path).document
}

/** `parseRules` for the resolver, keeping the compiled phrases. @internal */
export function parseCheckedRules(value: unknown, path: string): CheckedRules {
  const { problems, rules } = checkRules(value, path)
  const first = problems[0]
  if (first !== undefined || rules === undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
    throw new SpamFilterConfigError(first?.path ?? path, `${first?.problem ?? 'is invalid'}${more}`)
  }
  return rules
}
