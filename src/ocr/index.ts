/**
 * `mastodon-spam-filter/ocr`: optional reading of text and QR codes in images. The only module
 * that knows tesseract.js (an optional peer dependency) and jsQR; the core never imports it.
 *
 * @packageDocumentation
 */
export { createImageReader } from './image-reader.js'
export type { ImageReader, ImageReading, ReadImageOptions } from './image-reader.js'
export type { FetchImage, ImageReaderOptions } from './reader-options.js'
export type { AbortSignalLike, ByteReader, ResponseLike } from './platform.js'
export type { TesseractLike, TesseractWorkerLike, TesseractWorkerOptions } from './tesseract-types.js'
export { foldInviteCode, foldOcrText } from './fold-ocr-text.js'
export { checkImageUrl, createPreviewFetcher, ImageFetchError } from './fetch-preview.js'
export type { FetchLike, PreviewFetcherOptions, UrlCheck } from './fetch-preview.js'
export { readImageHeader } from './image-size.js'
export type { ImageFormat, ImageHeader } from './image-size.js'
