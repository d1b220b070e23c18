import { host } from './platform.js'
import type { RgbaImage } from './rgba-image.js'

/**
 * Decodes any image the browser can (PNG, JPEG, WebP, GIF) with `createImageBitmap` and an
 * `OffscreenCanvas`. Hosts without them (Node) get `undefined`.
 *
 * @param bytes - the image file
 * @returns the pixels, or `undefined`
 */
export async function decodeInBrowser(bytes: Uint8Array): Promise<RgbaImage | undefined> {
  const { Blob, createImageBitmap, OffscreenCanvas } = host()
  if (Blob === undefined || createImageBitmap === undefined || OffscreenCanvas === undefined) return undefined
  try {
    const bitmap = await createImageBitmap(new Blob([bytes]))
    const { width, height } = bitmap
    const context = new OffscreenCanvas(width, height).getContext('2d')
    if (context === null) return undefined
    context.drawImage(bitmap, 0, 0)
    bitmap.close()
    return { width, height, data: context.getImageData(0, 0, width, height).data }
  } catch {
    return undefined
  }
}
