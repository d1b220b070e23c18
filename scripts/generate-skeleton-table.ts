/**
 * Generates src/data/skeleton-table.ts: what each non-ASCII code point becomes in the matching
 * skeleton of `src/text/deobfuscate.ts`.
 *
 * Usage: npx tsx scripts/generate-skeleton-table.ts [--ucd /usr/share/unicode] [--check]
 *
 * Inputs (nothing is fetched):
 * - Unicode's confusables.txt (UTS #39) as the npm package `unhomoglyph` ships it
 *   (node_modules/unhomoglyph/data.json: every line of confusables.txt, source → prototype);
 * - the Unicode Character Database of the Debian package `unicode-data`
 *   (/usr/share/unicode/UnicodeData.txt for names and general categories, CaseFolding.txt);
 * - NFD/NFKD of the Node.js running this script (its ICU).
 *
 * The rule, per code point c (repeated until nothing changes, then NFC):
 *   NFD → confusable prototype → NFKD → marks (Mn, Me) and format characters (Cf) and the
 *   invisible fillers removed → full case folding → confusable prototype.
 * A confusable prototype is used only when it folds to ASCII letters or digits (or, for a
 * punctuation or symbol source, to `.` `/` `:` `@` `-`): letters that imitate Latin letters and
 * digits, and kana or kanji whose prototype is kana or kanji (カ → 力, 一 → ー); never mappings
 * inside other scripts, never ASCII to ASCII (`m` → `rn`, `0` → `O`: they would change ordinary
 * text and hosts). A letter left outside ASCII whose name
 * says which Latin letter it is (`LATIN LETTER SMALL CAPITAL D`, `NEGATIVE SQUARED LATIN CAPITAL
 * LETTER D`, `LATIN SMALL LETTER D WITH HOOK`) becomes that letter.
 * Only code points whose result differs from themselves are written, as ranges.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const ucdAt = args.indexOf('--ucd')
const ucd = ucdAt >= 0 ? (args[ucdAt + 1] ?? '') : '/usr/share/unicode'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const confusablesPath = require.resolve('unhomoglyph/data.json')
const confusablesVersion = (JSON.parse(readFileSync(require.resolve('unhomoglyph/package.json'), 'utf8')) as { version: string }).version
const confusables = JSON.parse(readFileSync(confusablesPath, 'utf8')) as Record<string, string>

interface CharInfo {
  readonly name: string
  readonly category: string
}
const info = new Map<number, CharInfo>()
const unicodeData = readFileSync(join(ucd, 'UnicodeData.txt'), 'utf8')
const ucdVersion = /CaseFolding-([0-9.]+)\.txt/u.exec(readFileSync(join(ucd, 'CaseFolding.txt'), 'utf8'))?.[1] ?? 'unknown'
for (const line of unicodeData.split('\n')) {
  const [code, name, category] = line.split(';')
  if (code === undefined || code === '' || name === undefined || category === undefined) continue
  // Ranges (CJK ideographs, Hangul syllables, …) have `<…, First>` names: their letters need no entry.
  if (name.startsWith('<') && name !== '<control>') continue
  info.set(Number.parseInt(code, 16), { name, category })
}
const caseFold = new Map<number, string>()
for (const line of readFileSync(join(ucd, 'CaseFolding.txt'), 'utf8').split('\n')) {
  const [code, status, mapping] = line.split(';').map((s) => s.trim())
  if (code === undefined || code === '' || code.startsWith('#') || mapping === undefined) continue
  if (status !== 'C' && status !== 'F') continue
  caseFold.set(Number.parseInt(code, 16), String.fromCodePoint(...mapping.split(' ').map((h) => Number.parseInt(h, 16))))
}

// Characters that render as nothing although not Cf or a mark (src/text/invisible.ts).
const INVISIBLE_EXTRA = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800])
const removed = (cp: number): boolean => {
  const category = info.get(cp)?.category
  return category === 'Mn' || category === 'Me' || category === 'Cf' || INVISIBLE_EXTRA.has(cp) || (cp >= 0xe0000 && cp <= 0xe0fff)
}
const ASCII_WORD = /^[a-z0-9]+$/u
const ASCII_PUNCT = /^[./:@-]$/u
// Kana and kanji (and the long-vowel mark): a prototype inside these scripts is used when the
// source is in them too and one of the two is kana (カ → 力, ロ → 口, ニ → 二, 一 → ー):
// look-alikes across kana and kanji, so a listed Japanese phrase matches with a kana written as
// the kanji it resembles.
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+$/u
// One side kana: variant kanji of one another (黒, 黑) are left to NFKC as they were.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u

function foldOnce(text: string, useConfusables: boolean): string {
  let out = ''
  for (const char of text.normalize('NFD')) out += useConfusables ? confusable(char) : char
  let stripped = ''
  for (const char of out.normalize('NFKD')) {
    const cp = char.codePointAt(0) ?? 0
    if (removed(cp)) continue
    // Lower case as JavaScript does (the run time lowercases ASCII and leaves unlisted letters as
    // they are), then full case folding where it does not undo that (ς → σ, ß → ss; Cherokee
    // small letters fold to capitals, which JavaScript lowercases back: they stay small).
    const lower = char.toLowerCase()
    const folded = [...lower].map((c) => caseFold.get(c.codePointAt(0) ?? 0) ?? c).join('')
    stripped += folded.toLowerCase() === folded ? folded : lower
  }
  out = ''
  for (const char of stripped) out += useConfusables ? confusable(char) : char
  return out
}

/** Folds without confusables until stable (what a prototype must reach to be used). */
function plainFold(text: string): string {
  let current = text
  for (let i = 0; i < 8; i++) {
    const next = foldOnce(current, false)
    if (next === current) break
    current = next
  }
  return current
}

