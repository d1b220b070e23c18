import { describe, expect, test } from 'vitest'
import { compactSkeleton, deobfuscate, skeleton } from '../../src/text/deobfuscate.js'

// One table per class of the issue: what a person reads, what the layer must read.
const CLASSES: Record<string, readonly (readonly [string, string])[]> = {
  'letters spaced or separated': [
    ['d i s c o r d . g g / abc', 'discord.gg/abc'],
    ['d-i-s-c-o-r-d.g-g/abc', 'discord.gg/abc'],
    ['d🔥i🔥s🔥c🔥o🔥r🔥d', 'discord'],
    ['c.r.y.p.t.o', 'crypto'],
    ['I am a cat', 'i am a cat'],
    ['荒 ら し . c o m', '荒らし.com'],
    ['荒·ら·し·.·c·o·m', '荒らし.com'],
    ['あ、い、う', 'あ、い、う'],
    ['192.0.2.7', '192.0.2.7'],
    ['a b', 'a b'],
  ],
  'punctuation spelled out': [
    ['discord (dot) gg', 'discord.gg'],
    ['discord[.]gg', 'discord.gg'],
    ['discord dot gg slash abc', 'discord.gg/abc'],
    ['discord . gg / abc', 'discord.gg/abc'],
    ['discordドットgg/abc', 'discord.gg/abc'],
    ['discordてんgg', 'discord.gg'],
    ['荒らしてんcom', '荒らし.com'],
    ['いい天気です。Love it', 'いい天気てす。love it'],
    ['discord.ggスラッシュabc', 'discord.gg/abc'],
    ['discord。gg', 'discord.gg'],
    ['ｄｉｓｃｏｒｄ．ｇｇ／ａｂｃ', 'discord.gg/abc'],
    ['です。次は', 'てす。次は'],
  ],
  'marks and controls': [
    ['d\u20dd\u20dfi\u20ddscord', 'discord'],
    ['d\u0338i\u0338s\u0338c\u0338o\u0338r\u0338d', 'discord'],
    ['dis\u200bcord\u00ad.g\u2060g', 'discord.gg'],
    ['\u202edrocsid\u202c.gg', 'discord.gg'],
    ['\u202e gg.drocsid', 'discord.gg '],
    ['di\u{e0041}scord', 'discord'],
  ],
  'letters from other blocks': [
    ['ᴅɪꜱᴄᴏʀᴅ', 'discord'],
    ['ꓓꓲꓢꓚꓳꓣꓓ', 'discord'],
    ['\u13a0\u13a5\u13da\u13df\u13a4', 'disco'],
    ['\uab70\uab75', 'di'],
    ['🅳🅸🆂🅲🅾🆁🅳', 'discord'],
    ['🄳🄸🅂🄲🄾🅁🄳', 'discord'],
    ['disϲord', 'discord'],
    ['DISϹORD', 'discord'],
    ['ディスコード', 'discord'],
    ['іnvite.gg/club', 'invite.gg/club'],
    ['invіte.gg/club', 'invite.gg/club'],
    ['𝐝𝐢𝐬𝐜𝐨𝐫𝐝', 'discord'],
    ['ďíšćőŕđ', 'discord'],
  ],
  'hosts written out of sight': [
    ['%64%69scord.gg', 'discord.gg'],
    ['%E8%8D%92%E3%82%89%E3%81%97.com', '荒らし.com'],
    ['xn--68j5e377y.com', '荒らし.com'],
    ['100%', '100%'],
  ],
}

describe('deobfuscate: every class of the issue', () => {
  for (const [name, rows] of Object.entries(CLASSES)) {
    test.each(rows)(`${name}: %j reads as %j`, (written, read) => {
      expect(skeleton(written)).toBe(read)
    })
  }

  test('Japanese and Korean text keeps its letters; dakuten are marks and go', () => {
    expect(skeleton('画像が貼れなかったのでメンションだけします')).toBe('画像か貼れなかったのてメンションたけします')
    expect(skeleton('한국괴물군')).toBe('한국괴물군')
  })

  test('the compact form keeps letters and digits of every script only', () => {
    expect(compactSkeleton(skeleton('Verify-your.account!! 画像が 貼れ'))).toBe('verifyyouraccount画像か貼れ')
  })

  test('the map gives back the text as written', () => {
    const written = 'join ᴅɪꜱᴄᴏʀᴅ (dot) gg / ABC now'
    const d = deobfuscate(written)
    const at = d.text.indexOf('discord.gg/abc')
    expect(at).toBeGreaterThanOrEqual(0)
    const span = d.span(at, at + 'discord.gg/abc'.length)
    expect(written.slice(span.start, span.end)).toBe('ᴅɪꜱᴄᴏʀᴅ (dot) gg / ABC')
  })

  test('the skeleton is idempotent on the table rows', () => {
    for (const rows of Object.values(CLASSES)) for (const [written] of rows) expect(skeleton(skeleton(written))).toBe(skeleton(written))
  })
})

describe('deobfuscate on a megabyte of hostile text per transformer', () => {
  // Each finishes in one pass (linear); a quadratic path would take minutes here.
  test.each([
    ['spaced letters', 'a '.repeat(500_000)],
    ['kanji and letters spaced', '荒 a '.repeat(250_000)],
    ['brackets', '( . ) '.repeat(200_000)],
    ['valid escapes', '%41'.repeat(300_000)],
    ['invalid escapes', '%e8%'.repeat(250_000)],
    ['one long override', `\u202e${'abc'.repeat(300_000)}`],
    ['many overrides', '\u202ea'.repeat(500_000)],
    ['Punycode labels', 'xn--a.'.repeat(150_000)],
    ['Japanese dots', 'aてんb'.repeat(250_000)],
    ['katakana names', 'ディスコード'.repeat(150_000)],
  ])('%s', (_name, text) => {
    const view = deobfuscate(text)
    expect(view.text.length).toBeGreaterThan(0)
    const span = view.span(0, Math.min(10, view.text.length))
    expect(span.end).toBeGreaterThan(span.start)
  }, 120_000)
})

describe('hostSkeleton', () => {
  test('reads look-alike letters of a host but never joins its labels', async () => {
    const { hostSkeleton } = await import('../../src/text/deobfuscate.js')
    expect(hostSkeleton('a.b.c.example')).toBe('a.b.c.example')
    expect(hostSkeleton('荒らし.ᴄᴏᴍ')).toBe('荒らし.com')
    expect(hostSkeleton('ctkpааrr.org')).toBe('ctkpaarr.org')
  })
})
