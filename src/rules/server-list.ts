import { normalizeDomainEntry } from './domain-entry.js'
import type { RulesDocument, ServerList } from './rules-document.js'

/**
 * The server list formats admins share:
 * - `mastodon-csv`: Mastodon's `domain_blocks.csv` export/import (`#domain,#severity,#reject_media,
 *   #reject_reports,#public_comment,#obfuscate`), the format IFTAS publishes its DNI, CARIAD and
 *   AUD lists in (a header without `#` and lists with only a domain column are read too);
 * - `json`: GoToSocial's domain block export (`[{ "domain", "public_comment", "obfuscate" }]`) and
 *   Mastodon's API lists (`/api/v1/instance/domain_blocks`, admin domain blocks: `{ domain, severity }`);
 * - `plain`: one domain per line, `#` comments.
 */
export type ServerListFormat = 'mastodon-csv' | 'json' | 'plain'

/** Options of `parseServerList`. */
export interface ParseServerListOptions {
  /** The list's format. @default 'auto' (told apart from the text) */
  readonly format?: ServerListFormat | 'auto'
  /**
   * Whether entries that carry no severity (plain-text lists) are blocked (a strong signal) or
   * only listed (a weak one). Entries with a severity follow it: `suspend` is blocked, `silence`
   * (limit) is listed, `noop` is ignored; GoToSocial blocks are suspensions. @default false
   */
  readonly blocked?: boolean
  /** A name for the rules document, shown in reason messages. */
  readonly name?: string
}

/** An entry `parseServerList` did not use, and why. */
export interface IgnoredServerEntry {
  /** 1-based line of the text (CSV, plain) or 1-based index (JSON). */
  readonly line: number
  readonly entry: string
  readonly reason: 'obfuscated' | 'noop' | 'invalid-domain' | 'unknown-severity' | 'not-an-entry'
}

/** What `parseServerList` read. */
export interface ParsedServerList {
  /** A rules document holding the lists: pass it to the `rules` option. */
  readonly rules: RulesDocument
  /** The format read. */
  readonly format: ServerListFormat
  /** Blocked servers (strong) and listed servers (weak), deduplicated. */
  readonly blocked: readonly string[]
  readonly listed: readonly string[]
  /** Entries not used (obfuscated domains, `noop` severities, lines that are no domain). */
  readonly ignored: readonly IgnoredServerEntry[]
}

/** Entries read from one list; a larger list is cut here (Mastodon's largest shared lists hold a few thousand). */
const MAX_ENTRIES = 100_000
const MAX_TEXT = 20_000_000

