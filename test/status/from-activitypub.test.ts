import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { classifyStatus, fromActivityPub } from '../../src/index.js'
import { readStatus } from '../../src/internals.js'
import { htmlToText } from '../../src/status/read-content.js'

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/activitypub/${name}`, import.meta.url), 'utf8'))
const read = (object: unknown) => readStatus(fromActivityPub(object), undefined)

// Real objects captured from live servers (mixed licenses: read here, never copied into the repo).
const CORPUS = new URL('../../../shared/corpus/ham/activitypub-notes.jsonl', import.meta.url)
const corpus: { name: string; object: Record<string, unknown> }[] = existsSync(CORPUS)
  ? readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line, i) => {
      const entry = JSON.parse(line) as { object: Record<string, unknown>; source: { path: string } }
      return { name: `line ${i + 1} (${entry.source.path})`, object: entry.object }
    })
  : []

describe('fromActivityPub', () => {
  describe('classifies the fixtures', () => {
    // columns: fixture file, expected label
    test.each([
      ['create-note-mention-wave.json', 'spam'],
      ['question-with-poll.json', 'clean'],
      ['article-with-actor.json', 'clean'],
    ])('%s', (file, label) => {
      expect(classifyStatus(fromActivityPub(fixture(file))).label).toBe(label)
    })
  })

  describe('reads', () => {
    test('a Create activity: the wrapped note, its Mention tags, attachment and embedded actor', () => {
      const status = read(fixture('create-note-mention-wave.json'))
      expect(status.mentions.map((m) => m.acct)).toEqual(['kuma@mastodon.example', 'sora@social.example', 'hana@misskey.example', 'riku@fedi.example'])
      expect(status.media[0]).toMatchObject({ type: 'image', width: 1200, height: 675 })
      expect(status.author).toMatchObject({ acct: 'qz7xk2m9wd@open-signup.example', hasDefaultAvatar: true, createdAt: Date.parse('2024-02-16T03:05:11.000Z') })
      expect(status).toMatchObject({ visibility: 'public', createdAt: Date.parse('2024-02-16T03:12:40.000Z'), prose: '' })
    })

    test('a Question: contentMap, a single Hashtag object, oneOf options', () => {
      const status = read(fixture('question-with-poll.json'))
      expect(status.text).toBe('Welche Sorte Äpfel für den Kuchen? #backen')
      expect(status.hashtags).toEqual(['backen'])
      expect(status.extraTexts).toEqual(['Boskoop', 'Elstar'])
      expect(status.author).toMatchObject({ acct: '', host: 'mastodon.example' })
    })

    test('an Article: title first, actor from an attributedTo array, Link url, single attachment', () => {
      const status = read(fixture('article-with-actor.json'))
      expect(status.text.startsWith('Pond notes, week 12\n')).toBe(true)
      expect(status.spoilerText).toBe('')
      expect(status.url).toBe('https://blog.example/~river/pond-notes')
      expect(status.author).toMatchObject({ acct: 'river@blog.example', displayName: 'River', hasDefaultAvatar: false, fieldsCount: 1, hasBio: true })
      expect(fromActivityPub(fixture('article-with-actor.json') as never).account?.note).toContain('Ponds, frogs and slow writing.')
      expect(status.media[0]).toMatchObject({ description: 'Tadpoles with back legs in a glass jar', width: 800 })
    })

    test('inReplyTo and summary as a reply with a content warning', () => {
      const status = read({ type: 'Note', content: 'spoiler', summary: 'cw', inReplyTo: { id: 'https://x.example/n/1' } })
      expect(status).toMatchObject({ isReply: true, spoilerText: 'cw' })
    })
  })

  describe('never throws', () => {
    // columns: what, value
    test.each([
      ['for null', null],
      ['for a bare URL', 'https://x.example/notes/1'],
      ['for a Create of a URL', { type: 'Create', object: 'https://x.example/notes/1' }],
      ['for wrong field types', { type: 'Note', content: 1, tag: 'x', attachment: [null, 1, 'a'], attributedTo: 7, oneOf: 3, contentMap: [] }],
      ['for nested wrappers', { type: 'Create', object: { type: 'Update', object: { type: 'Create', object: { type: 'Create', object: {} } } } }],
    ])('%s', (_what, value) => {
      expect(classifyStatus(fromActivityPub(value)).label).toBe('clean')
    })
  })

  describe.runIf(corpus.length > 0)('the real objects in the shared corpus', () => {
    test.each(corpus)('$name is not spam and keeps its text', ({ object }) => {
      const input = fromActivityPub(object)
      expect(classifyStatus(input).label).not.toBe('spam')
      const map = object['contentMap']
      const html = typeof object['content'] === 'string' ? object['content'] : typeof map === 'object' && map !== null ? String(Object.values(map)[0] ?? '') : ''
      if (htmlToText(html).text !== '') expect(readStatus(input, undefined).text).not.toBe('')
    })
  })
})
