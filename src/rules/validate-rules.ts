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
/** Most entries of one list; longer lists are refused before any entry is read. */
export const MAX_RULES_ENTRIES = 100_000
/** Most server lists in one document. */
const MAX_SERVER_LISTS = 1_000
/** Longest domain entry read (a host has at most 253 characters; the rest is room for `*.`, brackets, spaces). */
const MAX_DOMAIN_ENTRY_LENGTH = 300
/** Most problems listed: a document with a million bad entries does not make a million messages. */
const MAX_PROBLEMS = 1_000
/** Most keys of one object looked at. */
const MAX_KEYS = 1_000

const hasOwn = Object.prototype.hasOwnProperty

/** `Array.isArray`, which throws on a revoked proxy; the caller's try turns that into a problem. */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A short description of a value for a message, without serializing objects (cycles, depth, size). */
const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 80))
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object'
  if (typeof value === 'function') return 'a function'
  return String(value).slice(0, 80)
}

/** An own property's value; an inherited one is not read (`{ __proto__: { blockDomains } }`). */
function own(record: object, key: string): unknown {
  return hasOwn.call(record, key) ? (record as Record<string, unknown>)[key] : undefined
}

/** An object's own keys, at most `MAX_KEYS` of them (the rest are reported as too many). */
function ownKeys(record: object, path: string, problems: RulesProblem[]): string[] {
  const keys = Object.keys(record)
  if (keys.length > MAX_KEYS) problems.push({ path, problem: `has more than ${MAX_KEYS} keys` })
  return keys.length > MAX_KEYS ? keys.slice(0, MAX_KEYS) : keys
}

/** The length of a list, or `undefined` (with a problem) when it is longer than allowed: checked before any entry is read. */
function cappedLength(value: readonly unknown[], path: string, max: number, problems: RulesProblem[]): number | undefined {
  const length = value.length
  if (length > max) {
    problems.push({ path, problem: `has ${length} entries, more than ${max}` })
    return undefined
  }
  return length
}

function domainList(value: unknown, path: string, problems: RulesProblem[]): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of domain names' })
    return []
  }
  const length = cappedLength(value, path, MAX_RULES_ENTRIES, problems)
  const domains: string[] = []
  for (let index = 0; index < (length ?? 0) && problems.length < MAX_PROBLEMS; index++) {
    const entry: unknown = value[index]
    if (typeof entry !== 'string') {
      problems.push({ path: `${path}[${index}]`, problem: `must be a domain name string, got ${show(entry)}` })
      continue
    }
    if (entry.length > MAX_DOMAIN_ENTRY_LENGTH) {
      problems.push({ path: `${path}[${index}]`, problem: `is longer than ${MAX_DOMAIN_ENTRY_LENGTH} characters: no domain name is` })
      continue
    }
    const result = normalizeDomainEntry(entry)
    if (typeof result === 'string') problems.push({ path: `${path}[${index}]`, problem: result })
    else domains.push(result.domain)
  }
  return domains
}

function optionalString(record: object, key: string, path: string, problems: RulesProblem[]): string | undefined {
  const value = own(record, key)
  if (value !== undefined && typeof value !== 'string') problems.push({ path: `${path}.${key}`, problem: `must be a string, got ${show(value)}` })
  return typeof value === 'string' ? value : undefined
}

function serverLists(value: unknown, path: string, problems: RulesProblem[]): ServerList[] {
  if (value === undefined) return []
  const many = Array.isArray(value)
  const lists: readonly unknown[] = many ? (value as readonly unknown[]) : [value]
  const length = cappedLength(lists, path, MAX_SERVER_LISTS, problems) ?? 0
  const result: ServerList[] = []
  for (let index = 0; index < length && problems.length < MAX_PROBLEMS; index++) {
    const list = lists[index]
    const at = many ? `${path}[${index}]` : path
    if (!isObject(list)) {
      problems.push({ path: at, problem: 'must be an object { domains, blocked? }' })
      continue
    }
    for (const key of ownKeys(list, at, problems)) {
      if (key !== 'domains' && key !== 'blocked') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: domains, blocked)' })
    }
    const blocked = own(list, 'blocked')
    const domains = own(list, 'domains')
    if (blocked !== undefined && typeof blocked !== 'boolean') problems.push({ path: `${at}.blocked`, problem: `must be true or false, got ${show(blocked)}` })
    if (domains === undefined) problems.push({ path: `${at}.domains`, problem: 'is required' })
    result.push({ domains: domainList(domains, `${at}.domains`, problems), blocked: blocked === true })
  }
  return result
}

