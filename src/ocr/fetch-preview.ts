import type { StatusMedia } from '../status/normalized-status.js'
import type { Skipped } from '../verdict.js'
import { type AbortSignalLike, host, newAbortController, type ResponseLike, whenAborted } from './platform.js'
import type { FetchImage } from './reader-options.js'
import { describeError } from './worker-pool.js'

/** The brand shared by the package's ESM and CommonJS builds, so `instanceof` works across them. */
const FETCH_BRAND = Symbol.for('mastodon-spam-filter.ImageFetchError')

/**
 * Why an image fetch gave no bytes. `createImageReader` turns it into a `skipped` entry with this
 * `because`; any other error a `fetchImage` throws becomes `because: 'error'`.
 */
export class ImageFetchError extends Error {
  override readonly name = 'ImageFetchError'
  readonly because: Skipped['because']

  constructor(because: Skipped['because'], message: string) {
    super(message)
    this.because = because
    Object.defineProperty(this, FETCH_BRAND, { value: true })
  }

  /** True for an `ImageFetchError` of either build of this package (ESM or CommonJS): a `fetchImage` may throw one from the other. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FETCH_BRAND] === true
  }
}

/** The `fetch` the provided fetcher calls: the host's, or one the server passes in (see the README on DNS). */
export type FetchLike = (url: string, init: { readonly signal: AbortSignalLike; readonly redirect: 'manual' }) => Promise<ResponseLike>

/** Options of `createPreviewFetcher`. */
export interface PreviewFetcherOptions {
  /** Larger responses are cancelled while streaming. @default 8388608 (8 MiB) */
  readonly maxBytes?: number
  /** Redirects followed, each checked like the first URL. @default 3 */
  readonly maxRedirects?: number
  /** Time limit for the whole download, redirects included, ms. @default 30000 */
  readonly timeoutMs?: number
  /**
   * The `fetch` to use. @default globalThis.fetch. A server passes one whose connections are
   * checked after DNS resolution (see the README), so a host name that resolves to a private
   * address is refused too.
   */
  readonly fetch?: FetchLike
  /** Asked for every host before it is fetched (first URL and each redirect); `false` refuses it. */
  readonly allowHost?: (hostname: string) => boolean | Promise<boolean>
}

/** What the URL check says: the URL to fetch, or why not. */
export type UrlCheck = { readonly url: string; readonly hostname: string } | { readonly refused: string }

interface UrlLike {
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly href: string
}

type UrlConstructor = new (url: string, base?: string) => UrlLike

const refuse = (refused: string): UrlCheck => ({ refused })

/** An IPv4 address as four numbers, or `undefined`. (WHATWG URL already wrote `0x7f.1` and `2130706433` as `127.0.0.1`.) */
function ipv4(text: string): readonly number[] | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  const numbers = parts.map((part) => (/^\d{1,3}$/u.test(part) ? Number(part) : -1))
  return numbers.every((n) => n >= 0 && n <= 255) ? numbers : undefined
}

/** Why an IPv4 address is not a public one, or `undefined` for a public address. */
function privateIpv4(a: readonly number[]): string | undefined {
  const [p, q] = [a[0] ?? 0, a[1] ?? 0]
  if (p === 0) return 'a "this network" address (0.0.0.0/8)'
  if (p === 10) return 'a private address (10.0.0.0/8)'
  if (p === 100 && q >= 64 && q <= 127) return 'a carrier-grade NAT address (100.64.0.0/10)'
  if (p === 127) return 'a loopback address (127.0.0.0/8)'
  if (p === 169 && q === 254) return 'a link-local address (169.254.0.0/16, cloud metadata)'
  if (p === 172 && q >= 16 && q <= 31) return 'a private address (172.16.0.0/12)'
  if (p === 192 && q === 0 && a[2] === 0) return 'an IETF protocol address (192.0.0.0/24)'
  if (p === 192 && q === 168) return 'a private address (192.168.0.0/16)'
  if (p === 198 && (q === 18 || q === 19)) return 'a benchmarking address (198.18.0.0/15)'
  if (p >= 224) return 'a multicast or reserved address (224.0.0.0/3)'
  return undefined
}

/** An IPv6 address as eight 16-bit groups, or `undefined`. */
function ipv6(text: string): number[] | undefined {
  let body = text
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) becomes two groups.
  const tail = /:(\d{1,3}(?:\.\d{1,3}){3})$/u.exec(body)
  if (tail !== null) {
    const v4 = ipv4(tail[1] ?? '')
    if (v4 === undefined) return undefined
    body = `${body.slice(0, tail.index)}:${(((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16)}:${(((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16)}`
  }
  const halves = body.split('::')
  if (halves.length > 2) return undefined
  const parse = (part: string): number[] | undefined => {
    if (part === '') return []
    const groups = part.split(':').map((g) => (/^[0-9a-f]{1,4}$/iu.test(g) ? parseInt(g, 16) : -1))
    return groups.some((g) => g < 0) ? undefined : groups
  }
  const head = parse(halves[0] ?? '')
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : []
  if (head === undefined || rest === undefined) return undefined
  const missing = 8 - head.length - rest.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined
  return [...head, ...new Array<number>(missing).fill(0), ...rest]
}

