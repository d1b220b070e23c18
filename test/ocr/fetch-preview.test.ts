import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fetchPreview } from '../../src/ocr/fetch-preview.js'
import { createImageReader } from '../../src/ocr/index.js'
import type { StatusMedia } from '../../src/status/normalized-status.js'
import { fakeTesseract } from './fake-tesseract.js'

const PNG = readFileSync(new URL('../../fixtures/images/colour-pastel.png', import.meta.url))
let server: Server
let base = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === '/image.png') response.end(PNG)
    else if (request.url === '/big') response.end(Buffer.alloc(50_000))
    else if (request.url === '/chunked-big') {
      // No content-length: the limit is enforced while reading.
      response.write(Buffer.alloc(30_000))
      response.end(Buffer.alloc(30_000))
    } else if (request.url === '/slow') setTimeout(() => response.end(PNG), 2_000)
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const media = (previewUrl: string | undefined): StatusMedia => ({ id: '1', type: 'image', url: undefined, previewUrl, description: '', blurhash: undefined, width: undefined, height: undefined })

describe('fetchPreview', () => {
  test('downloads the image', async () => {
    const fetched = await fetchPreview(`${base}/image.png`, 100_000, 5_000, undefined)
    expect('bytes' in fetched && Buffer.from(fetched.bytes).equals(PNG)).toBe(true)
  })

  describe('gives a skipped entry', () => {
    // path or URL | byte limit | time limit | because | detail contains
    test.each([
      ['/big', 10_000, 5_000, 'too-large', 'maxImageBytes (10000)'],
      ['/chunked-big', 40_000, 5_000, 'too-large', 'maxImageBytes (40000)'],
      ['/missing', 10_000, 5_000, 'error', 'HTTP 404'],
      ['/slow', 100_000, 100, 'timeout', 'longer than 100 ms'],
      ['file:///etc/passwd', 10_000, 5_000, 'error', 'not http(s)'],
      ['data:image/png;base64,AAAA', 10_000, 5_000, 'error', 'not http(s)'],
    ])('for %s', async (path, maxBytes, timeoutMs, because, detail) => {
      const fetched = await fetchPreview(path.startsWith('/') ? `${base}${path}` : path, maxBytes, timeoutMs, undefined)
      expect(fetched).toMatchObject({ skipped: { signal: 'ocr', because } })
      expect('skipped' in fetched ? fetched.skipped.detail : '').toContain(detail)
    })

    test('when aborted', async () => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 50)
      expect(await fetchPreview(`${base}/slow`, 100_000, 5_000, controller.signal)).toMatchObject({ skipped: { because: 'aborted' } })
    })
  })
})

describe('readMedia', () => {
  test('fetches preview_url by default and reads it', async () => {
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data' })
    expect((await reader.readMedia(media(`${base}/image.png`))).text).toBe('discord.gg/ctkpaarr')
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
    ['an attachment without preview_url', {}, media(undefined), 'error'],
    ['a fetchImage that throws', { fetchImage: () => Promise.reject(new Error('403')) }, media('https://x.example/a.png'), 'error'],
    ['a fetchImage that returns nothing', { fetchImage: async () => undefined }, media('https://x.example/a.png'), 'error'],
  ])('reports %s as skipped', async (_case, options, item, because) => {
    const reader = createImageReader({ tesseract: fakeTesseract(), langPath: '/data', ...options })
    expect((await reader.readMedia(item)).skipped).toMatchObject([{ signal: 'ocr', because }])
  })
})
