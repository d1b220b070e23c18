import { readFileSync } from 'node:fs'
import type { entities } from 'misskey-js'
import { describe, expect, test } from 'vitest'
import { classifyStatus, fromMisskey, type StatusInput } from '../../src/index.js'
import { readStatus, unwrapStatus } from '../../src/internals.js'

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/misskey/${name}`, import.meta.url), 'utf8'))
const read = (note: unknown, host = 'misskey.example') => readStatus(unwrapStatus(fromMisskey(note as never, { host })) ?? {}, undefined)

// Type-level: misskey-js's own entities are accepted without casts (checked by tsc on the tests).
export const acceptsNote = (note: entities.Note): StatusInput => fromMisskey(note)
export const acceptsNotification = (n: Extract<entities.Notification, { type: 'mention' }>): StatusInput => fromMisskey(n)

describe('fromMisskey', () => {
  describe('classifies the fixtures', () => {
    // columns: fixture file, the server that served it, expected label
    test.each([
      ['mention-wave-2024-02.json', 'open-signup.example', 'spam'],
      ['local-note-with-mfm.json', 'misskey.example', 'clean'],
      ['renote-of-remote-note.json', 'misskey.example', 'clean'],
      ['reply-with-poll.json', 'misskey.example', 'clean'],
    ])('%s as %s', (file, host, label) => {
      expect(classifyStatus(fromMisskey(fixture(file) as never, { host })).label).toBe(label)
    })
  })

  describe('reads', () => {
    test('MFM text into text, mentions, hashtags and links', () => {
      const status = read(fixture('local-note-with-mfm.json'))
      expect(status.text).toContain('Release day! Our small game jam entry is out')
      expect(status.text).not.toContain('$[')
      expect(status.text).not.toContain('**')
      expect(status.mentions.map((m) => m.acct)).toEqual(['mika@art.example', 'tomo@misskey.example'])
      expect(status.hashtags).toEqual(['gamedev', 'indiegame'])
      expect(status.links.map((l) => l.href)).toEqual(['https://games.example/jam/frog-garden'])
    })

    test('files as media with size, blurhash and alt text', () => {
      const [media] = read(fixture('local-note-with-mfm.json')).media
      expect(media).toMatchObject({ type: 'image', width: 1280, height: 720, description: 'A frog watering flowers in a pixel-art garden' })
      expect(media?.blurhash).toMatch(/^eCF6/u)
    })

    test('the author: acct on the serving host, identicon as default avatar, age from the aid', () => {
      const { author } = read(fixture('mention-wave-2024-02.json'), 'open-signup.example')
      expect(author).toMatchObject({ acct: 'qz7xk2m9wd@open-signup.example', host: 'open-signup.example', hasDefaultAvatar: true, bot: false })
      expect(author.createdAt).toBe(Date.parse('2024-02-16T03:05:11.000Z'))
    })

    test('no account age for a remote user, whose id only says when the server first saw it', () => {
      expect(read(fixture('reply-with-poll.json')).author).toMatchObject({ acct: 'tomo@music.example', createdAt: undefined })
    })

    test('a renote without text as the renoted note', () => {
      const status = read(fixture('renote-of-remote-note.json'))
      expect(status.author).toMatchObject({ acct: 'frogfacts@facts.example', bot: true })
      expect(status.text).toBe('Frog fact\nFrogs drink through their skin. Mostly.')
      expect(status.spoilerText).toBe('animal facts')
      expect(status.url).toBe('https://facts.example/notes/9llx4aaaaa')
    })

    test('a reply: cw, visibility, poll choices, and bare mentions on the author host', () => {
      const status = read(fixture('reply-with-poll.json'))
      expect(status).toMatchObject({ isReply: true, inReplyToAccountId: '8lakh8g0ab', visibility: 'unlisted', spoilerText: 'game jam spoilers' })
      expect(status.extraTexts).toEqual(['Pastel', 'Neon'])
      expect(status.mentions.map((m) => m.acct)).toEqual(['aoi@music.example', 'mika@art.example'])
    })

    test('the note of a notification', () => {
      const note = fixture('reply-with-poll.json')
      expect(read({ id: 'n1', type: 'mention', createdAt: '2023-11-03T09:00:01.000Z', note }).id).toBe('9llx782ok5')
    })

    test('the post time from the note id when createdAt is missing', () => {
      expect(read({ id: '9prn2af4q7', text: 'hi' }).createdAt).toBe(Date.parse('2024-02-16T03:12:40.000Z'))
    })
  })

  describe('never throws', () => {
    // columns: what, value
    test.each([
      ['for null', null],
      ['for a string', 'note'],
      ['for an array', []],
      ['for wrong field types', { text: 42, user: 'x', files: {}, poll: { choices: 'a' }, cw: 1, createdAt: {} }],
      ['for a getter that throws', Object.defineProperty({}, 'text', { get: () => { throw new Error('boom') }, enumerable: true })],
    ])('%s', (_what, value) => {
      expect(classifyStatus(fromMisskey(value as never)).label).toBe('clean')
    })
  })
})
