import { existsSync, readFileSync } from 'node:fs'

import { describe, expect, test } from 'vitest'

import { URL_SHORTENERS } from '../../src/data/url-shorteners.js'
import { urlShortener } from '../../src/signals/url-shortener.js'
import { evaluate, makeContext, normalize, withMessage } from '../helpers/evaluate.js'
import { evaluateWithRules } from '../helpers/evaluate-rules.js'
import { makeStatus } from '../helpers/make-status.js'

const link = (href: string): ReturnType<typeof makeStatus> => makeStatus({ content: `<p><a href="${href}">${href}</a></p>` })

describe('urlShortener', () => {
  describe('fires', () => {
    // case | status | evidence
    test.each([
      ['for yip.su (October 2024 wave)', link('https://yip.su/25X8U6'), ['yip.su']],
      ['for shorturl.at (Black Friday 2024)', link('https://shorturl.at/iSuCk'), ['shorturl.at']],
      ['for a subdomain of short.gy (2025 phishing)', link('https://continued.short.gy/UDhn'), ['continued.short.gy']],
      ['for a shortened link written as text', makeStatus({ content: '<p>見て bit.ly/3abcd です</p>' }), ['bit.ly']],
    ])('%s', (_case, status, evidence) => {
      expect(evaluate(urlShortener, status)?.evidence).toEqual(evidence)
    })

    test('for a shortener of the rules', () => {
      expect(evaluateWithRules(urlShortener, link('https://tiny.example/x'), { version: 1, shorteners: ['tiny.example'] })?.evidence).toEqual(['tiny.example'])
    })
  })

  test('says "in an image" for a link read from an image (a QR code)', () => {
    const status = { ...normalize(makeStatus()), imageTexts: ['https://yip.su/25X8U6'] }
    expect(withMessage(urlShortener.id, urlShortener.evaluate(status, makeContext(status)))?.message).toBe('Shows in an image a link through a URL shortener (yip.su), which hides where the link goes.')
  })

  describe('does not fire', () => {
    // case | status
    test.each([
      ['for a platform wrapper', link('https://t.co/abc')],
      ['for youtu.be', link('https://youtu.be/abc')],
      ['for an ordinary link', link('https://example.com/a')],
    ])('%s', (_case, status) => {
      expect(evaluate(urlShortener, status)).toBeUndefined()
    })

    test('for a shortener on the allow list', () => {
      expect(evaluateWithRules(urlShortener, link('https://bit.ly/x'), { version: 1, allowDomains: ['bit.ly'] })).toBeUndefined()
    })
  })

  // PeterDaveHello/url-shorteners (CC BY-SA 4.0) is read here, at test time, never copied; CI
  // always has ../shared beside the clone, a developer's machine may not.
  const corpus = new URL('../../../shared/corpus/raw/PeterDaveHello__url-shorteners/', import.meta.url)
  test.runIf(existsSync(corpus))('lists only domains a public shortener list also names (cross-checked against the corpus)', () => {
    const known = new Set(['list', 'inactive'].flatMap((file) => readFileSync(new URL(file, corpus), 'utf8').split('\n').map((l) => l.trim())))
    expect(URL_SHORTENERS.filter((d) => !known.has(d))).toEqual([])
  })
})
