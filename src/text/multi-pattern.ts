/**
 * One multi-pattern matcher (Aho–Corasick over UTF-16 code units) for every list matched in
 * text: phrases (their pieces), invite host names, campaign domains, brand names. Compiled once
 * per rules document; a scan reads each code unit of the text once and follows at most as many
 * failure links as it read (amortized), so it is linear in the text for any number of patterns
 * and any script. A scan reports the first occurrence of each pattern found.
 */
export interface MultiPatternMatcher {
  /** The patterns, as compiled (index = pattern id). */
  readonly patterns: readonly string[]
  /**
   * Scans a text.
   *
   * @param text - the text (already through the de-obfuscation layer)
   * @returns for each pattern found, its id and the offset of its first occurrence, in the order found
   */
  scan(text: string): FoundPattern[]
  /**
   * Scans a text as if everything but letters, digits and `#` were removed from it first
   * (`compactSkeleton`): the same patterns are found, without building the compact text.
   * Offsets are not reported (they would be offsets of the compact text).
   *
   * @param text - the text (already through the de-obfuscation layer)
   * @returns the ids of the patterns found, in the order found
   */
  scanWords(text: string): number[]
  /** Steps a scan of the text takes (transitions, failure links and reports followed), for the linearity test. */
  steps(text: string): number
  /**
   * Scans a text as if everything but letters, digits, `#` and `.` were removed from it first
   * (the compacted view, built by no one: the scan skips the other characters), and reports every
   * occurrence with its span in the text as given, so a pattern cut by spaces, punctuation,
   * symbols, emoji or a line break is found where it is written. An occurrence is reported only
   * when no gap between two of its kept characters is longer than `maxGap` code units or holds
   * one of `/ @ ? = &` (a URL's parts end a host). Once `accept` returns `true` for a pattern,
   * that pattern is not reported again in this scan.
   *
   * Linear in the text: each code unit is read once; the reports at one position are at most one
   * per pattern length.
   *
   * @param text - the text (already through the de-obfuscation layer)
   * @param maxGap - the longest run of skipped code units allowed inside an occurrence
   * @param accept - called for each occurrence (pattern id, start, end exclusive, offsets in `text`)
   * @returns the steps taken (transitions, failure links and reports), for the linearity test
   */
  scanSpans(text: string, maxGap: number, accept: (id: number, start: number, end: number) => boolean): number
  /**
   * `scanSpans` without its native prefilter (`spansGate`): what the gate is fuzzed against.
   *
   * @param text - the text
   * @param maxGap - as for `scanSpans`
   * @param accept - as for `scanSpans`
   * @returns the steps taken
   */
  scanSpansUngated(text: string, maxGap: number, accept: (id: number, start: number, end: number) => boolean): number
}

/** A pattern found by a scan. */
export interface FoundPattern {
  readonly id: number
  /** Where its first occurrence starts. */
  readonly at: number
}

/**
 * Compiles patterns into one automaton. Empty patterns are never found; repeated patterns get
 * the id of their first occurrence in the list (the others are never reported).
 *
 * @param patterns - the patterns
 * @param options - `gateAfter`: the `scanSpans` calls made without the gate before it is built
 * (default 32: building and compiling it costs about 1 ms, 2–5 ms in an interpreter, which a
 * cold start to the first verdict need not pay; it changes no result); `denseAfter`: the
 * scans (`scan`, `scanWords`, `scanSpans`) made before the dense transition table is built
 * (default 16: until then they read the edge map, the same transitions, so a cold start does not
 * pay for the table, about 0.3 ms a matcher in an interpreter; `steps`, which counts the steps
 * of one path, builds it at once)
 * @returns the matcher
 */