function detectFormat(text: string): ServerListFormat {
  const start = text.trimStart()
  if (start.startsWith('[') || start.startsWith('{')) return 'json'
  const first = start.slice(0, Math.min(start.length, 500)).split(/\r?\n/u, 1)[0] ?? ''
  if (/^#?domain\s*,/iu.test(first) || first.includes(',')) return 'mastodon-csv'
  return 'plain'
}

/** Splits one CSV line (RFC 4180 quoting) into fields; linear. */
function csvFields(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (quoted) {
      if (char === '"') {
        if (line[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        field += char
      }
    } else if (char === '"' && field === '') {
      quoted = true
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else {
      field += char
    }
  }
  fields.push(field)
  return fields.map((f) => f.trim())
}

/** Splits CSV text into records, keeping newlines inside quoted fields; with the line each starts on. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = []
  let start = 0
  let line = 1
  let startLine = 1
  let quoted = false
  for (let i = 0; i <= text.length && records.length < MAX_ENTRIES; i++) {
    const char = text[i]
    if (char === '"') quoted = !quoted
    else if (i === text.length || (char === '\n' && !quoted)) {
      const raw = text.slice(start, i).replace(/\r$/u, '')
      if (raw.trim() !== '') records.push({ line: startLine, fields: csvFields(raw) })
      start = i + 1
      line++
      startLine = line
    } else if (char === '\n') {
      line++
    }
  }
  return records
}

type Severity = 'suspend' | 'silence' | 'noop' | undefined

function readSeverity(value: unknown): Severity | 'unknown' {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') return 'unknown'
  const severity = value.trim().toLowerCase()
  if (severity === 'suspend' || severity === 'block' || severity === 'defederate') return 'suspend'
  if (severity === 'silence' || severity === 'limit') return 'silence'
  if (severity === 'noop' || severity === 'none') return 'noop'
  return 'unknown'
}

/**
 * Reads a server list admins share (Mastodon `domain_blocks.csv`, IFTAS DNI/CARIAD/AUD, GoToSocial
 * JSON, plain text) into a rules document's server lists: `suspend` → blocked (the
 * `author-server` signal at full weight), `silence` → listed (a quarter). Never throws on the
 * text: what cannot be used is listed in `ignored` (obfuscated domains such as `ex*mple.com`,
 * `noop` entries, lines that are no domain name).
 *
 * @param text - the list's text
 * @param options - the format, the default for entries without a severity, a name
 * @returns the rules document, the domains read and the entries ignored
 * @example
 * const { rules, ignored } = parseServerList(await (await fetch(iftasDniCsvUrl)).text())
 * const filter = createSpamFilter({ rules })
 */
export function parseServerList(text: string, options: ParseServerListOptions | ServerListFormat = {}): ParsedServerList {
  const opts: ParseServerListOptions = typeof options === 'string' ? { format: options } : options
  const source = typeof text === 'string' ? text.slice(0, MAX_TEXT) : ''
  const format = opts.format === undefined || opts.format === 'auto' ? detectFormat(source) : opts.format
  const blocked = new Set<string>()
  const listed = new Set<string>()
  const ignored: IgnoredServerEntry[] = []
  const fallback: Severity = opts.blocked === true ? 'suspend' : 'silence'

  const add = (line: number, entry: string, severity: Severity | 'unknown'): void => {
    const shown = entry.slice(0, 300)
    if (severity === 'noop') return void ignored.push({ line, entry: shown, reason: 'noop' })
    if (severity === 'unknown') return void ignored.push({ line, entry: shown, reason: 'unknown-severity' })
    const bare = entry.trim().replace(/^\*\./u, '')
    // A published list obfuscates a domain with `*` (`#obfuscate` only says it was published so):
    // such an entry names no server we can match.
    if (bare.includes('*')) return void ignored.push({ line, entry: shown, reason: 'obfuscated' })
    const normalized = normalizeDomainEntry(bare)
    if (typeof normalized === 'string') return void ignored.push({ line, entry: shown, reason: 'invalid-domain' })
    if ((severity ?? fallback) === 'suspend') {
      blocked.add(normalized.domain)
      listed.delete(normalized.domain)
    } else if (!blocked.has(normalized.domain)) {
      listed.add(normalized.domain)
    }
  }

  if (format === 'json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(source)
    } catch {
      parsed = undefined
    }
    const list = Array.isArray(parsed) ? (parsed as unknown[]) : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { domain_blocks?: unknown }).domain_blocks) ? (parsed as { domain_blocks: unknown[] }).domain_blocks : undefined
    if (list === undefined) ignored.push({ line: 1, entry: source.slice(0, 80), reason: 'not-an-entry' })
    for (const [index, item] of (list ?? []).slice(0, MAX_ENTRIES).entries()) {
      if (typeof item === 'string') {
        add(index + 1, item, undefined)
        continue
      }
      const domain = typeof item === 'object' && item !== null ? (item as { domain?: unknown }).domain : undefined
      if (typeof domain !== 'string') {
        ignored.push({ line: index + 1, entry: JSON.stringify(item)?.slice(0, 80) ?? String(item), reason: 'not-an-entry' })
        continue
      }
      const record = item as { severity?: unknown; obfuscate?: unknown }
      // GoToSocial's entries carry no severity: its domain blocks are suspensions.
      const severity = record.severity === undefined ? 'suspend' : readSeverity(record.severity)
      add(index + 1, domain, severity)
    }
  } else if (format === 'mastodon-csv') {
    const records = csvRecords(source)
    const header = records[0]?.fields.map((f) => f.replace(/^#/u, '').toLowerCase())
    const hasHeader = header !== undefined && header.includes('domain')
    const domainAt = hasHeader ? header.indexOf('domain') : 0
    const severityAt = hasHeader ? header.indexOf('severity') : 1
    for (const { line, fields } of hasHeader ? records.slice(1) : records) {
      const domain = fields[domainAt] ?? ''
      if (domain.startsWith('#') || domain === '') continue
      // Without a severity column Mastodon's import suspends.
      const severity = severityAt >= 0 && fields.length > severityAt ? readSeverity(fields[severityAt]) : 'suspend'
      add(line, domain, severity)
    }
  } else {
    let line = 0
    for (const raw of source.split('\n', MAX_ENTRIES)) {
      line++
      const entry = raw.replace(/#.*$/u, '').trim()
      if (entry === '') continue
      add(line, entry.split(/\s+/u)[0] ?? entry, undefined)
    }
  }

  const servers: ServerList[] = []
  if (blocked.size > 0) servers.push({ domains: [...blocked], blocked: true })
  if (listed.size > 0) servers.push({ domains: [...listed], blocked: false })
  const rules: RulesDocument = { version: 1, ...(opts.name === undefined ? {} : { name: opts.name }), servers }
  return { rules, format, blocked: [...blocked], listed: [...listed], ignored }
}
