import type { Skipped } from '../verdict.js'
import { type AbortSignalLike, host, newAbortController, whenAborted } from './platform.js'
import { describeError } from './worker-pool.js'

/** Bytes, or why there are none. */
export type Fetched = { readonly bytes: Uint8Array } | { readonly skipped: Skipped }

const skip = (because: Skipped['because'], detail: string): Fetched => ({ skipped: { signal: 'ocr', because, detail } })

/**
 * The default image fetch: a GET of the attachment's `preview_url` with the host's `fetch`, read
 * only up to `maxBytes`. Only `http:` and `https:` URLs; no other request is ever made.
 *
 * @param url - the preview URL
 * @param maxBytes - the byte limit; larger responses are cancelled
 * @param timeoutMs - the time limit for the whole download
 * @param signal - the caller's abort signal
 * @returns the bytes, or a skipped entry
 */
export async function fetchPreview(url: string, maxBytes: number, timeoutMs: number, signal: AbortSignalLike | undefined): Promise<Fetched> {
  const { fetch, setTimeout, clearTimeout } = host()
  if (fetch === undefined) return skip('error', 'this runtime has no fetch: pass fetchImage to createImageReader')
  if (!/^https?:\/\//iu.test(url)) return skip('error', 'the preview URL is not http(s)')
  const controller = newAbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller?.abort()
  }, timeoutMs)
  const { aborted, detach } = whenAborted(signal)
  void aborted.then(() => controller?.abort())
  try {
    const response = await fetch(url, { signal: controller?.signal ?? { aborted: false, addEventListener: () => {}, removeEventListener: () => {} }, redirect: 'follow' })
    if (!response.ok) return skip('error', `the image download failed with HTTP ${response.status}`)
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return skip('too-large', `the image is larger than maxImageBytes (${maxBytes})`)
    const reader = response.body?.getReader()
    if (reader === undefined) return skip('error', 'the image response has no body')
    const chunks: Uint8Array[] = []
    let length = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done || value === undefined) break
      length += value.length
      if (length > maxBytes) {
        await reader.cancel().catch(() => {})
        return skip('too-large', `the image is larger than maxImageBytes (${maxBytes})`)
      }
      chunks.push(value)
    }
    const bytes = new Uint8Array(length)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.length
    }
    return { bytes }
  } catch (error) {
    if (timedOut) return skip('timeout', `the image download took longer than ${timeoutMs} ms`)
    if (signal?.aborted === true) return skip('aborted', 'aborted while the image was downloading')
    return skip('error', `the image download failed: ${describeError(error)}`)
  } finally {
    clearTimeout(timer)
    detach()
  }
}