const usable = new Map<string, string>()
function confusable(char: string): string {
  const cp = char.codePointAt(0) ?? 0
  if (cp < 0x80) return char
  const cached = usable.get(char)
  if (cached !== undefined) return cached
  let result = char
  // Set before recursing: a prototype that leads back here stays as it is.
  usable.set(char, char)
  // A letter that NFKD and case folding already make ASCII (𝐦 → m) is not looked up: TR39's
  // prototype would be another spelling of it (rn).
  const prototype = ASCII_WORD.test(plainFold(char)) ? undefined : confusables[char]
  if (prototype !== undefined) {
    let folded = plainFold(prototype)
    // A prototype that is itself a look-alike (ꭰ → ᴅ → d) is followed.
    if (!ASCII_WORD.test(folded)) folded = [...folded].map((c) => confusable(c)).join('')
    const category = info.get(cp)?.category ?? ''
    if (ASCII_WORD.test(folded) || (ASCII_PUNCT.test(folded) && /^[PS]/u.test(category)) || (JAPANESE.test(char) && JAPANESE.test(folded) && KANA.test(char + folded))) result = folded
    // TR39 writes capital I as its prototype l; a letter named I reads as i (Lisu ꓲ).
    // So does a capital whose small letter reads as i (Cyrillic І).
    if (result === 'l' && (/LETTER (?:CAPITAL )?I$/u.test(info.get(cp)?.name ?? '') || (char.toLowerCase() !== char && confusable(char.toLowerCase()) === 'i'))) result = 'i'
  }
  if (result === char) {
    const name = info.get(cp)?.name ?? ''
    const letter = /(?:^|NEGATIVE SQUARED |NEGATIVE CIRCLED |MODIFIER )LATIN (?:CAPITAL |SMALL )?LETTER (?:SMALL CAPITAL )?([A-Z])(?: WITH .*)?$|^MODIFIER LETTER (?:CAPITAL |SMALL )?([A-Z])$/u.exec(name)
    const found = letter?.[1] ?? letter?.[2]
    if (found !== undefined) result = found.toLowerCase()
  }
  usable.set(char, result)
  return result
}

function skeletonOf(cp: number): string {
  let current = String.fromCodePoint(cp)
  for (let i = 0; i < 8; i++) {
    const next = foldOnce(current, true)
    if (next === current) break
    current = next
  }
  return current.normalize('NFC')
}

