import { describe, expect, test } from 'vitest'

import { findDiscordInvites } from '../../src/links/discord-invite.js'
import { foldInviteCode, foldOcrText } from '../../src/ocr/index.js'

describe('foldOcrText', () => {
  describe('repairs', () => {
    // OCR output | folded
    test.each([
      ['d1scord.gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['dlscord.gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['disc0rd.gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discorcl.gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['Discord.gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord.99/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord.qq/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord,g9 / ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord.gg|ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord.ggl/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord.gg1 / ctkpaarr', 'discord.gg/ctkpaarr'],
      ['discord gg/ctkpaarr', 'discord.gg/ctkpaarr'],
      ['d1sc0rd.com/1nvite/ctkpaarr', 'discord.com/invite/ctkpaarr'],
      ['discordapp.c0m/lnvite/ctkpaarr', 'discordapp.com/invite/ctkpaarr'],
      ['荒らし共栄圏 dlscord.99/ctkpaarr', '荒らし共栄圏 discord.gg/ctkpaarr'],
    ])('%j as %j', (ocr, folded) => {
      expect(foldOcrText(ocr)).toBe(folded)
    })

    test('so that findDiscordInvites finds the invite in every misreading', () => {
      for (const ocr of ['d1scord.99/ctkpaarr', 'dlscord.qq/ctkpaarr', 'disc0rd,g9|ctkpaarr']) {
        expect(findDiscordInvites(ocr)).toEqual([])
        expect(findDiscordInvites(foldOcrText(ocr)).map((invite) => invite.code)).toEqual(['ctkpaarr'])
      }
    })
  })

  describe('leaves alone', () => {
    // text
    test.each([
      ['gg wp! rematch at 99?'],
      ['We moved our chat to Discord last year.'],
      ['discordant notes'],
      ['the 1dlscordx token'],
      ['https://example.org/blog/2024'],
    ])('%j', (text) => {
      expect(findDiscordInvites(foldOcrText(text))).toEqual([])
    })

    test('invite codes, whose case and digits are kept', () => {
      expect(foldOcrText('discord.gg/TfcWHMV4')).toBe('discord.gg/TfcWHMV4')
    })
  })

  test('runs in linear time on a long hostile line', () => {
    const text = 'd1scord . 9'.repeat(20_000)
    expect(foldOcrText(text).length).toBeGreaterThan(0)
  })
})

describe('foldInviteCode', () => {
  // code as read | code | same after folding
  test.each([
    ['ctkpaarr', 'ctkpaarr', true],
    ['CTKPAARR', 'ctkpaarr', true],
    ['TfcWHMV4', 'TfcWHMV4', true],
    ['annycW3Xrk', 'annycW3Xrk', true],
    ['abcl1I', 'abc111', true],
    ['f0o', 'fOo', true],
    ['ctkpaarr', 'ctkpaarx', false],
  ])('%j against %j: %j', (read, code, same) => {
    expect(foldInviteCode(read) === foldInviteCode(code)).toBe(same)
  })
})
