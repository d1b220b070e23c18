import { describe, expect, test } from 'vitest'
import { classifyStatus } from '../../src/classify.js'
import { rulesOf } from '../../src/rules/default-rules.js'
import { phraseList, readStatusPhrases, statusPhrases } from '../../src/signals/phrase-list.js'
import { phraseNear } from '../../src/signals/phrase-near.js'
import { WARNING_STRENGTH } from '../../src/signals/warning-context.js'
import { evaluate, makeContext, normalize, withMessage } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeMentionStatus, makeStatus, someAccts } from '../helpers/make-status.js'

const saying = (html: string, account?: object): ReturnType<typeof makeStatus> => makeStatus({ content: `<p>${html}</p>`, ...(account === undefined ? {} : { account }) })

describe('phraseNear', () => {
  test.each([
    ['a word substituted', 'Your profile has been suspended due to content violating new EU legislation.', 'Contains the phrase "your account has been suspended due to content violating new eu legislation", from the 2025 "Mastodon Support" phishing, with one word changed ("profile" for "account").'],
    ['a word inserted', 'Hi! You can call me the REAL Fediverse Chick :D', 'Contains the phrase "you can call me the fediverse chick", from the "Fediverse Chick" spam, with one word changed ("real" added).'],
    ['a word deleted', 'my hobby is sending nukes to sites', 'Contains the phrase "my hobby is sending nukes to various sites", from the October 2024 Midokuri wave, with one word changed ("various" left out).'],
  ])('fires for %s, not blatant, naming the phrase and the word', (_case, text, message) => {
    const hit = evaluate(phraseNear, saying(text))
    expect(hit?.strength).toBe(1)
    expect(hit?.blatant).toBeUndefined()
    expect(hit?.message).toBe(message)
    expect(hit?.evidence[0]).toMatch(/^"/u)
    expect(hit?.evidence).toHaveLength(2)
  })

  test('stays silent on the phrase whole (phrase-list fires) and on two words changed', () => {
    const whole = saying('Your account has been suspended due to content violating new EU legislation')
    expect(evaluate(phraseList, whole)).toBeDefined()
    expect(evaluate(phraseNear, whole)).toBeUndefined()
    expect(evaluate(phraseNear, saying('Your profile has been disabled due to content violating new EU legislation'))).toBeUndefined()
    expect(evaluate(phraseNear, saying('A normal post about my account and the new EU legislation.'))).toBeUndefined()
  })

  test('stays silent when another listed phrase matches whole (that reason says more)', () => {
    expect(evaluate(phraseNear, saying('Your profile has been suspended due to content violating new EU legislation. Greetings from the Mastodon moderation team'))).toBeUndefined()
  })

  test('reads every text field and the text read from images', () => {
    expect(evaluate(phraseNear, makeStatus({ spoiler_text: 'you can call me the fediverse queen' }))).toBeDefined()
    expect(evaluate(phraseNear, makeStatus({ poll: { options: [{ title: 'BTCTurboMiner made me $900 in 3 hours' }] } }))).toBeDefined()
    const status = { ...normalize(makeStatus()), imageTexts: ['BTCTurboMiner made me $900 in 3 hours'] }
    expect(withMessage(phraseNear.id, phraseNear.evaluate(status, makeContext(status)))?.message).toMatch(/^Shows in an image the phrase .+ with one word changed \("900" for "500"\)\.$/u)
  })

  test('reads the rules, naming the list', () => {
    const hit = evaluateWithRules(phraseNear, saying('Join our secret server for free nitro'), { version: 1, name: 'Mods', phrases: ['"join our private server for free nitro"'] })
    expect(hit?.message).toBe('Contains the phrase "join our private server for free nitro", from the phrase list "Mods", with one word changed ("secret" for "private").')
  })

  test('is weakened as phrase-list is when a settled author quotes it as a warning', () => {
    const quoting = saying('Got this today: “Your profile has been suspended due to content violating new EU legislation” — a scam, report it.')
    const hit = evaluate(phraseNear, quoting)
    expect(hit?.strength).toBe(WARNING_STRENGTH)
    expect(hit?.message).toMatch(/^Quotes the phrase .+, with one word changed \("profile" for "account"\), as a warning \(/u)
    expect(classifyStatus(quoting).label).toBe('clean')
    // The same words from a new account, or at a mention blast: full strength.
    expect(evaluate(phraseNear, saying('Got this today: “Your profile has been suspended due to content violating new EU legislation” — a scam, report it.', { followers_count: 3, statuses_count: 10 }))?.strength).toBe(1)
    expect(evaluate(phraseNear, makeMentionStatus(someAccts(4), '“Your profile has been suspended due to content violating new EU legislation” report it'))?.strength).toBe(1)
  })

  test('adds its weight (2.5) to a mention blast', () => {
    const verdict = classifyStatus(makeMentionStatus(someAccts(4), 'you can call me the fediverse queen'))
    expect(verdict.reasons.find((r) => r.signal === 'phrase-near')?.score).toBe(2.5)
  })

  test('one phrase scan per status and matcher: the memo gives what a fresh scan gives', () => {
    const texts = ['Your profile has been suspended due to content violating new EU legislation', 'you can call me the fediverse chick', 'nothing here', '']
    for (const text of texts) {
      const status = normalize(saying(text))
      const { phraseMatcher } = rulesOf(makeContext(status))
      const memo = statusPhrases(status, phraseMatcher)
      expect(statusPhrases(status, phraseMatcher)).toBe(memo)
      const fresh = readStatusPhrases(status, phraseMatcher)
      expect(memo.text.matched).toEqual(fresh.text.matched)
      expect(memo.text.near()).toEqual(fresh.text.near())
      expect(memo.images()).toEqual(fresh.images())
    }
  })
})