const entries: [number, string][] = []
// UnicodeData.txt lists CJK ideographs as ranges, not one by one: the ones confusables.txt names
// as look-alikes (一) are added.
const confusableSources = Object.keys(confusables).filter((source) => [...source].length === 1).map((source) => source.codePointAt(0)!)
const codes = [...new Set([...info.keys(), ...confusableSources])].filter((cp) => cp >= 0x80 && (cp < 0xd800 || cp > 0xdfff)).sort((a, b) => a - b)
/** What `deobfuscate` computes at run time for a code point marked `~`: NFKC, then lower case. */
const RUNTIME = (char: string): string => char.normalize('NFKC').toLowerCase()
/** What `deobfuscate` computes at run time for a code point marked `^`: NFKD, marks removed, lower case. */
const RUNTIME_BASE = (char: string): string => char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
let byRuntime = 0
for (const cp of codes) {
  const skeleton = skeletonOf(cp)
  const char = String.fromCodePoint(cp)
  if (skeleton === char) continue
  // Outside ASCII, a skeleton the run time gets from NFKC and lower case is marked `~`, not
  // written out (CJK compatibility ideographs, Arabic presentation forms, radicals, …).
  if (/[^\u0000-\u007f]/u.test(skeleton) && RUNTIME(char) === skeleton) {
    entries.push([cp, '~'])
    byRuntime++
  } else if (skeleton !== '' && RUNTIME_BASE(char) === skeleton) {
    entries.push([cp, '^'])
    byRuntime++
  } else {
    entries.push([cp, skeleton])
  }
}
// Variation selectors and tags are Mn/Cf in UnicodeData and covered above; check that the table
// is stable: the skeleton of a skeleton is itself.
for (const [cp, written] of entries) {
  const skeleton = written === '~' ? RUNTIME(String.fromCodePoint(cp)) : written === '^' ? RUNTIME_BASE(String.fromCodePoint(cp)) : written
  let again = ''
  for (const char of skeleton) {
    const c = char.codePointAt(0) ?? 0
    const mapped = entries.find(([e]) => e === c)?.[1]
    again += c < 0x80 ? char.toLowerCase() : mapped === '~' ? RUNTIME(char) : mapped === '^' ? RUNTIME_BASE(char) : (mapped ?? char)
  }
  if (again !== skeleton) throw new Error(`not idempotent at U+${cp.toString(16)}: ${skeleton} → ${again}`)
}

// Ranges: runs of consecutive code points whose skeletons are one code point each, in step 1
// (fullwidth and mathematical alphabets) or step 0 (marks → ''; one letter for a run).
const records: string[] = []
// Each record starts where the previous one ended plus a gap (the first: at 0 plus its gap): gaps
// are short and repeat, where absolute starts are long and never do (8.8 kB gzipped before, 4.1 kB
// with gaps).
let end = 0
for (let i = 0; i < entries.length; ) {
  const [start, target] = entries[i]!
  const single = [...target].length === 1 ? target.codePointAt(0)! : -1
  let length = 1
  let step = 0
  if (single >= 0 && i + 1 < entries.length && entries[i + 1]![0] === start + 1 && [...entries[i + 1]![1]].length === 1 && entries[i + 1]![1].codePointAt(0) === single + 1) step = 1
  while (i + length < entries.length) {
    const [cp, t] = entries[i + length]!
    if (cp !== start + length) break
    if (step === 1 ? [...t].length !== 1 || t.codePointAt(0) !== single + length : t !== target) break
    length++
  }
  const escaped = target.replace(/[\\;,]/gu, (c) => `\\${c}`)
  const gap = start - end
  records.push(`${gap === 0 ? '' : gap.toString(36)},${length === 1 ? '' : length.toString(36)}${step === 1 ? '+' : ''},${escaped}`)
  end = start + length
  i += length
}
// Lines of whole records, as JSON strings with targets outside printable ASCII as \u escapes.
const lines: string[] = []
let line = ''
for (const record of records) {
  if (line !== '' && line.length + record.length > 90) {
    lines.push(line)
    line = ''
  }
  line += `${record};`
}
if (line !== '') lines.push(line)
// Every UTF-16 code unit outside printable ASCII as its own escape (an astral character is two).
const literal = (text: string): string =>
  JSON.stringify(text).replace(/[^\u0020-\u007e]/gu, (c) => c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))
