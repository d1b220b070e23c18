import { SUFFIX_EXCEPTIONS, SUFFIX_RULES } from '../data/public-suffix-table.js'

/**
 * The public suffix lookup the build puts in place of tldts's own (`tldts/dist/es6/src/suffix-trie.js`,
 * see tsup.config.ts and scripts/suffix-lookup-plugin.ts): the same contract and the same answers
 * (a test compares them over every rule of the list and random hosts), from the generated table
 * src/data/public-suffix-table.ts, searched in place. tldts derives hashes for all 11,000 rules
 * when it loads (about 10 ms in an interpreter such as QuickJS); this builds nothing up front: a
 * node's line is found with `indexOf` on first use, a label with `indexOf` in its parent's line,
 * and only a node looked up often gets its children in a map. The rest of tldts (reading the
 * hostname, validating it, the registrable domain) is tldts's own.
 */

/** What tldts's lookup writes (a subset of its result object). */
export interface SuffixLookupResult {
  isIcann: boolean | null
  isPrivate: boolean | null
  publicSuffix: string | null
}

/** The options tldts's lookup reads. */
export interface SuffixLookupOptions {
  readonly allowIcannDomains: boolean
  readonly allowPrivateDomains: boolean
}

/**
 * A node of the suffix trie: its flag (1 ICANN rule, 2 private rule, 0 none) and, when it has
 * children, its path (the key of its line in the generated text).
 */
interface TrieNode {
  readonly flag: number
  readonly path: string | undefined
}

const COMMA = 44 // ,
const PLUS = 43 // +
const NEWLINE = 10

/** One of the two tries (rules, exceptions): its generated text and what was found in it so far. */
interface Trie {
  readonly text: string
  /** Lines by path: where the line's entries start and where it ends (`null`: no such line). */
  readonly lines: Map<string, readonly [number, number] | null>
  /** By path: searches of a node's line so far, or its children read into a map. */
  readonly children: Map<string, { searches: number; map: Map<string, TrieNode> | undefined }>
}

const RULES: Trie = { text: SUFFIX_RULES, lines: new Map(), children: new Map() }
const EXCEPTIONS: Trie = { text: SUFFIX_EXCEPTIONS, lines: new Map(), children: new Map() }

/** The line of a node: `\n` path `=` flag, then its children. */
function lineOf(trie: Trie, path: string): readonly [number, number] | undefined {
  const { text, lines } = trie
  const known = lines.get(path)
  if (known !== undefined) return known ?? undefined
  const head = `\n${path}=`
  const at = text.indexOf(head)
  let line: readonly [number, number] | null = null
  if (at >= 0) {
    const end = text.indexOf('\n', at + head.length)
    line = [at + head.length, end < 0 ? text.length : end]
  }
  // Bounded: cleared when paths asked for pile up (hosts under top-level domains of no list).
  if (lines.size >= 4096) lines.clear()
  lines.set(path, line)
  return line ?? undefined
}

/** The node of a top-level label (its line's flag), if the list has it. */
function topNode(trie: Trie, label: string): TrieNode | undefined {
  const line = lineOf(trie, label)
  if (line === undefined) return undefined
  const [start, end] = line
  return { flag: trie.text.charCodeAt(start) - 48, path: end > start + 1 ? label : undefined }
}

/**
 * How many searches a node's line gets before its children are read into a map: a first verdict
 * searches a few dozen times, which costs less than reading `com`'s 700 children; a stream of
 * hosts should not search `com`'s 8 KB line for each.
 */
const SEARCHES_BEFORE_MAP = 32

/** The child of `node` labelled `label`: an entry `,` label flag [`+`] of the node's line. */
function childNode(trie: Trie, node: TrieNode, label: string): TrieNode | undefined {
  const path = node.path
  if (path === undefined) return undefined
  const line = lineOf(trie, path)
  if (line === undefined) return undefined
  const memos = trie.children
  let memo = memos.get(path)
  if (memo === undefined) {
    if (memos.size >= 4096) memos.clear()
    memos.set(path, (memo = { searches: 0, map: undefined }))
  }
  if (memo.map === undefined && ++memo.searches > SEARCHES_BEFORE_MAP) memo.map = childrenOf(trie.text, path, line)
  return memo.map === undefined ? searchChild(trie.text, path, line, label) : memo.map.get(label)
}

