import { describe, expect, test } from 'vitest'
import { credentialPhishing } from '../../src/signals/credential-phishing.js'
import { evaluate } from '../helpers/evaluate.js'
import { makeMentionStatus, makeStatus } from '../helpers/make-status.js'
import { classifyStatus } from '../../src/classify.js'

const post = (text: string, link = 'https://example.com/x'): ReturnType<typeof makeStatus> =>
  makeStatus({ content: `<p>${text}${link === '' ? '' : ` <a href="${link}">${link}</a>`}</p>` })

describe('credentialPhishing', () => {
  describe('fires', () => {
    // case | text | strength | parts in the message
    test.each([
      ['for "verify your account within 24 hours" (not a listed sentence)', 'Please verify your account within 24 hours to keep it.', 0.7, 'action, urgency, account'],
      ['for a suspension threat with an identity check', 'Your account has been suspended. Confirm your identity immediately using the link.', 1, 'action, threat, urgency, account'],
      ['for unusual activity (no urgency word)', 'We detected unusual activity on your profile. Log in now to secure your account.', 0.8, 'action, threat, account'],
      ['in Japanese', 'お客様のアカウントが停止されます。24時間以内に本人確認をお願いします。', 1, 'action, threat, urgency, account'],
      ['in German', 'Ihr Konto wurde gesperrt. Bitte bestätigen Sie innerhalb von 24 Stunden Ihre Identität.', 1, 'action, threat, urgency, account'],
      ['in French', 'Votre compte sera suspendu. Vérifiez votre identité immédiatement.', 1, 'action, threat, urgency, account'],
      ['in Spanish', 'Su cuenta ha sido suspendida. Confirme su identidad inmediatamente.', 1, 'action, threat, urgency, account'],
      ['for look-alike letters and fullwidth forms', 'Yоur ассоunt will be ｓｕｓｐｅｎｄｅｄ, verify now within 24 hours.', 1, 'action, threat, urgency, account'],
    ])('%s', (_case, text, strength, parts) => {
      const hit = evaluate(credentialPhishing, post(text))
      expect(hit?.strength).toBeCloseTo(strength, 5)
      expect(hit?.message).toBe(`Reads like account phishing (${parts}).`)
    })

    test('at ×0.8 without any link', () => {
      const hit = evaluate(credentialPhishing, post('Your account has been suspended. Confirm your identity immediately.', ''))
      expect(hit?.strength).toBeCloseTo(0.8, 5)
      expect(hit?.message).toBe('Reads like account phishing (action, threat, urgency, account), with no link.')
    })

    test('at ×0.3 next to warning words (a PSA describing the phishing)', () => {
      const hit = evaluate(credentialPhishing, post('Beware: messages saying your account will be suspended unless you verify within 24 hours are a scam. Report them.', ''))
      expect(hit?.strength).toBeCloseTo(0.24, 5)
      expect(hit?.message).toMatch(/^Reads like account phishing \(action, threat, urgency, account\), next to warning words \(/u)
    })
  })

  describe('stays silent', () => {
    // case | text
    test.each([
      ['for logging in to one\'s account (action and account, no pressure)', 'I finally managed to log in to my account on the new server, the app is nice.'],
      ['for an ordinary post', 'Bread came out great today, the crust is perfect.'],
      ['for a long article whose words are far apart', `You can log in with the app. ${'The federation work continued with many small fixes and better documentation for everyone. '.repeat(8)} It took only a few minutes.`],
      ['for a short text', 'verify now'],
    ])('%s', (_case, text) => {
      expect(evaluate(credentialPhishing, post(text))).toBeUndefined()
    })
  })

  describe('with a look-alike link, makes a phishing DM spam', () => {
    // A sleeper: 60 days old, a picture, a bio, 5 followers; a direct message to the viewer.
    const SLEEPER = { id: '1', created_at: '2023-12-18T00:00:00.000Z', followers_count: 5, following_count: 20, statuses_count: 12, display_name: 'Help Desk' }
    test.each([
      ['rn for m', 'https://rnastodon.social/verify'],
      ['a one-letter typo', 'https://mastodn.social/login'],
      ['the real server as a subdomain', 'https://mastodon.social.secure-check.net/x'],
      ['the real server in the user info', 'https://mastodon.social@secure-check.net/x'],
      ['an IP address', 'http://203.0.113.9/verify'],
      ['a percent-encoded host', 'https://%6dastodon.social.secure-check.net/x'],
    ])('%s', (_case, href) => {
      const status = makeMentionStatus(['me@home.example'], `Please verify your account within 24 hours: <a href="${href}">${href}</a>`, { visibility: 'direct', account: SLEEPER })
      const verdict = classifyStatus(status, { viewer: { acct: 'me@home.example', follows: [] } })
      expect(verdict.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['credential-phishing', 'lookalike-domain']))
      expect(verdict.label).toBe('spam')
    })
  })
})
