/**
 * Self time per function (V8's sampling profiler) of a build's `dist/` classifying the mixed set
 * of `bench/classify.ts`, optionally only inside one stage (a function name on the stack): where
 * the time of a stage of `bench/profile-stages.ts` goes.
 *
 * Usage: npm run build && npx tsx bench/profile-functions.ts <package root with dist/> [--within scanLinks] [--without statusTexts] [--children] [--callers dispatch] [--passes N] [--top N]
 * (--callers NAME: the self time of the functions named NAME, by the nearest caller on their stack that is in `dist/`)
 */
import { profileMixedSet, type ProfileNode } from './helpers/profile-mixed-set.js'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const passes = Number(option('--passes') ?? 300)
const top = Number(option('--top') ?? 40)
const within = option('--within')
const without = option('--without')
// With --children: each sample goes to the function `within` called (the child of `within` on its stack).
const byChild = args.includes('--children')
const callersOf = option('--callers')
const root = args[0] ?? new URL('..', import.meta.url).pathname
const { usPerStatus, profile, checksum } = await profileMixedSet(root, passes, 250)
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const keyOf = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`
const totals = new Map<string, number>()
let all = 0
let inside = 0
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0
  const leaf = byId.get(profile.samples[i]!)!
  let key = ''
  if (leaf.callFrame.functionName === '(idle)' || leaf.callFrame.functionName === '(program)') continue
  all += dt
  if (within !== undefined) {
    let found = false
    let excluded = false
    let below: ProfileNode = leaf
    for (let at: number | undefined = leaf.id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName
      if (name === within && !found) {
        found = true
        if (byChild) key = below === byId.get(at) ? '(self)' : keyOf(below)
      }
      if (!found) below = byId.get(at)!
      // Only what `without` calls below `within` is left out.
      if (name === without && !found) excluded = true
    }
    if (!found || excluded) continue
  }
  inside += dt
  if (!byChild || within === undefined) key = keyOf(leaf)
  if (callersOf !== undefined) {
    if (leaf.callFrame.functionName !== callersOf) continue
    let at = parent.get(leaf.id)
    while (at !== undefined && !byId.get(at)!.callFrame.url.includes('/dist/')) at = parent.get(at)
    key = at === undefined ? '(no caller in dist/)' : keyOf(byId.get(at)!)
  }
  totals.set(key, (totals.get(key) ?? 0) + dt)
}
console.log(`${root}: ${usPerStatus.toFixed(2)} µs CPU a status; ${within ?? 'all'}: ${((inside / all) * usPerStatus).toFixed(2)} µs (checksum ${checksum})`)
for (const [key, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((t / all) * usPerStatus).toFixed(2).padStart(7)} µs  ${key}`)