export function createMultiPatternMatcher(patterns: readonly string[], options?: { readonly gateAfter?: number; readonly denseAfter?: number }): MultiPatternMatcher {
  // Node 0 is the root. Edges in one map keyed by node × 65536 + code unit.
  const edges = new Map<number, number>()
  const children: number[][] = [[]]
  const output: number[] = [-1]
  const depth: number[] = [0]
  for (let id = 0; id < patterns.length; id++) {
    const pattern = patterns[id]!
    if (pattern === '') continue
    let node = 0
    for (let i = 0; i < pattern.length; i++) {
      const key = node * 65536 + pattern.charCodeAt(i)
      let next = edges.get(key)
      if (next === undefined) {
        next = output.length
        edges.set(key, next)
        children[node]!.push(pattern.charCodeAt(i))
        children.push([])
        output.push(-1)
        depth.push(depth[node]! + 1)
      }
      node = next
    }
    if (output[node] === -1) output[node] = id
  }
  const size = output.length
  const fail = new Int32Array(size)
  // The nearest node on the failure chain that ends a pattern (-1: none).
  const dictionary = new Int32Array(size).fill(-1)
  const queue: number[] = []
  for (const code of children[0]!) queue.push(edges.get(code)!)
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    for (const code of children[node]!) {
      const child = edges.get(node * 65536 + code)!
      let f = fail[node]!
      let target = edges.get(f * 65536 + code)
      while (target === undefined && f !== 0) {
        f = fail[f]!
        target = edges.get(f * 65536 + code)
      }
      const failTo = target !== undefined && target !== child ? target : 0
      fail[child] = failTo
      dictionary[child] = output[failTo] !== -1 ? failTo : dictionary[failTo]!
      queue.push(child)
    }
  }
  // Reports each pattern once per scan: a node stamped with the scan's number has had its whole
  // dictionary chain reported already, so the walk stops there (this bounds the reports of a
  // scan by the number of patterns, whatever the text).
  // The root's transitions for every BMP code unit in one array (the scan is at the root for
  // most characters of a text that matches nothing), -1 where the root has none.
  // (Only the ASCII part, and a map for the others, when the root has few other transitions:
  // 512 bytes instead of 256 KB for a host list.)
  const wideRoots = children[0]!.filter((code) => code >= 128)
  const rootSize = wideRoots.length > WIDE_ROOTS ? 65536 : 128
  const rootNext = new Int32Array(rootSize)
  const rootWide = new Map<number, number>()
  for (const code of children[0]!) {
    if (code < rootSize) rootNext[code] = edges.get(code)!
    else rootWide.set(code, edges.get(code)!)
  }
  // For the shallowest nodes (breadth-first order: the ones a scan is in most of the time), the
  // full transition on each ASCII letter, digit and `#` with failure links already followed: one
  // array read a character instead of map lookups.
  // Made by `buildDense` after `denseAfter` scans; until then no node is dense (every scan takes
  // the edge map, which the dense rows only copy).
  let denseNodes = 0
  let dense = new Int32Array(0)
  let scansBeforeDense = options?.denseAfter ?? DENSE_AFTER
  // A row is its failure node's row with its own children over it (breadth-first order: the
  // failure node, shallower, has its row already). The failure node of a dense node may be past
  // the dense ones (its number is its place in the list, not its depth): its transitions are then
  // read from the edge map, failure links followed.
  const stepFrom = (start: number, code: number): number => {
    for (let n = start; ; n = fail[n]!) {
      const child = edges.get(n * 65536 + code)
      if (child !== undefined) return child
      if (n === 0) return 0
    }
  }
  const buildDense = (): void => {
    scansBeforeDense = 0
    const count = Math.min(size, DENSE_NODES)
    const table = new Int32Array(count * SYMBOLS)
    for (const node of [0, ...queue]) {
      if (node >= count) continue
      const base = node * SYMBOLS
      if (node !== 0) {
        const f = fail[node]!
        if (f < count) table.copyWithin(base, f * SYMBOLS, f * SYMBOLS + SYMBOLS)
        else for (let k = 0; k < SYMBOLS; k++) table[base + k] = stepFrom(f, SYMBOL_CODES[k]!)
      }
      for (const code of children[node]!) {
        const k = code < 128 ? SYMBOL_OF[code]! : -1
        if (k >= 0) table[base + k] = edges.get(node * 65536 + code)!
      }
    }
    dense = table
    denseNodes = count
  }
  // Counts a scan; builds the dense table once enough were made.
  const countScan = (): void => {
    if (scansBeforeDense > 0 && --scansBeforeDense === 0) buildDense()
  }
  if (scansBeforeDense <= 0) buildDense()
  const stamp = new Int32Array(size)
  let scanNumber = 0

  const runWords = (text: string, found: number[]): void => {
    scanNumber = scanNumber === 0x7fffffff ? 1 : scanNumber + 1
    if (scanNumber === 1) stamp.fill(0)
    const current = scanNumber
    // The dense table in locals (read every character; it is built after the first scans).
    const table = dense
    const denseCount = denseNodes
    let node = 0
    const length = text.length
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i)
      let units = 1
      if (code >= 0x80) {
        if (code >= 0xd800 && code < 0xdc00 && i + 1 < length) {
          const low = text.charCodeAt(i + 1)
          if (low >= 0xdc00 && low < 0xe000) units = 2
        }
        if (!isWordAt(text, i, units)) {
          i += units - 1
          continue
        }
      } else if (ASCII_CLASS[code] === 0) {
        continue
      } else if (node < denseCount && SYMBOL_OF[code]! >= 0) {
        node = table[node * SYMBOLS + SYMBOL_OF[code]!]!
        let report = output[node] !== -1 ? node : dictionary[node]!
        while (report !== -1 && stamp[report] !== current) {
          stamp[report] = current
          found.push(output[report]!)
          report = dictionary[report]!
        }
        continue
      }
      for (let u = 0; u < units; u++) {
        const unit = text.charCodeAt(i + u)
        if (node !== 0) {
          let next = edges.get(node * 65536 + unit)
          while (next === undefined && node !== 0) {
            node = fail[node]!
            next = node === 0 ? undefined : edges.get(node * 65536 + unit)
          }
          node = next ?? (unit < rootSize ? rootNext[unit]! : (rootWide.get(unit) ?? 0))
        } else {
          node = (unit < rootSize ? rootNext[unit]! : (rootWide.get(unit) ?? 0))
        }
        let report = output[node] !== -1 ? node : dictionary[node]!
        while (report !== -1 && stamp[report] !== current) {
          stamp[report] = current
          found.push(output[report]!)
          report = dictionary[report]!
        }
      }
      i += units - 1
    }
  }

  // Ring buffers for `scanSpans`, over the kept code units: where each was in the text, and how
  // many bad gaps were met up to it. Longer than the deepest pattern, so a report finds its first
  // unit still there.
  let maxDepth = 0
  for (let node = 0; node < size; node++) if (depth[node]! > maxDepth) maxDepth = depth[node]!
  let ringSize = 1
  while (ringSize <= maxDepth) ringSize *= 2
  const ringMask = ringSize - 1
  let positions: Int32Array | undefined
  let badGaps: Int32Array | undefined

  // The ASCII characters with a transition from the root (the first characters of patterns).
  const rootStarts = new Uint8Array(128)
  for (const code of children[0]!) if (code < 128) rootStarts[code] = 1
  // The ASCII pairs (first × 128 + second) that start a pattern; every pair after a one-character
  // pattern. Made on the first `scanSpans` (16 KB; phrase and word matchers never need it).
  let rootPairs: Uint8Array | undefined
  const pairsOf = (): Uint8Array => {
    const table = new Uint8Array(128 * 128)
    for (const pattern of patterns) {
      const first = pattern.charCodeAt(0)
      if (pattern === '' || first >= 128) continue
      if (pattern.length === 1) table.fill(1, first << 7, (first + 1) << 7)
      else if (pattern.charCodeAt(1) < 128) table[(first << 7) | pattern.charCodeAt(1)] = 1
    }
    return table
  }

  // The code units above ASCII that some pattern holds.
  const alphabet = new Set<number>()
  for (const pattern of patterns) for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) >= 0x80) alphabet.add(pattern.charCodeAt(i))
  // For each BMP code unit met by `scanSpans`, filled as met: 1 skipped (not a letter, digit or
  // `#`), 2 kept but in no pattern, 3 kept and in a pattern (0: not met yet). Made on the first scan.
  let spanKinds: Uint8Array | undefined

  // Whether a node ends a pattern or has one on its failure chain (a scan checks this before
  // walking the chain), and the depths as a typed array.
  const reportable = new Uint8Array(size)
  const depths = new Int32Array(size)
  for (let node = 0; node < size; node++) {
    reportable[node] = output[node] !== -1 || dictionary[node] !== -1 ? 1 : 0
    depths[node] = depth[node]!
  }

  // The native prefilter of `scanSpans`, per `maxGap` (made on first use; `null`: no gate).
  const gates = new Map<number, RegExp | null>()
  let ungatedScans = options?.gateAfter ?? GATE_AFTER

  const runSpans = (text: string, maxGap: number, accept: (id: number, start: number, end: number) => boolean): number => {
    if (ungatedScans > 0) {
      ungatedScans--
      return runSpansUngated(text, maxGap, accept)
    }
    let gate = gates.get(maxGap)
    if (gate === undefined) {
      gate = spansGate(patterns, maxGap)
      if (gates.size < 8) gates.set(maxGap, gate)
    }
    if (gate !== null && !gate.test(text)) return 0
    return runSpansUngated(text, maxGap, accept)
  }

  const runSpansUngated = (text: string, maxGap: number, accept: (id: number, start: number, end: number) => boolean): number => {
    scanNumber = scanNumber === 0x7fffffff ? 1 : scanNumber + 1
    if (scanNumber === 1) stamp.fill(0)
    const current = scanNumber
    const at = (positions ??= new Int32Array(ringSize))
    const bad = (badGaps ??= new Int32Array(ringSize))
    const unitKinds = (spanKinds ??= new Uint8Array(65536))
    // The tables in locals (read every character).
    const table = dense
    const symbols = SPAN_SYMBOL
    const ends = reportable
    const denseCount = denseNodes
    const starts = rootStarts
    const pairs = (rootPairs ??= pairsOf())
    let steps = 0
    let node = 0
    // Kept code units so far; the text offset of the last one; the bad gaps so far; whether a
    // character that ends a host was skipped since the last kept unit.
    let kept = 0
    let last = -1
    let bads = 0
    let broken = false
    // The patterns ending at the kept unit just read (a node that ends some: rare, so a call):
    // each reported once per scan, when no bad gap lies between its first kept unit and the last.
    const reportEnding = (): void => {
      let report = output[node] !== -1 ? node : dictionary[node]!
      while (report !== -1) {
        steps++
        if (stamp[report] !== current) {
          const first = kept - depths[report]!
          if (bad[first & ringMask] === bads && accept(output[report]!, at[first & ringMask]!, last + 1)) stamp[report] = current
        }
        report = dictionary[report]!
      }
    }
    const length = text.length
    for (let i = 0; i < length; i++) {
      if (node === 0) {
        // At the root, an ASCII character that starts no pattern changes nothing an occurrence
        // reads (the gaps before an occurrence's first unit are not inside it): skip them.
        while (i < length) {
          const c = text.charCodeAt(i)
          if (c >= 0x80) break
          if (starts[c] === 1) {
            // Nor one that starts a pattern when the next kept unit, right after it, does not
            // continue one (`c` then leads nowhere but back to where `d` alone leads).
            if (i + 1 === length) break
            const d = text.charCodeAt(i + 1)
            if (d >= 0x80 || pairs[(c << 7) | d] === 1) break
            const kind = symbols[d]!
            if (kind === SKIPPED || kind === ENDS_HOST) break
          }
          i++
        }
        if (i === length) break
      }
      const code = text.charCodeAt(i)
      let units = 1
      if (code < 0x80) {
        // ASCII: one table read says skipped, a host's end, kept with dense transitions (its
        // column), or kept (capitals).
        const symbol = symbols[code]!
        if (symbol === SKIPPED) continue
        if (symbol === ENDS_HOST) {
          broken = true
          continue
        }
        if (symbol >= 0 && node < denseCount) {
          steps++
          const next = table[node * SYMBOLS + symbol]!
          if (next === 0) {
            // Back at the root: this unit is in no occurrence, so it needs no place in the
            // rings (an occurrence's units all leave the automaton below the root).
            node = 0
            last = i
            broken = false
            continue
          }
          if (broken || (kept > 0 && i - last - 1 > maxGap)) bads++
          broken = false
          last = i
          at[kept & ringMask] = i
          bad[kept & ringMask] = bads
          kept++
          node = next
          if (ends[node] !== 0) reportEnding()
          continue
        }
      } else {
        if (code >= 0xd800 && code < 0xdc00 && i + 1 < length) {
          const low = text.charCodeAt(i + 1)
          if (low >= 0xdc00 && low < 0xe000) units = 2
        }
        if (units === 1) {
          // One read of this matcher's table: skipped, or kept in no pattern (most of a text in
          // another script: back to the root, in no occurrence, without the edge map), or kept.
          let known = unitKinds[code]!
          if (known === 0) known = unitKinds[code] = classifyAt(text, i) !== 1 ? 1 : alphabet.has(code) ? 3 : 2
          if (known === 1) continue
          if (known === 2) {
            node = 0
            last = i
            broken = false
            continue
          }
        } else if (!isWordAt(text, i, 2)) {
          i++
          continue
        } else if (!alphabet.has(code) && !alphabet.has(text.charCodeAt(i + 1))) {
          node = 0
          last = i + 1
          broken = false
          i++
          continue
        }
      }
      // Any other kept character (one code unit or a surrogate pair): the edge map.
      for (let u = 0; u < units; u++) {
        const unit = text.charCodeAt(i + u)
        if (broken || (kept > 0 && i + u - last - 1 > maxGap)) bads++
        broken = false
        last = i + u
        at[kept & ringMask] = last
        bad[kept & ringMask] = bads
        kept++
        steps++
        if (node !== 0) {
          let next = edges.get(node * 65536 + unit)
          while (next === undefined && node !== 0) {
            node = fail[node]!
            steps++
            next = node === 0 ? undefined : edges.get(node * 65536 + unit)
          }
          node = next ?? (unit < rootSize ? rootNext[unit]! : (rootWide.get(unit) ?? 0))
        } else {
          node = unit < rootSize ? rootNext[unit]! : (rootWide.get(unit) ?? 0)
        }
        if (ends[node] !== 0) reportEnding()
      }
      i += units - 1
    }
    return steps
  }

  const run = (text: string, found: FoundPattern[] | undefined): number => {
    scanNumber = scanNumber === 0x7fffffff ? 1 : scanNumber + 1
    if (scanNumber === 1) stamp.fill(0)
    const current = scanNumber
    const table = dense
    const denseCount = denseNodes
    let steps = 0
    let node = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      // A letter, digit, `#` or `.` from a shallow node: its full transition, failure links
      // already followed (one array read instead of map lookups).
      const symbol = code < 128 ? SYMBOL_OF[code]! : -1
      if (symbol >= 0 && node < denseCount) {
        node = table[node * SYMBOLS + symbol]!
      } else if (node !== 0) {
        let next = edges.get(node * 65536 + code)
        while (next === undefined && node !== 0) {
          node = fail[node]!
          steps++
          next = node === 0 ? undefined : edges.get(node * 65536 + code)
        }
        node = next ?? (code < rootSize ? rootNext[code]! : (rootWide.get(code) ?? 0))
      } else {
        node = (code < rootSize ? rootNext[code]! : (rootWide.get(code) ?? 0))
      }
      steps++
      let report = output[node] !== -1 ? node : dictionary[node]!
      while (report !== -1 && stamp[report] !== current) {
        stamp[report] = current
        steps++
        found?.push({ id: output[report]!, at: i + 1 - depth[report]! })
        report = dictionary[report]!
      }
    }
    return steps
  }

  return {
    patterns,
    scan(text) {
      const found: FoundPattern[] = []
      if (size > 1) {
        countScan()
        run(text, found)
      }
      return found
    },
    scanWords(text) {
      const found: number[] = []
      if (size > 1) {
        countScan()
        runWords(text, found)
      }
      return found
    },
    steps(text) {
      if (scansBeforeDense > 0) buildDense()
      return size > 1 ? run(text, undefined) : 0
    },
    scanSpans(text, maxGap, accept) {
      if (size <= 1) return 0
      countScan()
      return runSpans(text, maxGap, accept)
    },
    scanSpansUngated(text, maxGap, accept) {
      if (size <= 1) return 0
      countScan()
      return runSpansUngated(text, maxGap, accept)
    },
  }
}

