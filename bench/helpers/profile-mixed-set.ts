/**
 * A CPU profile of a build's `classifyStatus` over the mixed set of `bench/classify.ts` (the real
 * ham of ../shared/corpus interleaved with mention-heavy spam), with the CPU time per status
 * measured over as many passes without the profiler: what `bench/profile-stages.ts` and
 * `bench/profile-functions.ts` read.
 */
import { Session } from 'node:inspector/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadHamItems } from '../../eval/ham-corpus.js'
import { findCorpus } from '../../eval/paths.js'
import { mentionHeavySpam } from './mention-spam.js'

export interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
export interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/**
 * Warms up (40 passes), times `passes` passes, then profiles as many.
 *
 * @param root - a package root with `dist/` (relative to the working directory)
 * @param passes - passes over the mixed set, timed and then profiled
 * @param intervalUs - the profiler's sampling interval, µs
 * @returns the CPU time per status without the profiler, the profile, the statuses a pass reads and a
 *   checksum of the scores (so the work cannot be optimised away)
 */
export async function profileMixedSet(root: string, passes: number, intervalUs: number): Promise<{ readonly usPerStatus: number; readonly profile: Profile; readonly statuses: number; readonly checksum: number }> {
  const { classifyStatus } = (await import(pathToFileURL(resolve(root, 'dist/index.js')).href)) as { classifyStatus: (s: unknown) => { score: number } }
  const corpus = findCorpus()
  if (corpus === undefined) throw new Error('the mixed set needs ../shared/corpus (its real ham)')
  const ham = loadHamItems(corpus).map((i) => i.input)
  const spam = mentionHeavySpam(ham.length)
  const inputs: unknown[] = []
  // PROFILE_SET=ham or spam: one half of the set alone (where each half's time goes).
  const only = process.env.PROFILE_SET
  for (let i = 0; i < ham.length; i++) {
    if (only !== 'spam') inputs.push(ham[i])
    if (only !== 'ham') inputs.push(spam[i])
  }
  let sink = 0
  for (let k = 0; k < 40; k++) for (const input of inputs) sink += classifyStatus(input).score
  const start = process.cpuUsage()
  for (let k = 0; k < passes; k++) for (const input of inputs) sink += classifyStatus(input).score
  const used = process.cpuUsage(start)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.post('Profiler.start')
  for (let k = 0; k < passes; k++) for (const input of inputs) sink += classifyStatus(input).score
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile }
  session.disconnect()
  return { usPerStatus: (used.user + used.system) / passes / inputs.length, profile, statuses: inputs.length, checksum: Math.round(sink) % 1000 }
}
