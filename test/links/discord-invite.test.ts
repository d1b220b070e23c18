import { describe, expect, test } from 'vitest'

import { findDiscordInvites } from '../../src/links/discord-invite.js'

describe('findDiscordInvites', () => {
  describe('finds', () => {
    // disguise | text | host | code | match
    test.each([
      ['a plain invite', 'join discord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord.gg/ctkpaarr'],
      ['an https URL', 'https://discord.gg/TfcWHMV4', 'discord.gg', 'TfcWHMV4', 'discord.gg/TfcWHMV4'],
      ['discord.gg/invite/', 'discord.gg/invite/abc123', 'discord.gg', 'abc123', 'discord.gg/invite/abc123'],
      ['discord.com/invite', 'https://discord.com/invite/abc', 'discord.com', 'abc', 'discord.com/invite/abc'],
      ['discordapp.com/invite', 'discordapp.com/invite/abc', 'discordapp.com', 'abc', 'discordapp.com/invite/abc'],
      ['the ptb. host', 'ptb.discord.com/invite/zz9', 'ptb.discord.com', 'zz9', 'ptb.discord.com/invite/zz9'],
      ['the canary. host', 'canary.discord.com/invite/yy8', 'canary.discord.com', 'yy8', 'canary.discord.com/invite/yy8'],
      ['the dsc.gg redirector', 'dsc.gg/myserver', 'dsc.gg', 'myserver', 'dsc.gg/myserver'],
      ['the dis.army redirector', 'dis.army/raid', 'dis.army', 'raid', 'dis.army/raid'],
      ['the invite.gg redirector', 'invite.gg/club', 'invite.gg', 'club', 'invite.gg/club'],
      ['spaces around the dot and slash', 'discord . gg / ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord . gg / ctkpaarr'],
      ['(.)', 'discord(.)gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord(.)gg/ctkpaarr'],
      ['[.]', 'discord[.]gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord[.]gg/ctkpaarr'],
      ['[dot]', 'discord[dot]gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord[dot]gg/ctkpaarr'],
      ['" dot "', 'discord dot gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord dot gg/ctkpaarr'],
      ['" dot " and " slash "', 'discord dot gg slash ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord dot gg slash ctkpaarr'],
      ['(/)', 'discord.gg(/)ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord.gg(/)ctkpaarr'],
      ['fullwidth letters, dot and slash', 'ｄｉｓｃｏｒｄ．ｇｇ／ｃｔｋｐａａｒｒ', 'discord.gg', 'ctkpaarr', 'ｄｉｓｃｏｒｄ．ｇｇ／ｃｔｋｐａａｒｒ'],
      ['the ideographic full stop', 'discord。gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord。gg/ctkpaarr'],
      ['Cyrillic с and о', 'dis\u0441\u043erd.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'dis\u0441\u043erd.gg/ctkpaarr'],
      ['Greek ο', 'disc\u03bfrd.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'disc\u03bfrd.gg/ctkpaarr'],
      ['mathematical bold letters', '𝐝𝐢𝐬𝐜𝐨𝐫𝐝.𝐠𝐠/𝐀𝐛𝐜', 'discord.gg', 'Abc', '𝐝𝐢𝐬𝐜𝐨𝐫𝐝.𝐠𝐠/𝐀𝐛𝐜'],
      ['accents and zalgo marks', 'd\u0308i\u0336scord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'd\u0308i\u0336scord.gg/ctkpaarr'],
      ['precomposed accents', 'dïscörd.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'dïscörd.gg/ctkpaarr'],
      ['zero-width spaces', 'disc\u200bord.g\u200bg/ctk\u200bpaarr', 'discord.gg', 'ctkpaarr', 'disc\u200bord.g\u200bg/ctk\u200bpaarr'],
      ['mixed case (the code keeps its case)', 'DiScOrD.Gg/AbCdE', 'discord.gg', 'AbCdE', 'DiScOrD.Gg/AbCdE'],
      ['Japanese glued around it', '詳しくはdiscord.gg/ctkpaarrへ', 'discord.gg', 'ctkpaarr', 'discord.gg/ctkpaarr'],
      ['a Cyrillic і starting the host', 'іnvite.gg/club', 'invite.gg', 'club', 'іnvite.gg/club'],
      ['a Cyrillic і inside the host', 'invіte.gg/club', 'invite.gg', 'club', 'invіte.gg/club'],
      ['letters spaced out', 'd i s c o r d . g g / ctkpaarr', 'discord.gg', 'ctkpaarr', 'd i s c o r d . g g / ctkpaarr'],
      ['Latin small capitals', 'ᴅɪꜱᴄᴏʀᴅ.ɢɢ/ctkpaarr', 'discord.gg', 'ctkpaarr', 'ᴅɪꜱᴄᴏʀᴅ.ɢɢ/ctkpaarr'],
      ['negative squared letters', '🅳🅸🆂🅲🅾🆁🅳.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', '🅳🅸🆂🅲🅾🆁🅳.gg/ctkpaarr'],
      ['katakana and ドット', 'ディスコードドットgg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'ディスコードドットgg/ctkpaarr'],
      ['enclosing marks', 'd\u20ddiscord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'd\u20ddiscord.gg/ctkpaarr'],
      ['a right-to-left override', '\u202Eduk/gg.drocsid\u202C', 'discord.gg', 'kud', 'duk/gg.drocsid'],
      ['percent-escapes', '%64iscord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', '%64iscord.gg/ctkpaarr'],
      ['a host word cut in two', 'dis cord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'dis cord.gg/ctkpaarr'],
      ['a host word cut by a hyphen, spaced punctuation', 'disc-ord . gg / ctkpaarr', 'discord.gg', 'ctkpaarr', 'disc-ord . gg / ctkpaarr'],
      ['a space for the dot', 'discord gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord gg/ctkpaarr'],
      ['a line break before the dot', 'discord\n.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord\n.gg/ctkpaarr'],
      ['punctuation inside the host word', 'dis, cord.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'dis, cord.gg/ctkpaarr'],
      ['an emoji inside the host', 'discord🎮.gg/ctkpaarr', 'discord.gg', 'ctkpaarr', 'discord🎮.gg/ctkpaarr'],
      ['the ptb. host before discord.com (the longest host at one end)', 'xx ptb.discord.com/invite/zz9', 'ptb.discord.com', 'zz9', 'ptb.discord.com/invite/zz9'],
      ['a line break after the code', 'discord.gg/ctkpaarr\nmore', 'discord.gg', 'ctkpaarr', 'discord.gg/ctkpaarr'],
    ])('%s', (_disguise, text, host, code, match) => {
      expect(findDiscordInvites(text)).toEqual([{ host, code, match }])
    })
  })

  test('finds every invite of a text, in order', () => {
    expect(findDiscordInvites('discord.gg/one and dsc.gg/two').map((i) => i.code)).toEqual(['one', 'two'])
    expect(findDiscordInvites('discord.gg/one discord.gg/two discord gg/three').map((i) => i.code)).toEqual(['one', 'two', 'three'])
  })

  describe('finds none', () => {
    // text | why
    test.each([
      ['I love Discord, see you there', 'no invite'],
      ['discord.com/channels/123/456', 'a channel link, not an invite'],
      ['discord.gg/invite', 'no code'],
      ['notdiscord.gg/abc', 'another host'],
      ['discord.gg', 'no code'],
      ['we dis cord them.', 'no host'],
      ['dis cord gg', 'no dot'],
      ['my-discord.gg/abc', 'a hyphenated longer host'],
      ['mydiscord.ggx/abc', 'a longer host at both ends'],
      ['discord.ggx/abc', 'a longer top-level domain'],
      ['discord/gg/abc', 'a slash ends a host'],
      ['dsc gg/abc', 'a short host needs its dot'],
      ['discord          .gg/abc', 'too far apart'],
      ['dsc.gg/invite/abc', 'a redirector has no invite path'],
      ['', 'empty'],
    ])('in %j (%s)', (text) => {
      expect(findDiscordInvites(text)).toEqual([])
    })
  })

  test('runs once over a megabyte of hostile text', () => {
    const hostile = 'discord . . ( dot ) gg / / '.repeat(40_000) + 'ｄ'.repeat(10_000)
    expect(findDiscordInvites(hostile)).toEqual([])
  })
})

describe('findDiscordInvites: the fast path for plain ASCII never rejects an invite', () => {
  test('gives what the layer gives, on any text made of invite pieces', async () => {
    const fc = (await import('fast-check')).default
    const { deobfuscate } = await import('../../src/text/deobfuscate.js')
    const { findDiscordInvitesIn } = await import('../../src/links/discord-invite.js')
    const pieces = ['https://', 'discord', 'DISCORD', 'dis', 'cord', '.gg', '.com', '/invite', '/', 'abc', 'X1', '-', '.', 'd-i-s-c-o-r-d', 'dsc.gg', 'invite.gg', '%64', '(.)', ' ', 'xn--', 'd', 'i', 's', 'a.b.c']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('')
        expect(findDiscordInvites(text)).toEqual(text === '' ? [] : findDiscordInvitesIn(deobfuscate(text)))
      }),
      { seed: 20261207, numRuns: 4000 },
    )
  })
})
