import type { Signal } from '../signal.js'

/**
 * The account declares itself automated (`bot: true`).
 *
 * **Catches:** automated mention blasts from honest bots gone wrong.
 *
 * **Does not catch / false-positive risk:** most bots are welcome (news feeds, the templated bots in
 * the evaluation ham); an author signal with a small weight, it counts only next to spam evidence.
 */
export const botAccount: Signal<'bot-account'> = {
  id: 'bot-account',
  group: 'author',
  evaluate(status) {
    if (!status.author.bot) return undefined
    return { strength: 1, params: { acct: status.author.acct }, evidence: [`@${status.author.acct}`] }
  },
}