function usernameList(value: unknown, path: string, problems: RulesProblem[]): CompiledUsernameRule[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of usernames or { username, comparison?, blocked? }' })
    return []
  }
  // The same guards as every other list: length capped before any entry is read, own keys and
  // own properties only, at most MAX_PROBLEMS problems.
  const length = cappedLength(value, path, MAX_RULES_ENTRIES, problems) ?? 0
  const rules: CompiledUsernameRule[] = []
  for (let index = 0; index < length && problems.length < MAX_PROBLEMS; index++) {
    const entry: unknown = value[index]
    const at = `${path}[${index}]`
    const rule = typeof entry === 'string' ? { username: entry } : entry
    if (!isObject(rule)) {
      problems.push({ path: at, problem: `must be a username or { username, comparison?, blocked? }, got ${show(entry)}` })
      continue
    }
    for (const key of ownKeys(rule, at, problems)) {
      if (key !== 'username' && key !== 'comparison' && key !== 'blocked' && key !== 'note') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: username, comparison, blocked, note)' })
    }
    const username = own(rule, 'username')
    const comparison = own(rule, 'comparison')
    const blocked = own(rule, 'blocked')
    if (typeof username !== 'string' || username.trim() === '') {
      problems.push({ path: typeof entry === 'string' ? at : `${at}.username`, problem: `must be a non-empty username, got ${show(username)}` })
      continue
    }
    if (comparison !== undefined && comparison !== 'equals' && comparison !== 'contains') problems.push({ path: `${at}.comparison`, problem: `must be "equals" or "contains", got ${show(comparison)}` })
    if (blocked !== undefined && typeof blocked !== 'boolean') problems.push({ path: `${at}.blocked`, problem: `must be true or false, got ${show(blocked)}` })
    const name = username.trim().replace(/^@/u, '')
    const folded = foldUsername(name)
    if (folded.length < 2) {
      problems.push({ path: typeof entry === 'string' ? at : `${at}.username`, problem: `must be at least 2 letters, so it cannot match nearly every name, got ${show(username)}` })
      continue
    }
    rules.push({ username: name, folded, comparison: comparison === 'equals' ? 'equals' : 'contains', blocked: blocked !== false })
  }
  return rules
}

function phraseList(value: unknown, path: string, name: string | undefined, problems: RulesProblem[]): CompiledPhrase[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({ path, problem: 'must be an array of phrase patterns' })
    return []
  }
  const length = cappedLength(value, path, MAX_RULES_ENTRIES, problems) ?? 0
  const phrases: CompiledPhrase[] = []
  for (let index = 0; index < length && problems.length < MAX_PROBLEMS; index++) {
    const entry: unknown = value[index]
    const at = `${path}[${index}]`
    let pattern: unknown = entry
    let blatant = false
    if (isObject(entry)) {
      for (const key of ownKeys(entry, at, problems)) {
        if (key !== 'pattern' && key !== 'blatant' && key !== 'note') problems.push({ path: `${at}.${key}`, problem: 'is not a known key (known: pattern, blatant, note)' })
      }
      pattern = own(entry, 'pattern')
      const flag = own(entry, 'blatant')
      const note = own(entry, 'note')
      if (flag !== undefined && typeof flag !== 'boolean') problems.push({ path: `${at}.blatant`, problem: `must be true or false, got ${show(flag)}` })
      blatant = flag === true
      if (note !== undefined && typeof note !== 'string') problems.push({ path: `${at}.note`, problem: `must be a string, got ${show(note)}` })
    }
    if (typeof pattern !== 'string') {
      problems.push({ path: isObject(entry) ? `${at}.pattern` : at, problem: `must be a pattern string, got ${show(pattern)}` })
      continue
    }
    const compiled = compilePhrase(pattern, blatant, name)
    if (typeof compiled === 'string') problems.push({ path: isObject(entry) ? `${at}.pattern` : at, problem: `${compiled} (${show(pattern)})` })
    else phrases.push(compiled)
  }
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
  try {
    return checkDocument(parsed, path, problems)
  } catch (error) {
    // A hostile object (a revoked proxy, a throwing getter or trap) is a bad document, not a crash.
    problems.push({ path, problem: `could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'it threw'}` })
    return { problems, rules: undefined }
  }
}

function checkDocument(parsed: unknown, path: string, problems: RulesProblem[]): { readonly problems: readonly RulesProblem[]; readonly rules: CheckedRules | undefined } {
  if (!isObject(parsed)) return { problems: [{ path, problem: `must be an object { version: 1, … }, got ${show(parsed)}` }], rules: undefined }
  for (const key of ownKeys(parsed, path, problems)) {
    if (!KEYS.has(key)) problems.push({ path: `${path}.${key}`, problem: `is not a known key (known: ${[...KEYS].join(', ')})` })
  }
  for (const key of KEYS) {
    if (!hasOwn.call(parsed, key) && key in parsed) problems.push({ path: `${path}.${key}`, problem: 'is inherited (a prototype key): only own properties are read' })
  }
  const version = own(parsed, 'version')
  if (version !== 1) problems.push({ path: `${path}.version`, problem: `must be 1 (the only version this release reads), got ${show(version)}` })
  const name = optionalString(parsed, 'name', path, problems)
  optionalString(parsed, 'description', path, problems)
  optionalString(parsed, '$schema', path, problems)
  const blockDomains = domainList(own(parsed, 'blockDomains'), `${path}.blockDomains`, problems)
  const allowDomains = domainList(own(parsed, 'allowDomains'), `${path}.allowDomains`, problems)
  const shorteners = domainList(own(parsed, 'shorteners'), `${path}.shorteners`, problems)
  const servers = serverLists(own(parsed, 'servers'), `${path}.servers`, problems)
  const phrases = phraseList(own(parsed, 'phrases'), `${path}.phrases`, name, problems)
  const usernames = usernameList(own(parsed, 'usernames'), `${path}.usernames`, problems)
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