/** Scans of a matcher before its dense table is built (see `createMultiPatternMatcher`). */
const DENSE_AFTER = 16
/** `scanSpans` calls of a matcher before its gate is built (see `createMultiPatternMatcher`). */
const GATE_AFTER = 32
/** Code units of a pattern's start the gate of `scanSpans` reads (fewer when the list is long). */
const GATE_DEPTH = 8
/** Most nodes of the gate's trie (its regex source grows with them). */
const GATE_NODES = 1500
/** Longest regex source a gate is given (about nodes × the gap class). */
const GATE_SOURCE = 100_000
/** Longest `maxGap` a gate is made for (the regex retries each gap length). */
const GATE_MAX_GAP = 16
const NEVER = /(?!)/

/**
 * The native prefilter of `scanSpans`: a regex (no `u` flag: it reads UTF-16 code units, as the
 * scan does) that finds the first code units of some pattern, each two separated by at most
 * `maxGap` code units none of which can be kept by the scan (a letter, digit, `#` or `.`) or end
 * a host (`/ @ ? = &`). Every occurrence `scanSpans` reports starts so, hence a text the gate
 * rejects holds none (fuzzed against the ungated scan in test/text/).
 *
 * Derived from the compiled patterns: their starts, up to `GATE_DEPTH` code units, in a trie
 * (one regex branch per shared start). A pattern holding a character the scan never keeps
 * (punctuation, a mark) can never be reported and is left out; a start is cut before its first
 * surrogate (a surrogate is kept or skipped depending on its pair). The gap class leaves out
 * every character of the trie, so the regex never has two ways to read a character: it stays
 * linear (at most `maxGap` retries a character and trie level).
 *
 * @param patterns - the patterns as compiled
 * @param maxGap - the scan's `maxGap`
 * @returns the gate, or `null` when there is none (every text is scanned)
 */