/** Why an IPv6 address is not a public one, or `undefined` for a public address. */
function privateIpv6(g: readonly number[]): string | undefined {
  const [first = 0, second = 0] = g
  const v4 = [(g[6] ?? 0) >> 8, (g[6] ?? 0) & 255, (g[7] ?? 0) >> 8, (g[7] ?? 0) & 255]
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): the IPv4 address decides; :: and ::1 are not public.
    if (g[5] === 0 && g[6] === 0 && (g[7] === 0 || g[7] === 1)) return g[7] === 1 ? 'the IPv6 loopback address (::1)' : 'the unspecified address (::)'
    return privateIpv4(v4) ?? undefined
  }
  if (first === 0x64 && second === 0xff9b) return privateIpv4(v4)
  if ((first & 0xfe00) === 0xfc00) return 'a unique local IPv6 address (fc00::/7)'
  if ((first & 0xffc0) === 0xfe80) return 'a link-local IPv6 address (fe80::/10)'
  if ((first & 0xffc0) === 0xfec0) return 'a site-local IPv6 address (fec0::/10)'
  if ((first & 0xff00) === 0xff00) return 'a multicast IPv6 address (ff00::/8)'
  // Only global unicast (2000::/3) is public; 6to4 and Teredo embed addresses this check cannot vouch for.
  if ((first & 0xe000) !== 0x2000) return 'an IPv6 address outside global unicast (2000::/3)'
  if (first === 0x2002) return 'a 6to4 IPv6 address (2002::/16)'
  if (first === 0x2001 && second === 0) return 'a Teredo IPv6 address (2001::/32)'
  return undefined
}

/**
 * Checks a URL before anything is fetched: `http:` or `https:` only, no credentials, and no
 * literal address that is not public (loopback, private, link-local, CGNAT, multicast, IPv6
 * unique-local and link-local, IPv4 in IPv6) and no `localhost`. A host name is not resolved here:
 * what it resolves to is for the `fetch` the server passes (see the README).
 *
 * @param url - the URL, relative to `base` when given
 * @param base - the URL it was found at (a redirect's `Location`)
 * @returns the normalized URL and its host, or why it is refused
 */
export function checkImageUrl(url: string, base?: string): UrlCheck {
  const URL = (globalThis as unknown as { URL?: UrlConstructor }).URL
  if (URL === undefined) return refuse('this runtime has no URL parser to check the address')
  let parsed: UrlLike
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base)
  } catch {
    return refuse('not a valid URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse(`the scheme ${parsed.protocol} is not http(s)`)
  if (parsed.username !== '' || parsed.password !== '') return refuse('the URL carries credentials')
  const hostname = parsed.hostname.toLowerCase()
  if (hostname === '') return refuse('the URL has no host')
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === 'localhost.') return refuse('localhost is a loopback host')
  if (hostname.startsWith('[')) {
    const groups = ipv6(hostname.slice(1, -1))
    if (groups === undefined) return refuse('an IPv6 address that could not be read')
    const why = privateIpv6(groups)
    if (why !== undefined) return refuse(`${hostname} is ${why}`)
  } else {
    const v4 = ipv4(hostname)
    const why = v4 === undefined ? undefined : privateIpv4(v4)
    if (why !== undefined) return refuse(`${hostname} is ${why}`)
  }
  return { url: parsed.href, hostname }
}

function positive(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`createPreviewFetcher: ${option} must be a non-negative integer`)
  return value
}

/** Waits for a promise, or rejects as soon as the download's deadline (time limit or abort) passes. */
type Within = <T>(work: T | Promise<T>) => Promise<T>

async function readCapped(response: ResponseLike, maxBytes: number, within: Within): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new ImageFetchError('too-large', `the image is larger than maxImageBytes (${maxBytes})`)
  const reader = response.body?.getReader()
  if (reader === undefined) throw new ImageFetchError('error', 'the image response has no body')
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    for (;;) {
      const { done, value } = await within(reader.read())
      if (done || value === undefined) break
      length += value.length
      if (length > maxBytes) throw new ImageFetchError('too-large', `the image is larger than maxImageBytes (${maxBytes})`)
      chunks.push(value)
    }
  } catch (error) {
    // Past the cap, the deadline or an abort: the rest of the body is not read (not awaited either: a hung stream may never settle).
    void Promise.resolve()
      .then(() => reader.cancel())
      .catch(() => {})
    throw error
  }
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/**
 * The provided image fetch, for callers who opt into it: a GET of the attachment's `preview_url`
 * that refuses anything but a public http(s) address (see `checkImageUrl`), follows at most
 * `maxRedirects` redirects by hand (each `Location` checked again), and cancels the body past
 * `maxBytes`. It makes no request for a refused URL. It does not resolve host names: on a server,
 * pass a `fetch` that checks the address it connects to (see the README, "DNS rebinding").
 *
 * @param options - limits, the `fetch` to use and a host filter
 * @returns a `fetchImage` for `createImageReader`
 * @example
 * const ocr = createImageReader({ tesseract, langPath, fetchImage: createPreviewFetcher() })
 */
