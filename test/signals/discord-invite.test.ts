import { describe, expect, test } from 'vitest'

import { classifyStatus } from '../../src/classify.js'
import { discordInvite } from '../../src/signals/discord-invite.js'
import { evaluate, makeContext, normalize, withMessage } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeMentionStatus, makeSpamAccount, makeStatus, makeWaveStatus, someAccts } from '../helpers/make-status.js'

const withText = (html: string, overrides: Parameters<typeof makeStatus>[0] = {}): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>${html}</p>`, ...overrides })

describe('discordInvite', () => {
  describe('fires', () => {
    // case | status | evidence
    test.each([
      ['for a linked invite', withText('<a href="https://discord.gg/TfcWHMV4">discord.gg/TfcWHMV4</a>'), ['discord.gg/TfcWHMV4']],
      ['for an invite written as text', withText('join discord.gg/ctkpaarr'), ['discord.gg/ctkpaarr']],
      ['for a disguised invite', withText('ｄіѕсоrd (.) gg / ctkpaarr'), ['discord.gg/ctkpaarr']],
      ['for an invite in the content warning', makeStatus({ spoiler_text: 'discord dot gg/ctkpaarr' }), ['discord.gg/ctkpaarr']],
      ['for an invite in alt text', makeStatus({ media_attachments: [{ id: '1', type: 'image', url: 'https://f.example/1.webp', description: 'discord.gg/ctkpaarr' }] }), ['discord.gg/ctkpaarr']],
      ['for a redirector', withText('dsc.gg/spamclub'), ['dsc.gg/spamclub']],
    ])('%s', (_case, status, evidence) => {
      expect(evaluate(discordInvite, status)?.evidence).toEqual(evidence)
    })
  })

  test('is stronger when the status mentions someone', () => {
    expect(evaluate(discordInvite, makeMentionStatus(['bob@b.example'], 'discord.gg/abc'))?.strength).toBe(1)
    expect(evaluate(discordInvite, withText('discord.gg/abc'))?.strength).toBe(0.8)
    // A friend inviting two friends, 6 words or more per mention: 0.4.
    expect(evaluate(discordInvite, makeMentionStatus(['bob@b.example', 'eve@c.example'], 'thank you both for the help moving here, our book club is at discord.gg/abc'))?.strength).toBe(0.4)
  })

  test('says "in an image" when the invite was read from an image', () => {
    const status = { ...normalize(makeStatus()), imageTexts: ['discord.gg/ctkpaarr'] }
    const hit = withMessage(discordInvite.id, discordInvite.evaluate(status, makeContext(status)))
    expect(hit?.message).toBe('Shows a Discord server invite in an image (discord.gg/ctkpaarr).')
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for a Discord channel link', withText('<a href="https://discord.com/channels/1/2">discord.com/channels/1/2</a>')],
      ['for the word Discord', withText('we talked about it on Discord yesterday')],
      ['for no link at all', makeStatus()],
    ])('%s', (_case, status) => {
      expect(evaluate(discordInvite, status)).toBeUndefined()
    })

    test('for an invite host on the allow list', () => {
      expect(evaluateWithRules(discordInvite, withText('discord.gg/abc'), { version: 1, allowDomains: ['discord.gg'] })).toBeUndefined()
    })
  })

  describe('does not make a status spam by itself', () => {
    // case | status | viewer | label
    test.each([
      ['from an account the viewer follows', makeMentionStatus(someAccts(2), 'join discord.gg/ourclub'), { acct: 'me@example.social', follows: ['alice@example.social'] }, 'clean'],
      ['from an established account mentioning no strangers', withText('our server: discord.gg/ourclub'), undefined, 'clean'],
      ['from an established account mentioning accounts the viewer follows', makeMentionStatus(['bob@b.example'], 'discord.gg/ourclub'), { acct: 'me@example.social', follows: ['bob@b.example'] }, 'clean'],
      ['from an unknown account', withText('discord.gg/ourclub', { account: { followers_count: 3, statuses_count: 10 } }), undefined, 'clean'],
    ])('%s', (_case, status, viewer, label) => {
      expect(classifyStatus(status, viewer === undefined ? {} : { viewer }).label).toBe(label)
    })
  })

  test('with the wave shape, makes it spam', () => {
    expect(classifyStatus(makeWaveStatus({ content: `${makeWaveStatus().content ?? ''}<p>discord.gg/ourclub</p>` })).label).toBe('spam')
    expect(classifyStatus(withText('discord.gg/ourclub', { account: makeSpamAccount() })).label).not.toBe('clean')
  })
})