export function spansGate(patterns: readonly string[], maxGap: number): RegExp | null {
  if (!Number.isInteger(maxGap) || maxGap < 0 || maxGap > GATE_MAX_GAP) return null
  return gateOf(patterns, (code) => SPAN_SYMBOL[code]! !== SKIPPED && SPAN_SYMBOL[code]! !== ENDS_HOST, '/@?=&', `{0,${maxGap}}`)
}

/**
 * A gate over the starts of the patterns (see `spansGate`).
 *
 * @param patterns - the patterns
 * @param keptAscii - whether the scan keeps an ASCII character (the others: letters, digits, `#`)
 * @param breaks - ASCII characters a gap must not hold
 * @param repeat - the gap's quantifier
 */
function gateOf(patterns: readonly string[], keptAscii: (code: number) => boolean, breaks: string, repeat: string): RegExp | null {
  const starts: string[] = []
  for (const pattern of patterns) {
    if (pattern === '') continue
    // Where the first surrogate is (a surrogate is kept or skipped as its pair is: the start ends before it).
    let cut = pattern.length
    let reportable = true
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i)
      if (code >= 0xd800 && code < 0xe000) {
        if (cut > i) cut = i
        continue
      }
      const kept = code < 0x80 ? keptAscii(code) : WORD.test(String.fromCharCode(code))
      if (!kept) reportable = false
    }
    if (!reportable) continue
    if (cut === 0) return null
    starts.push(pattern.slice(0, cut))
  }
  if (starts.length === 0) return NEVER
  let longest = 0
  for (const start of starts) if (start.length > longest) longest = start.length
  // The deepest trie within the bounds: its nodes and its gap class only grow with the depth, so
  // the first depth past a bound ends the search.
  let source: string | undefined
  for (let depth = 1; depth <= Math.min(GATE_DEPTH, longest); depth++) {
    const trie = new Map<number, unknown>()
    const literals = new Set<number>()
    // Where a start ends, the text needs no more: such a node is read as a leaf.
    const ends = new Set<Map<number, unknown>>()
    let nodes = 0
    for (const start of starts) {
      let node = trie
      for (let i = 0; i < Math.min(depth, start.length) && !ends.has(node); i++) {
        const code = start.charCodeAt(i)
        literals.add(code)
        let child = node.get(code) as Map<number, unknown> | undefined
        if (child === undefined) {
          node.set(code, (child = new Map()))
          nodes++
        }
        node = child
      }
      ends.add(node)
    }
    if (nodes > GATE_NODES) break
    // A gap: code units the scan never keeps (ASCII letters and digits, which every scan keeps,
    // and the trie's characters) and none that breaks an occurrence.
    let gap = `[^a-zA-Z0-9${breaks}`
    for (const code of literals) if (!(code >= 97 && code <= 122) && !(code >= 65 && code <= 90) && !(code >= 48 && code <= 57)) gap += unitEscape(code)
    gap += `]${repeat}`
    // A gap follows each inner node: a list in many scripts makes a long class, the trie shallower.
    if (depth > 1 && nodes * gap.length > GATE_SOURCE) break
    const branch = (node: Map<number, unknown>): string => {
      const alternatives: string[] = []
      for (const [code, child] of node) {
        const rest = child as Map<number, unknown>
        alternatives.push(rest.size === 0 || ends.has(rest) ? unitEscape(code) : unitEscape(code) + gap + branch(rest))
      }
      return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`
    }
    source = branch(trie)
  }
  return source === undefined ? null : new RegExp(source)
}

/** A code unit as a regex escape (`\uXXXX`). */
const unitEscape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

/** Transitions from the root on other than ASCII above which the root gets a full table (else a map). */
const WIDE_ROOTS = 16
/** Nodes given dense ASCII transitions (at most 4096 × 38 × 4 bytes). */
const DENSE_NODES = 4096
/** The ASCII characters `compactSkeleton` keeps in a skeleton: a–z, 0–9, `#` (a skeleton has no capitals), and `.` (`scanSpans` keeps it). */
const SYMBOL_CODES: readonly number[] = /* @__PURE__ */ [...'abcdefghijklmnopqrstuvwxyz0123456789#.'].map((c) => c.charCodeAt(0))
const SYMBOLS = 38
const SYMBOL_OF = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(-1)
  SYMBOL_CODES.forEach((code, k) => (table[code] = k))
  return table
})()

