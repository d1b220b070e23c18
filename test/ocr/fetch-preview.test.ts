import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { checkImageUrl, fetchPreview, type FetchLike } from '../../src/ocr/fetch-preview.js'
import { createImageReader, createPreviewFetcher } from '../../src/ocr/index.js'
import type { StatusMedia } from '../../src/status/normalized-status.js'
import { fakeTesseract } from './fake-tesseract.js'

const PNG = readFileSync(new URL('../../fixtures/images/colour-pastel.png', import.meta.url))
/** A public-looking name for the loopback test server: the fetch below connects it to 127.0.0.1. */
const PUBLIC = 'http://images.example'
let server: Server
let base = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? ''
    requests.push(url)
    if (url === '/image.png') response.end(PNG)
    else if (url === '/big') response.end(Buffer.alloc(50_000))
    else if (url === '/chunked-big') {
      // No content-length: the limit is enforced while reading.
      response.write(Buffer.alloc(30_000))
      response.end(Buffer.alloc(30_000))
    } else if (url === '/slow') setTimeout(() => response.end(PNG), 2_000)
    else if (url === '/never') {
      // Headers and never a body.
      response.writeHead(200, { 'content-type': 'image/png' })
      response.write(Buffer.alloc(10))
    } else if (url.startsWith('/redirect?to=')) response.writeHead(302, { location: decodeURIComponent(url.slice('/redirect?to='.length)) }).end()
    else if (url.startsWith('/loop/')) response.writeHead(302, { location: `/loop/${Number(url.slice(6)) + 1}` }).end()
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Every URL the fetcher asked for; `images.example` goes to the loopback server, anything else is never sent. */
const asked: string[] = []
const loopbackFetch: FetchLike = async (url, init) => {
  asked.push(url)
  if (!url.startsWith(`${PUBLIC}/`)) throw new Error(`the test fetch refuses to send traffic to ${url}`)
  return (await fetch(`${base}${url.slice(PUBLIC.length)}`, init as RequestInit)) as never
}
const limits = (overrides: Partial<{ maxBytes: number; timeoutMs: number; maxRedirects: number }> = {}) => ({ maxBytes: 100_000, timeoutMs: 5_000, maxRedirects: 3, fetch: loopbackFetch, ...overrides })

const media = (previewUrl: string | undefined): StatusMedia => ({ id: '1', type: 'image', url: undefined, previewUrl, description: '', blurhash: undefined, width: undefined, height: undefined })

describe('fetchPreview', () => {
  test('downloads the image', async () => {
    const fetched = await fetchPreview(`${PUBLIC}/image.png`, limits(), undefined)
    expect('bytes' in fetched && Buffer.from(fetched.bytes).equals(PNG)).toBe(true)
  })

  test('follows a redirect to a public host, checked again', async () => {
    const fetched = await fetchPreview(`${PUBLIC}/redirect?to=${encodeURIComponent('/image.png')}`, limits(), undefined)
    expect('bytes' in fetched).toBe(true)
  })

  describe('gives a skipped entry', () => {
    // path or URL | byte limit | time limit | because | detail contains
    test.each([
      ['/big', 10_000, 5_000, 'too-large', 'maxImageBytes (10000)'],
      ['/chunked-big', 40_000, 5_000, 'too-large', 'maxImageBytes (40000)'],
      ['/missing', 10_000, 5_000, 'error', 'HTTP 404'],
      ['/slow', 100_000, 100, 'timeout', 'longer than 100 ms'],
      ['/never', 100_000, 100, 'timeout', 'longer than 100 ms'],
      ['file:///etc/passwd', 10_000, 5_000, 'error', 'not http(s)'],
      ['data:image/png;base64,AAAA', 10_000, 5_000, 'error', 'not http(s)'],
    ])('for %s', async (path, maxBytes, timeoutMs, because, detail) => {
      const fetched = await fetchPreview(path.startsWith('/') ? `${PUBLIC}${path}` : path, limits({ maxBytes, timeoutMs }), undefined)
      expect(fetched).toMatchObject({ skipped: { signal: 'ocr', because } })
      expect('skipped' in fetched ? fetched.skipped.detail : '').toContain(detail)
    })

    // The time limit holds for every wait, not only through AbortController: a runtime without it,
    // a fetch that ignores its signal, an allowHost that never answers, a body that never ends.
    const hangs = new Promise<never>(() => {})
    const ignoresSignal: FetchLike = () => hangs
    const bodyHangs: FetchLike = () =>
      Promise.resolve({ ok: true, status: 200, headers: { get: () => null }, body: { getReader: () => ({ read: () => hangs, cancel: () => hangs }) } })
    test.each([
      ['a fetch that ignores its signal', { fetch: ignoresSignal }],
      ['an allowHost that never answers', { allowHost: () => hangs }],
      ['a body that never ends, read by a fetch that ignores its signal', { fetch: bodyHangs }],
    ])('for %s, in a runtime without AbortController', async (_name, options) => {
      const saved = globalThis.AbortController
      ;(globalThis as { AbortController?: unknown }).AbortController = undefined
      try {
        const fetched = await fetchPreview(`${PUBLIC}/image.png`, { ...limits({ timeoutMs: 50 }), ...options }, undefined)
        expect(fetched).toMatchObject({ skipped: { signal: 'ocr', because: 'timeout' } })
      } finally {
        globalThis.AbortController = saved
      }
    })

    test('when aborted while allowHost has not answered', async () => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 30)
      expect(await fetchPreview(`${PUBLIC}/image.png`, { ...limits(), allowHost: () => hangs }, controller.signal)).toMatchObject({ skipped: { because: 'aborted' } })
    })

    test('when aborted', async () => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 50)
      expect(await fetchPreview(`${PUBLIC}/slow`, limits(), controller.signal)).toMatchObject({ skipped: { because: 'aborted' } })
    })
  })
})

