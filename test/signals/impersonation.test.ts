import { describe, expect, test } from 'vitest'
import { impersonation } from '../../src/signals/impersonation.js'
import type { AccountInput } from '../../src/status/status-input.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeMentionStatus, makeStatus } from '../helpers/make-status.js'

const by = (display: string, username: string, host: string, visibility = 'public'): ReturnType<typeof makeStatus> =>
  makeStatus({ visibility, account: { display_name: display, username, acct: `${username}@${host}`, url: `https://${host}/@${username}` } as Partial<AccountInput> })

describe('impersonation', () => {
  describe('fires', () => {
    // case | status | strength | message
    test.each([
      ['for "Mastodon Support Team" on an unrelated server', by('Mastodon Support Team', 'mst_help', 'free.example'), 0.7, 'The name "Mastodon Support Team" claims to be mastodon support staff, from free.example.'],
      ['stronger in a direct message', by('Mastodon Safety Team', 'safety', 'free.example', 'direct'), 1, 'The name "Mastodon Safety Team" claims to be mastodon safety staff, from free.example, writing to you.'],
      ['for leet digits folded as Mastodon 4.4 username blocks fold them', by('M4st0d0n S3curity', 'x1', 'free.example'), 0.7, 'The name "M4st0d0n S3curity" claims to be mastodon security staff, from free.example.'],
      ['for a claim in the username alone', by('Help', 'mastodonsupport', 'free.example'), 0.7, 'The name "Help" claims to be mastodon support staff, from free.example.'],
      ['for Discord Nitro', by('Discord Nitro Gifts', 'nitro', 'free.example'), 0.7, 'The name "Discord Nitro Gifts" claims to be discord gift staff, from free.example.'],
      ['for Japanese staff words', by('Misskey運営', 'unei', 'free.example'), 0.7, 'The name "Misskey運営" claims to be misskey 運営 staff, from free.example.'],
      ['for a team with no brand, at 0.6', by('Trust & Safety', 'ts', 'free.example'), 0.42, 'The name "Trust & Safety" claims to be trustsafety staff, from free.example.'],
      // The brand name cut (the one multi-pattern matcher reads the name's letters only).
      ['for a brand name cut by spaces', by('M a s t o d o n Support', 'x2', 'free.example'), 0.7, 'The name "M a s t o d o n Support" claims to be mastodon support staff, from free.example.'],
      ['for a brand name cut by punctuation', by('Mast.odon | Supp-ort', 'x3', 'free.example'), 0.7, 'The name "Mast.odon | Supp-ort" claims to be mastodon support staff, from free.example.'],
      ['for a brand name cut by a line break', by('Disc\nord Nitro Gifts', 'x4', 'free.example'), 0.7, 'The name "Disc\nord Nitro Gifts" claims to be discord gift staff, from free.example.'],
      ['for a brand name cut by an emoji', by('Mastodon🛡️Safety', 'x5', 'free.example'), 0.7, 'The name "Mastodon🛡️Safety" claims to be mastodon safety staff, from free.example.'],
      ['on a mastodon.* host that is not the brand\'s', by('Mastodon Support', 'support', 'mastodon.netprocesse.com'), 0.7, 'The name "Mastodon Support" claims to be mastodon support staff, from mastodon.netprocesse.com.'],
    ])('%s', (_case, status, strength, message) => {
      const hit = evaluate(impersonation, status)
      expect(hit?.strength).toBeCloseTo(strength, 5)
      expect(hit?.message).toBe(message)
    })

    test('in full when the post mentions the viewer', () => {
      const status = makeMentionStatus(['me@home.example'], 'hello', { account: { display_name: 'Mastodon Support', username: 'ms', acct: 'ms@free.example', url: 'https://free.example/@ms' } })
      expect(evaluate(impersonation, status, { viewer: { acct: 'me@home.example' } })?.strength).toBe(1)
    })
  })

  describe('stays silent', () => {
    // case | status | options
    test.each([
      ['for the brand\'s own server', by('mastodon.social Moderation Team', 'moderation', 'mastodon.social'), {}],
      ['for Misskey staff on misskey.io', by('Misskey.io 運営', 'info', 'misskey.io'), {}],
      ['for a server\'s staff naming their server', by('chaos.social Support', 'support', 'chaos.social'), {}],
      ['for the viewer\'s own server\'s staff', by('Support Team', 'support', 'home.example'), { viewer: { acct: 'me@home.example' } }],
      ['for a fan account', by('Mastodon supporter', 'fan', 'free.example'), {}],
      ['for an admin with no brand', by('Kat (admin)', 'kat', 'cafe.example'), {}],
      ['for an ordinary name', by('Alice W.', 'alice', 'example.social'), {}],
    ] as [string, ReturnType<typeof makeStatus>, object][])('%s', (_case, status, options) => {
      expect(evaluate(impersonation, status, options)).toBeUndefined()
    })
  })
})