// Letters, digits and `#`: what `compactSkeleton` keeps. ASCII from a table; other characters
// from a table filled as they are met (the answer for a code point never changes).
const WORD = /^[\p{L}\p{N}#]$/u
const ASCII_CLASS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128)
  for (let code = 0; code < 128; code++) table[code] = WORD.test(String.fromCharCode(code)) ? 1 : 0
  return table
})()
// How `scanSpans` reads each ASCII character: its dense column (a–z, 0–9, `#`, `.`), or skipped,
// or skipped and ending a host (`/ @ ? = &`: never inside an occurrence), or kept (capitals).
const SKIPPED = -1
const ENDS_HOST = -2
const KEPT = -3
const SPAN_SYMBOL = /* @__PURE__ */ (() => {
  const table = new Int8Array(128).fill(SKIPPED)
  for (const c of '/@?=&') table[c.charCodeAt(0)] = ENDS_HOST
  for (let code = 0; code < 128; code++) if (ASCII_CLASS[code] === 1) table[code] = KEPT
  SYMBOL_CODES.forEach((code, k) => (table[code] = k))
  return table
})()

// 0: not known yet, 1: a word character, 2: not one. BMP only; astral code points in a map.
let bmpClass: Uint8Array | undefined
const astralClass = new Map<number, boolean>()

