/**
 * The contract of the de-obfuscation layer: for any text t and any disguise d of the issue's
 * classes, the skeleton of d(t) equals the skeleton of t on what the matchers read. The disguises
 * are written here from their own tables (letters of other blocks listed by hand or by code-point
 * arithmetic), not from the generated table the layer uses.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compactSkeleton, skeleton } from '../../src/text/deobfuscate.js'
import { referenceSkeleton } from './deobfuscate-reference.js'

const RUNS = { seed: 20261207, numRuns: 400 }

const word = fc.stringMatching(/^[a-z]{3,9}$/u)
const host = fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/u), fc.constantFrom('gg', 'com', 'org', 'io', 'net'))
const code = fc.stringMatching(/^[a-z0-9]{4,10}$/u)
/** A post: words, a host with a path, more words. */
const post = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), host, code, fc.array(word, { maxLength: 5 })).map(([before, [name, tld], path, after]) => ({ before, name, tld, path, after }))
type Post = { before: string[]; name: string; tld: string; path: string; after: string[] }
const render = (p: Post, name = p.name, dot = '.', slash = '/'): string => `${p.before.join(' ')} ${name}${dot}${p.tld}${slash}${p.path} ${p.after.join(' ')}`

// Letters of other blocks, by hand or by code-point arithmetic.
const SMALL_CAPITALS: Record<string, string> = { a: 'ᴀ', b: 'ʙ', c: 'ᴄ', d: 'ᴅ', e: 'ᴇ', f: 'ꜰ', g: 'ɢ', h: 'ʜ', i: 'ɪ', j: 'ᴊ', k: 'ᴋ', l: 'ʟ', m: 'ᴍ', n: 'ɴ', o: 'ᴏ', p: 'ᴘ', r: 'ʀ', s: 'ꜱ', t: 'ᴛ', u: 'ᴜ', v: 'ᴠ', w: 'ᴡ', y: 'ʏ', z: 'ᴢ' }
const CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', j: 'ј', o: 'о', p: 'р', s: 'ѕ', x: 'х', y: 'у', h: 'һ' }
const GREEK: Record<string, string> = { c: 'ϲ', i: 'ι', o: 'ο', v: 'ν' }
const offset = (base: number) => (letter: string): string => String.fromCodePoint(base + letter.charCodeAt(0) - 97)
const BLOCKS: Record<string, (letter: string) => string> = {
  'small capitals': (l) => SMALL_CAPITALS[l] ?? l,
  cyrillic: (l) => CYRILLIC[l] ?? l,
  greek: (l) => GREEK[l] ?? l,
  'negative squared': (l) => String.fromCodePoint(0x1f170 + l.charCodeAt(0) - 97),
  'negative circled': (l) => String.fromCodePoint(0x1f150 + l.charCodeAt(0) - 97),
  fullwidth: offset(0xff41),
  'mathematical bold': offset(0x1d41a),
  'mathematical sans-serif': offset(0x1d5ba),
  circled: offset(0x24d0),
  uppercase: (l) => l.toUpperCase(),
}
const lettersOf = (text: string, f: (l: string) => string): string => text.replace(/[a-z]/gu, f)

const MARKS = ['\u20dd', '\u20de', '\u0301', '\u0338', '\u0336', '\u0489']
const FORMAT = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u200e', '\ufeff', '\u{e0020}']
const interleave = (text: string, pick: (i: number) => string): string => Array.from(text, (c, i) => (/[a-z]/u.test(c) ? c + pick(i) : c)).join('')

const DOTS = [' (dot) ', '[.]', ' dot ', ' . ', '。', 'ドット', '(.)', '{dot}', '．']
const SLASHES = [' / ', ' slash ', 'スラッシュ', '[/]', '／']