/** All the children of a node, from its line. */
function childrenOf(text: string, path: string, [start, end]: readonly [number, number]): Map<string, TrieNode> {
  const map = new Map<string, TrieNode>()
  const entries = text.slice(start, end).split(',')
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!
    const more = entry.endsWith('+')
    const at = more ? entry.length - 2 : entry.length - 1
    const label = entry.slice(0, at)
    map.set(label, { flag: entry.charCodeAt(at) - 48, path: more ? `${label}.${path}` : undefined })
  }
  return map
}

function searchChild(text: string, path: string, [start, end]: readonly [number, number], label: string): TrieNode | undefined {
  const entry = `,${label}`
  for (let at = text.indexOf(entry, start); at >= 0 && at < end; at = text.indexOf(entry, at + 1)) {
    const after = at + entry.length
    const flag = text.charCodeAt(after) - 48
    if (!(flag >= 0 && flag <= 3)) continue
    const next = after + 1 < end ? text.charCodeAt(after + 1) : NEWLINE
    if (next === PLUS) return { flag, path: `${label}.${path}` }
    if (next === COMMA || next === NEWLINE) return { flag, path: undefined }
  }
  return undefined
}

/** Characters of the format, in no label of the list. */
const SPECIAL = /[=,+\n]/

/** The child of `node` (`undefined`: the root) for the label `hostname[start, end)`. */
function childOf(trie: Trie, node: TrieNode | undefined, hostname: string, start: number, end: number): TrieNode | undefined {
  // No label of the list is empty or holds `=`, `,` or `+` (the generator checks).
  if (end === start) return undefined
  const label = hostname.slice(start, end)
  const exact = SPECIAL.test(label) ? undefined : node === undefined ? topNode(trie, label) : childNode(trie, node, label)
  // A `*` matches any label when no label matches exactly (as tldts walks).
  return exact ?? (node === undefined ? topNode(trie, '*') : childNode(trie, node, '*'))
}

// The last match of `walk`, read right after it (synchronous).
let matchFlag = 0
let matchStart = 0
let matchEnd = 0

/**
 * Walks the labels of `hostname` right to left through `trie`, keeping the deepest node whose
 * flag passes `mask` (tldts's `walk`).
 */
function walk(hostname: string, trie: Trie, mask: number): boolean {
  let node: TrieNode | undefined
  let end = hostname.length
  matchFlag = 0
  for (let i = hostname.length - 1; i >= -1; i--) {
    if (i >= 0 && hostname.charCodeAt(i) !== 46) continue
    const start = i + 1
    const child = childOf(trie, node, hostname, start, end)
    if (child === undefined) return matchFlag !== 0
    node = child
    if ((node.flag & mask) !== 0) {
      matchFlag = node.flag
      matchStart = start
      matchEnd = end
    }
    end = i
  }
  return matchFlag !== 0
}

/**
 * Finds the public suffix of a hostname: tldts's `suffixLookup` contract.
 *
 * @param hostname - a hostname as tldts has read it (lowercase, validated)
 * @param options - which sections of the list count
 * @param out - where `publicSuffix`, `isIcann` and `isPrivate` are written
 * @returns whether an exception rule matched
 */
export function suffixLookup(hostname: string, options: SuffixLookupOptions, out: SuffixLookupResult): boolean {
  const mask = (options.allowPrivateDomains ? 2 : 0) | (options.allowIcannDomains ? 1 : 0)
  // Exceptions first; they drop their own left-most label (`!www.ck` makes `www.ck`'s suffix `ck`).
  if (walk(hostname, EXCEPTIONS, mask)) {
    out.isIcann = (matchFlag & 1) !== 0
    out.isPrivate = (matchFlag & 2) !== 0
    out.publicSuffix = hostname.slice(matchEnd + 1)
    return true
  }
  if (walk(hostname, RULES, mask)) {
    out.isIcann = (matchFlag & 1) !== 0
    out.isPrivate = (matchFlag & 2) !== 0
    out.publicSuffix = hostname.slice(matchStart)
    return false
  }
  // No rule: the implicit `*` makes the last label the suffix.
  out.isIcann = false
  out.isPrivate = false
  const lastDot = hostname.lastIndexOf('.')
  out.publicSuffix = lastDot === -1 ? hostname : hostname.slice(lastDot + 1)
  return false
}