/** Classifies the BMP character at `i` into `bmpClass` (1: a word character, 2: not one) and returns it. */
function classifyAt(text: string, i: number): number {
  const known = WORD.test(text.charAt(i)) ? 1 : 2
  ;(bmpClass ??= new Uint8Array(65536))[text.charCodeAt(i)] = known
  return known
}

function isWordAt(text: string, i: number, units: number): boolean {
  if (units === 1) {
    const code = text.charCodeAt(i)
    const table = (bmpClass ??= new Uint8Array(65536))
    const known = table[code]!
    return (known === 0 ? classifyAt(text, i) : known) === 1
  }
  const cp = text.codePointAt(i) ?? 0
  let word = astralClass.get(cp)
  if (word === undefined) {
    word = WORD.test(String.fromCodePoint(cp))
    if (astralClass.size < 4096) astralClass.set(cp, word)
  }
  return word
}

/** A word list in the one multi-pattern matcher: which of its words a text contains. */
export interface WordSetMatcher {
  readonly matcher: MultiPatternMatcher
  /**
   * The words of the list the text contains (as `text.includes(word)` says), in one scan.
   *
   * @param text - any text, already in the form the words are written in
   */
  wordsIn(text: string): ReadonlySet<string>
}

const NONE: ReadonlySet<string> = /* @__PURE__ */ new Set()

/**
 * Compiles a word list (brand names, staff words, lure words) for `wordsIn`: callers keep their
 * list order for choosing among the words found (`list.find((w) => found.has(w))` is
 * `list.find((w) => text.includes(w))`).
 *
 * @param words - the words
 * @returns the matcher
 */
export function createWordSetMatcher(words: readonly string[]): WordSetMatcher {
  const matcher = createMultiPatternMatcher(words)
  return {
    matcher,
    wordsIn(text) {
      const found = matcher.scan(text)
      if (found.length === 0) return NONE
      return new Set(found.map((f) => words[f.id]!))
    },
  }
}
