import { rulesOf } from '../rules/default-rules.js'
import { foldUsername } from '../rules/username-rule.js'
import type { Signal } from '../signal.js'

/**
 * The author's username matches an account name rule of the app's rules (`usernames`), the way
 * Mastodon 4.4's username blocks match sign-ups: the whole name (`equals`) or a part of it
 * (`contains`), in lower case with digits read as letters (`sp4mb0t` is `spambot`) and
 * look-alike letters folded.
 *
 * **Catches:** the names a wave reuses with numbers or letters swapped, once an admin lists them.
 *
 * **Does not catch / false-positive risk:** a `contains` rule of a common word matches innocent
 * names (`ass` in `bass`): rules need at least 2 letters, and the signal is an `author` signal,
 * so it counts only when the post itself looks like spam. Blocked names give strength 1, names
 * Mastodon would "allow with approval" (`blocked: false`) 0.5. Nothing fires without rules.
 */
export const usernameBlock: Signal<'username-block'> = {
  id: 'username-block',
  group: 'author',
  evaluate(status, context) {
    const rules = rulesOf(context).usernames
    if (rules === undefined || rules.length === 0 || status.author.username === '') return undefined
    const folded = foldUsername(status.author.username)
    let hit: (typeof rules)[number] | undefined
    for (const rule of rules) {
      const matches = rule.comparison === 'equals' ? folded === rule.folded : folded.includes(rule.folded)
      if (matches && (hit === undefined || (rule.blocked && !hit.blocked))) hit = rule
    }
    if (hit === undefined) return undefined
    return {
      strength: hit.blocked ? 1 : 0.5,
      params: { username: status.author.username, rule: hit.username, comparison: hit.comparison, blocked: hit.blocked },
      evidence: [`@${status.author.acct || status.author.username}`, hit.username],
    }
  },
}