describe('deobfuscate: skeleton(d(t)) = skeleton(t)', () => {
  test('letters from other blocks', () => {
    fc.assert(
      fc.property(post, fc.constantFrom(...Object.keys(BLOCKS)), (p, block) => {
        const t = render(p)
        expect(skeleton(lettersOf(t, BLOCKS[block]!))).toBe(skeleton(t))
      }),
      RUNS,
    )
  })

  test('marks and format characters between letters', () => {
    fc.assert(
      fc.property(post, fc.constantFrom(MARKS, FORMAT), fc.nat(), (p, set, seed) => {
        const t = render(p)
        expect(skeleton(interleave(t, (i) => set[(seed + i) % set.length]!))).toBe(skeleton(t))
      }),
      RUNS,
    )
  })

  test('a right-to-left override with the text stored reversed', () => {
    fc.assert(
      fc.property(post, (p) => {
        const t = render(p)
        const reversed = Array.from(`${p.name}.${p.tld}/${p.path}`).reverse().join('')
        const disguised = `${p.before.join(' ')} \u202e${reversed}\u202c ${p.after.join(' ')}`
        expect(skeleton(disguised)).toBe(skeleton(t))
      }),
      RUNS,
    )
  })

  test('spelled-out, bracketed, fullwidth and Japanese punctuation in a host', () => {
    fc.assert(
      fc.property(post, fc.constantFrom(...DOTS), fc.constantFrom(...SLASHES), (p, dot, slash) => {
        expect(skeleton(render(p, p.name, dot, slash))).toBe(skeleton(render(p)))
      }),
      RUNS,
    )
  })

  test('percent-escapes and Punycode in a host', () => {
    fc.assert(
      fc.property(post, fc.nat(), (p, seed) => {
        const escaped = Array.from(p.name, (c, i) => ((seed >> i) & 1 ? `%${c.charCodeAt(0).toString(16)}` : c)).join('')
        expect(skeleton(render(p, escaped))).toBe(skeleton(render(p)))
      }),
      RUNS,
    )
    expect(skeleton('see xn--68j5e377y.com/x')).toBe(skeleton('see 荒らし.com/x'))
  })

  test('letters written one by one, on what phrases read (letters and digits)', () => {
    fc.assert(
      fc.property(post, fc.constantFrom(' ', '-', '.', ' 🔥 ', '_', '*'), (p, separator) => {
        const spaced = Array.from(p.name).join(separator)
        const t = render(p)
        expect(compactSkeleton(skeleton(render(p, spaced)))).toBe(compactSkeleton(skeleton(t)))
        // With a separator unlike the dot, the host reads whole.
        if (separator !== '.') expect(skeleton(render(p, spaced))).toContain(`${p.name}.${p.tld}/${p.path}`)
      }),
      RUNS,
    )
  })

  test('katakana spelling of discord', () => {
    fc.assert(
      fc.property(post, (p) => {
        expect(skeleton(render({ ...p, name: 'discord' }, 'ディスコード'))).toBe(skeleton(render({ ...p, name: 'discord' })))
      }),
      { ...RUNS, numRuns: 50 },
    )
  })

  test('idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (t) => {
        const once = skeleton(t)
        expect(skeleton(once)).toBe(once)
      }),
      RUNS,
    )
  })
})

// Pieces that hit every gate and fast path of the layer: ASCII runs, `%`, `--`, RLO, brackets,
// Japanese dots, kana spellings, spaced letters, characters of the table and outside it.
const FRAGMENTS = ['a', 'd', 'i', ' ', '.', '/', '(', ')', '[', ']', 'dot', 'slash', '%', '%64', '%e8%8d%92', '--', 'xn--68j5e377y', '\u202e', '\u202c', '\n', '。', 'ドット', 'てん', 'スラッシュ', 'ディスコード', 'і', 'ᴅ', '🅳', 'ｄ', '\u20dd', '\u200b', 'が', '荒', '😀', '\ud800', 'Σ', 'ς', 'ß', 'İ', 'ꭰ', '\u3000', '\t', 'A', 'Z', '1']
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''))

