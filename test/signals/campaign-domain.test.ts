import { describe, expect, test } from 'vitest'

import { classifyStatus } from '../../src/classify.js'
import { campaignDomain } from '../../src/signals/campaign-domain.js'
import { evaluate, makeContext, normalize, withMessage } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeStatus } from '../helpers/make-status.js'

const link = (href: string, text = href): ReturnType<typeof makeStatus> => makeStatus({ content: `<p><a href="${href}">${text}</a></p>` })
// Neither new nor established: 3 followers, 10 posts.
const STRANGER = { followers_count: 3, statuses_count: 10 }

describe('campaignDomain', () => {
  describe('fires, blatant,', () => {
    // case | status | evidence
    test.each([
      ['for 荒らし.com', link('https://荒らし.com/'), ['荒らし.com']],
      ['for its Punycode form', link('https://xn--68j5e377y.com/', '荒らし.com/'), ['荒らし.com']],
      ['for 荒らし.com as the preview card', makeStatus({ card: { url: 'https://xn--68j5e377y.com/', title: '', description: '' } }), ['荒らし.com']],
      ['for ctkpaarr.org', link('https://ctkpaarr.org/'), ['ctkpaarr.org']],
      ['for a subdomain', link('https://www.ctkpaarr.org/x'), ['www.ctkpaarr.org']],
      ['for krsw-wiki.org written as text', makeStatus({ content: '<p>みてね krsw-wiki.org</p>' }), ['krsw-wiki.org']],
      ['for midokuriserver.github.io', link('https://midokuriserver.github.io/minidon/'), ['midokuriserver.github.io']],
      ['for a userinfo trick', link('https://mastodon.social@ctkpaarr.org/', 'mastodon.social'), ['ctkpaarr.org']],
      ['for a phishing host', link('https://verify.form98441.icu/7S1C1I0N5P2'), ['verify.form98441.icu']],
      ['for a campaign invite code', link('https://discord.gg/ctkpaarr'), ['discord.gg/ctkpaarr']],
      ['for a disguised campaign invite', makeStatus({ content: '<p>ｄｉｓｃｏｒｄ．ｇｇ／ｃｔｋｐａａｒｒ</p>' }), ['discord.gg/ctkpaarr']],
      // Cut so that no link reads it: the one multi-pattern matcher; the evidence quotes the text.
      ['for a domain cut by a space', makeStatus({ content: '<p>visit ctkpaarr .org now</p>' }), ['ctkpaarr .org']],
      ['for a domain cut by spaces around the dot', makeStatus({ content: '<p>みてね 荒らし . com</p>' }), ['荒らし . com']],
      ['for a domain with a space for its dot', makeStatus({ content: '<p>ctkpaarr org</p>' }), ['ctkpaarr org']],
      ['for a domain cut by a line break', makeStatus({ content: '<p>midokuriserver<br>.github.io</p>' }), ['midokuriserver\n.github.io']],
      ['for a domain cut by punctuation', makeStatus({ content: '<p>krsw-wiki, org</p>' }), ['krsw-wiki, org']],
      ['for a domain with its dot spelled and spaced (the layer reads a link)', makeStatus({ content: '<p>moonxtrade  dot  com</p>' }), ['moonxtrade.com']],
      ['for a domain with its dot spelled, cut by a space', makeStatus({ content: '<p>moon xtrade  dot  com</p>' }), ['moon xtrade  dot  com']],
      ['for a domain cut between the content warning and the content', makeStatus({ spoiler_text: 'ctkpaarr', content: '<p>org</p>' }), ['ctkpaarr\norg']],
    ])('%s', (_case, status, evidence) => {
      const hit = evaluate(campaignDomain, status)
      expect(hit?.evidence).toEqual(evidence)
      expect(hit?.blatant).toBe(true)
    })
  })

  test('names the campaign', () => {
    expect(evaluate(campaignDomain, link('https://ctkpaarr.org/'))?.message).toBe('Links to ctkpaarr.org, used by the February 2024 荒らし共栄圏 wave.')
  })

  test('says "in an image" for a domain read from an image', () => {
    const status = { ...normalize(makeStatus()), imageTexts: ['ctkpaarr.org'] }
    expect(withMessage(campaignDomain.id, campaignDomain.evaluate(status, makeContext(status)))?.message).toBe('Shows in an image ctkpaarr.org, used by the February 2024 荒らし共栄圏 wave.')
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for another GitHub Pages site', link('https://bar.github.io/')],
      ['for a longer name', link('https://notctkpaarr.org/')],
      ['for the campaign name as a path', link('https://example.com/ctkpaarr.org')],
      ['for the framed innocent user', link('https://mastodon-japan.net/@ap12')],
      ['for a shortener in general', link('https://short.gy/abc')],
    ])('%s', (_case, status) => {
      expect(evaluate(campaignDomain, status)).toBeUndefined()
    })
  })

  describe('reads the rules', () => {
    test('blocks a domain of the block list, naming the list', () => {
      const hit = evaluateWithRules(campaignDomain, link('https://x.spam.example/'), { version: 1, name: 'Friends', blockDomains: ['spam.example'] })
      expect(hit?.message).toBe('Links to x.spam.example, on the block list "Friends".')
    })

    test('blocking foo.github.io does not block bar.github.io', () => {
      const rules = { version: 1, blockDomains: ['foo.github.io'] } as const
      expect(evaluateWithRules(campaignDomain, link('https://foo.github.io/'), rules)).toBeDefined()
      expect(evaluateWithRules(campaignDomain, link('https://bar.github.io/'), rules)).toBeUndefined()
    })

    test('blocks an IP host', () => {
      expect(evaluateWithRules(campaignDomain, link('http://192.0.2.7/x'), { version: 1, blockDomains: ['192.0.2.7'] })?.evidence).toEqual(['192.0.2.7'])
    })

    test('lets the allow list win', () => {
      expect(evaluateWithRules(campaignDomain, link('https://ctkpaarr.org/'), { version: 1, allowDomains: ['ctkpaarr.org'] })).toBeUndefined()
    })
  })

  describe('labels', () => {
    const fromStranger = (href: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p><a href="${href}">${href}</a></p>`, account: STRANGER })
    // case | status | options | label
    test.each([
      ['a link to ctkpaarr.org from an unknown account spam', fromStranger('https://ctkpaarr.org/'), {}, 'spam'],
      ['a link to krsw-wiki.org from an unknown account spam', fromStranger('https://krsw-wiki.org/'), {}, 'spam'],
      ['a campaign link from a followed account still spam (blatant)', link('https://ctkpaarr.org/'), { viewer: { acct: 'me@example.social', follows: ['alice@example.social'] } }, 'spam'],
    ])('%s', (_case, status, options, label) => {
      expect(classifyStatus(status, options).label).toBe(label)
    })
  })

  describe('reads a warning as a warning (issue 11)', () => {
    const text = (content: string, account: object = {}): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>${content}</p>`, account })
    // case | status | whether it reads as a warning
    test.each([
      ['a moderator naming the domain in plain text next to "report"', text('PSA: spam links to ctkpaarr.org going around, please report and block.'), true],
      ['a moderator naming it in Japanese next to 通報', text('【注意】荒らし.com へのリンクは踏まないで、通報をお願いします。'), true],
      ['a moderator naming the invite next to "don\'t click"', text("Don't click discord.gg/ctkpaarr, it is the spam wave."), true],
      ['an author naming it in quotes', text('What is "ctkpaarr.org" and why does everyone get it?'), true],
      ['a moderator naming it cut by a space next to "report"', text('PSA: spam naming ctkpaarr .org going around, please report.'), true],
      ['a moderator naming it in Japanese, spaced, next to 通報', text('【注意】荒らし . com を見かけたら通報してください。'), true],
      ['a new account naming it cut by a space next to "report"', text('report ctkpaarr .org', STRANGER), false],
      ['a live link, even with warning words', link('https://ctkpaarr.org/', 'report this: ctkpaarr.org'), false],
      ['a new account naming it next to "report"', text('report ctkpaarr.org', STRANGER), false],
      ['plain text with no warning words or quotes', text('visit ctkpaarr.org'), false],
    ])('%s', (_case, status, warning) => {
      const hit = evaluate(campaignDomain, status)
      expect(hit?.blatant === true).toBe(!warning)
      expect(hit?.strength).toBe(warning ? 0.25 : 1)
      if (warning) expect(hit?.message).toMatch(/^Names .+, without a link, as a warning \((next to|in quotation marks)/u)
      expect(classifyStatus(status).label).toBe(warning ? 'clean' : 'spam')
    })
  })
})