// Where each block of 2 ** BLOCK_BITS code points starts reading (the run time parses only the blocks a text
// reaches): the offset in the table of the first record that ends past the block's start, and the
// end of the record before it (the base of its gap).
const BLOCK_BITS = Number(process.env['SKELETON_BLOCK_BITS'] ?? 10)
const blocks: string[] = []
{
  const spans: { offset: number; before: number; start: number; end: number }[] = []
  // Offsets in the table as the run time reads it: the string the literals below evaluate to.
  const tableText = lines.map((l) => JSON.parse(literal(l)) as string).join('')
  let offset = 0
  let recordEnd = 0
  for (const record of tableText.includes('\\') ? tableText.split(/(?<!\\);/u) : tableText.split(';')) {
    if (record === '') continue
    const [gapText = '', lengthField = ''] = record.split(',')
    const lengthText = lengthField.replace('+', '')
    const start = recordEnd + (gapText === '' ? 0 : Number.parseInt(gapText, 36))
    const end = start + (lengthText === '' ? 1 : Number.parseInt(lengthText, 36))
    spans.push({ offset, before: recordEnd, start, end })
    recordEnd = end
    offset += record.length + 1
  }
  let first = 0
  for (let block = 0; block << BLOCK_BITS < recordEnd; block++) {
    while (spans[first]!.end <= block << BLOCK_BITS) first++
    const span = spans[first]!
    // An empty entry: no record in the block.
    blocks.push(span.start >= (block + 1) << BLOCK_BITS ? '' : `${span.offset.toString(36)},${span.before.toString(36)}`)
  }
}
const out = `/**
 * What each non-ASCII code point becomes in the matching skeleton (src/text/deobfuscate.ts).
 * GENERATED by scripts/generate-skeleton-table.ts: do not edit by hand.
 *
 * Sources: Unicode confusables.txt (UTS #39, version 13.0.0) as shipped in the npm package
 * unhomoglyph@${confusablesVersion} (MIT; data © Unicode, Inc., Unicode licence); the Unicode Character
 * Database ${ucdVersion} of the Debian package unicode-data (UnicodeData.txt: names and general
 * categories; CaseFolding.txt: full case folding); NFD/NFKD of Node.js ${process.version} (Unicode
 * ${process.versions.unicode}). Rule: NFD → confusable prototype → NFKD → marks (Mn, Me), format
 * characters (Cf) and invisible fillers removed → case folding → confusable prototype, until
 * stable, then NFC. Confusable prototypes are used only when they fold to ASCII letters or digits
 * (or \`. / : @ -\` for a punctuation or symbol source); letters still outside ASCII whose name
 * gives their Latin letter (small capitals, negative squared letters, letters with hooks or
 * strokes) become that letter. Left out: mappings inside other scripts (kana to kanji) and ASCII
 * to ASCII (\`m\` → \`rn\`, \`0\` → \`O\`).
 *
 * ${entries.length} code points in ${records.length} records \`gap,length[+],target\` (base 36; a record starts
 * \`gap\` code points after the previous record's end, the first after 0; no gap: 0; \`+\`: the
 * target's code point grows with the source's; no length: 1). Target \`~\`: NFKC then lower case at run
 * time; \`^\`: NFKD, marks removed, lower case at run time; each used only where it gives the
 * same skeleton (${byRuntime} code points).
 */
export const SKELETON_TABLE =
${lines.map((l) => `  ${literal(l)}`).join(' +\n')}

/**
 * Where the records of each block of ${2 ** BLOCK_BITS} code points (\`2 ** SKELETON_BLOCK_BITS\`) start
 * (block \`cp >> ${BLOCK_BITS}\`), one
 * \`offset,end\` a block (base 36): the offset in \`SKELETON_TABLE\` of the first record that ends past
 * the block's start, and the end of the record before it (the base of that record's gap); empty for
 * a block without records. Blocks past the last (${blocks.length}) have no record.
 */
export const SKELETON_BLOCK_BITS = ${BLOCK_BITS}
export const SKELETON_BLOCKS =
${blocks.join(';').match(/.{1,90}(?:;|$)/gu)!.map((l) => `  ${literal(l)}`).join(' +\n')}
`
const target = join(root, 'src/data/skeleton-table.ts')
if (args.includes('--check')) {
  const current = readFileSync(target, 'utf8')
  if (current.replace(/Node\.js v[0-9.]+ \(Unicode\n? \* [0-9.]+\)/u, '') !== out.replace(/Node\.js v[0-9.]+ \(Unicode\n? \* [0-9.]+\)/u, '')) {
    console.error('src/data/skeleton-table.ts is not what the generator writes')
    process.exitCode = 1
  }
} else {
  writeFileSync(target, out)
  console.log(`wrote ${target}: ${entries.length} code points, ${records.length} records, ${out.length} characters`)
}
