import { describe, expect, test } from 'vitest'
import { DEFAULT_SETTINGS, originPattern, parseSettings } from '../../examples/browser-extension/src/settings.js'

describe('the browser extension settings', () => {
  // columns: host typed, match pattern asked for
  test.each([
    ['mastodon.social', 'https://mastodon.social/*'],
    ['fedi.example:8443', 'https://fedi.example/*'],
    ['127.0.0.1:3000', 'http://127.0.0.1/*'],
    ['localhost', 'http://localhost/*'],
  ])('%s asks for %s', (host, pattern) => {
    expect(originPattern(host)).toBe(pattern)
  })

  test('malformed stored values fall back to the defaults', () => {
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings({ mode: 'explode', locale: 'xx', hosts: 'a', allowAccounts: [1, ' a@b.example ', ''] })).toEqual({ ...DEFAULT_SETTINGS, allowAccounts: ['a@b.example'] })
    expect(parseSettings({ mode: 'blur', locale: 'ja', hosts: ['Mastodon.Social'] })).toEqual({ ...DEFAULT_SETTINGS, mode: 'blur', locale: 'ja', hosts: ['mastodon.social'] })
  })
})