describe('deobfuscate: every gate and fast path against the ungated reference', () => {
  test('fragments of every disguise', () => {
    fc.assert(
      fc.property(fragmentText, (t) => {
        expect(skeleton(t)).toBe(referenceSkeleton(t))
      }),
      { seed: 20261207, numRuns: 3000 },
    )
  })

  test('any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (t) => {
        expect(skeleton(t)).toBe(referenceSkeleton(t))
      }),
      { seed: 20261207, numRuns: 2000 },
    )
  })

  test('every code point alone and between ASCII letters', () => {
    for (let cp = 0x80; cp < 0x30000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const t = `a${String.fromCodePoint(cp)}b`
      const got = skeleton(t)
      if (got !== referenceSkeleton(t)) expect(got).toBe(referenceSkeleton(t))
    }
  })
})

describe('the spaced-letters prefilter never rejects a run', () => {
  test('mayHaveSpacedLetters is true wherever the expression matches', async () => {
    const { mayHaveSpacedLetters } = await import('../../src/text/transformers/spaced-letters.js')
    const spaced = /[a-z0-9](?<![\p{L}\p{N}][a-z0-9]|[\p{L}\p{N}][^\p{L}\p{N}\s][a-z0-9])(?:[^\p{L}\p{N}\n]{1,4}[a-z0-9]){2,}(?![\p{L}\p{N}])/u
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '1', 'ab', ' ', '  ', '.', '-', '😀', '\n', 'д', 'é', '/', '   '), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        if (spaced.test(text)) expect(mayHaveSpacedLetters(text)).toBe(true)
      }),
      { seed: 20261207, numRuns: 5000 },
    )
  })
})

describe('deobfuscate: spans map back to the text as written', () => {
  test('the written span of any part of the skeleton reads as that part', async () => {
    const { deobfuscate } = await import('../../src/text/deobfuscate.js')
    fc.assert(
      fc.property(post, fc.constantFrom(...Object.keys(BLOCKS)), fc.constantFrom(...DOTS), fc.nat(), fc.nat(), (p, block, dot, a, b) => {
        const written = lettersOf(render(p, p.name, dot), BLOCKS[block]!)
        const view = deobfuscate(written)
        const start = a % (view.text.length + 1)
        const end = start + (b % (view.text.length - start + 1))
        if (end === start) return
        const span = view.span(start, end)
        // The written span, read again, holds what the skeleton showed there.
        expect(skeleton(written.slice(span.start, span.end))).toContain(compactSkeleton(view.text.slice(start, end)).slice(0, 1))
        expect(span.start).toBeGreaterThanOrEqual(0)
        expect(span.end).toBeLessThanOrEqual(written.length)
      }),
      RUNS,
    )
  })

  test('an invite found in a disguised post quotes the disguised text', async () => {
    const { findDiscordInvites } = await import('../../src/links/discord-invite.js')
    fc.assert(
      fc.property(post, fc.constantFrom(...Object.keys(BLOCKS)), fc.constantFrom(...DOTS), fc.constantFrom(...SLASHES), (p, block, dot, slash) => {
        const written = `${p.before.join(' ')} ${lettersOf('discord', BLOCKS[block]!)}${dot}gg${slash}${p.path} ${p.after.join(' ')}`
        const [invite] = findDiscordInvites(written)
        expect(invite?.host).toBe('discord.gg')
        expect(written).toContain(invite!.match)
        expect(skeleton(invite!.match)).toBe(`discord.gg/${p.path}`)
      }),
      RUNS,
    )
  })
})

describe('percent-escapes decode as decodeURIComponent does, without exceptions', () => {
  test('on any run of escapes', async () => {
    const { decodeUtf8Escapes } = await import('../../src/text/transformers/percent-decoding.js')
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xe8, 0x8d, 0x92, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xc2, 0xf4, 0x90, 0xbf))
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 12 }), (bytes) => {
        const run = bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
        let expected: string | undefined
        try {
          expected = decodeURIComponent(run)
        } catch {
          expected = undefined
        }
        expect(decodeUtf8Escapes(run)).toBe(expected)
      }),
      { seed: 20261207, numRuns: 5000 },
    )
  })
})