describe('the provided fetcher refuses private addresses without sending anything', () => {
  // Issue 12: a preview_url of the cloud metadata service or an internal admin page.
  test.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.5:8080/admin',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.0.0.1./',
    'http://0/',
    'http://①②⑦.0.0.1/',
    'http://１２７.０.０.１/',
    'http://[::127.0.0.1]/',
    'http://LOCALHOST./',
    'http://0.0.0.0/',
    'http://100.64.1.1/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://198.18.0.1/',
    'http://224.0.0.1/',
    'http://localhost/',
    'http://a.localhost/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:7f00:1]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://user:pass@images.example/a.png',
    'ftp://images.example/a.png',
    'gopher://images.example/',
  ])('%s', async (url) => {
    const before = asked.length
    expect(checkImageUrl(url)).toHaveProperty('refused')
    const fetched = await fetchPreview(url, limits(), undefined)
    expect(fetched).toMatchObject({ skipped: { because: 'error', detail: expect.stringContaining('refused') } })
    expect(asked.length).toBe(before)
  })

  test.each(['https://files.mastodon.social/x.png', 'http://93.184.215.14/a.png', 'http://[2606:4700::1111]/a.png', 'http://172.32.0.1/'])('allows the public %s', (url) => {
    expect(checkImageUrl(url)).toHaveProperty('url')
  })

  test.each(['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5:8080/admin', 'http://[::1]/', 'file:///etc/passwd'])('a redirect to %s is refused before it is followed', async (target) => {
    asked.length = 0
    const fetched = await fetchPreview(`${PUBLIC}/redirect?to=${encodeURIComponent(target)}`, limits(), undefined)
    expect(fetched).toMatchObject({ skipped: { because: 'error', detail: expect.stringContaining('refused the redirect') } })
    expect(asked).toEqual([`${PUBLIC}/redirect?to=${encodeURIComponent(target)}`])
  })

  test('redirects are capped', async () => {
    asked.length = 0
    const fetched = await fetchPreview(`${PUBLIC}/loop/0`, limits({ maxRedirects: 3 }), undefined)
    expect(fetched).toMatchObject({ skipped: { detail: 'more than 3 redirects' } })
    expect(asked.length).toBe(4)
  })

  test('allowHost is asked for every hop', async () => {
    const hosts: string[] = []
    const fetched = await fetchPreview(`${PUBLIC}/redirect?to=${encodeURIComponent('http://other.example/x')}`, { ...limits(), allowHost: (h) => (hosts.push(h), h === 'images.example') }, undefined)
    expect(hosts).toEqual(['images.example', 'other.example'])
    expect(fetched).toMatchObject({ skipped: { detail: expect.stringContaining('allowHost refused other.example') } })
  })
})

describe('readMedia', () => {
  test('fetches nothing without fetchImage (no global fetch by default)', async () => {
    const before = requests.length
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data' })
    for (const url of [`${base}/image.png`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5:8080/admin']) {
      expect((await reader.readMedia(media(url))).skipped).toMatchObject([{ signal: 'ocr', because: 'error', detail: expect.stringContaining('no fetchImage') }])
    }
    expect(requests.length).toBe(before)
    await reader.terminate()
  })

  test('reads with the provided fetcher when the caller opts in', async () => {
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data', fetchImage: createPreviewFetcher({ fetch: loopbackFetch }) })
    expect((await reader.readMedia(media(`${PUBLIC}/image.png`))).text).toBe('discord.gg/ctkpaarr')
    expect((await reader.readMedia(media('http://169.254.169.254/')))).toMatchObject({ skipped: [{ because: 'error', detail: expect.stringContaining('link-local') }] })
    await reader.terminate()
  })

  test('the provided fetcher keeps its reasons: too-large stays too-large', async () => {
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data', fetchImage: createPreviewFetcher({ fetch: loopbackFetch, maxBytes: 10_000 }) })
    expect((await reader.readMedia(media(`${PUBLIC}/big`))).skipped).toMatchObject([{ because: 'too-large' }])
    await reader.terminate()
  })

  test('uses the app’s fetchImage instead, making no request itself', async () => {
    const before = requests.length
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data', fetchImage: async () => new Uint8Array(PNG) })
    expect((await reader.readMedia(media(`${base}/image.png`))).text).toBe('discord.gg/ctkpaarr')
    expect(requests.length).toBe(before)
    await reader.terminate()
  })

  // case | reader options | media | because
  test.each([
    ['an attachment without preview_url', { fetchImage: createPreviewFetcher({ fetch: loopbackFetch }) }, media(undefined), 'error'],
    ['a fetchImage that throws', { fetchImage: () => Promise.reject(new Error('403')) }, media('https://x.example/a.png'), 'error'],
    ['a fetchImage that returns nothing', { fetchImage: async () => undefined }, media('https://x.example/a.png'), 'error'],
  ])('reports %s as skipped', async (_case, options, item, because) => {
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data', ...options })
    expect((await reader.readMedia(item)).skipped).toMatchObject([{ signal: 'ocr', because }])
  })
})