export function createPreviewFetcher(options: PreviewFetcherOptions = {}): FetchImage {
  const maxBytes = positive(options.maxBytes, 8 * 1024 * 1024, 'maxBytes')
  const maxRedirects = positive(options.maxRedirects, 3, 'maxRedirects')
  const timeoutMs = positive(options.timeoutMs, 30_000, 'timeoutMs')
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('createPreviewFetcher: fetch must be a function')
  return async (media: StatusMedia, signal: AbortSignalLike | undefined) => {
    if (media.previewUrl === undefined) throw new ImageFetchError('error', 'the attachment has no preview_url')
    const fetched = await fetchPreview(media.previewUrl, { maxBytes, maxRedirects, timeoutMs, fetch: options.fetch, allowHost: options.allowHost }, signal)
    if ('skipped' in fetched) throw new ImageFetchError(fetched.skipped.because, fetched.skipped.detail ?? 'the image could not be fetched')
    return fetched.bytes
  }
}

/** Bytes, or why there are none. */
export type Fetched = { readonly bytes: Uint8Array } | { readonly skipped: Skipped }

const skip = (because: Skipped['because'], detail: string): Fetched => ({ skipped: { signal: 'ocr', because, detail } })

interface FetchLimits {
  readonly maxBytes: number
  readonly maxRedirects: number
  readonly timeoutMs: number
  readonly fetch?: FetchLike | undefined
  readonly allowHost?: ((hostname: string) => boolean | Promise<boolean>) | undefined
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Downloads an image with the checks of `createPreviewFetcher`.
 *
 * @param url - the preview URL
 * @param limits - bytes, redirects, time, the `fetch` and the host filter
 * @param signal - the caller's abort signal
 * @returns the bytes, or a skipped entry
 */
export async function fetchPreview(url: string, limits: FetchLimits, signal: AbortSignalLike | undefined): Promise<Fetched> {
  const { setTimeout, clearTimeout } = host()
  const fetch = limits.fetch ?? host().fetch
  if (fetch === undefined) return skip('error', 'this runtime has no fetch: pass fetchImage to createImageReader')
  let check = checkImageUrl(url)
  if ('refused' in check) return skip('error', `refused ${url.slice(0, 200)}: ${check.refused}`)
  const controller = newAbortController()
  let timedOut = false
  // The deadline bounds every wait of the download (allowHost, fetch, each body read) by racing it,
  // so the time limit holds in a runtime without AbortController, with a fetch that ignores its
  // signal, and with an allowHost that never settles.
  let expire: (reason: unknown) => void = () => {}
  const deadline = new Promise<never>((_resolve, reject) => {
    expire = reject
  })
  deadline.catch(() => {})
  const within: Within = (work) => Promise.race([Promise.resolve(work), deadline])
  const timer = setTimeout(() => {
    timedOut = true
    controller?.abort()
    expire(new Error('timeout'))
  }, limits.timeoutMs)
  const { aborted, detach } = whenAborted(signal)
  void aborted.then(() => {
    controller?.abort()
    expire(new Error('aborted'))
  })
  const fetchSignal = controller?.signal ?? { aborted: false, addEventListener: () => {}, removeEventListener: () => {} }
  try {
    for (let hop = 0; ; hop++) {
      if (limits.allowHost !== undefined && (await within(limits.allowHost(check.hostname))) !== true) return skip('error', `refused ${check.url.slice(0, 200)}: allowHost refused ${check.hostname}`)
      if (signal?.aborted === true) return skip('aborted', 'aborted while the image was downloading')
      const response = await within(fetch(check.url, { signal: fetchSignal, redirect: 'manual' }))
      if (REDIRECTS.has(response.status)) {
        void Promise.resolve()
          .then(() => response.body?.getReader().cancel())
          .catch(() => {})
        if (hop >= limits.maxRedirects) return skip('error', `more than ${limits.maxRedirects} redirects`)
        const location = response.headers.get('location')
        if (location === null) return skip('error', `HTTP ${response.status} without a Location`)
        const next = checkImageUrl(location, check.url)
        if ('refused' in next) return skip('error', `refused the redirect to ${location.slice(0, 200)}: ${next.refused}`)
        check = next
        continue
      }
      // A browser's manual redirect is opaque (status 0): it cannot be checked, so it is not followed.
      if (response.status === 0) return skip('error', 'a redirect this runtime hides (opaque): not followed')
      if (!response.ok) return skip('error', `the image download failed with HTTP ${response.status}`)
      return { bytes: await readCapped(response, limits.maxBytes, within) }
    }
  } catch (error) {
    if (error instanceof ImageFetchError) return skip(error.because, error.message)
    if (timedOut) return skip('timeout', `the image download took longer than ${limits.timeoutMs} ms`)
    if (signal?.aborted === true) return skip('aborted', 'aborted while the image was downloading')
    return skip('error', `the image download failed: ${describeError(error)}`)
  } finally {
    clearTimeout(timer)
    detach()
  }
}
