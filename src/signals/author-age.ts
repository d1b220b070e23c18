import type { NormalizedStatus } from '../status/normalized-status.js'

/** Age of the author's account when the status was posted, in ms; `undefined` when unknown. */
export function authorAgeAt(status: NormalizedStatus, postedAt: number): number | undefined {
  const created = status.author.createdAt
  if (created === undefined) return undefined
  return Math.max(0, postedAt - created)
}
