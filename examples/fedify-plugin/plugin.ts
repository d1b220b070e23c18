/**
 * A spam filter for the inbox of a Fedify server (https://fedify.dev): classifies every incoming
 * `Create(Note)` with `fromActivityPub` and one filter shared by the whole server, then accepts,
 * flags or rejects it.
 *
 *   federation.setInboxListeners('/users/{identifier}/inbox', '/inbox')
 *     .on(Create, spamFilterOnCreate({ filter, onDecision: store }))
 *
 * The filter is the server's: with several worker processes, give them one Redis store
 * (`createSpamFilter({ memory: createRedisStore({ url }) })` from `mastodon-spam-filter/redis`) so a
 * copy wave split across them is still one wave. The actor is fetched (Fedify caches it) so the
 * author signals see the account's age and profile.
 */
import type { InboxContext } from '@fedify/fedify'
import { Note, type Create } from '@fedify/fedify/vocab'
import { fromActivityPub, type AsyncSpamFilter, type SpamFilter, type Verdict } from 'mastodon-spam-filter'

/** What the server does with a note: keep it, keep it behind a warning for moderators, or drop it. */
export type SpamAction = 'accept' | 'flag' | 'reject'

/** One decision of the plugin. */
export interface SpamDecision {
  readonly action: SpamAction
  readonly verdict: Verdict
  /** The note as received. */
  readonly note: Note
  /** The Create activity that carried it. */
  readonly create: Create
}

export interface SpamFilterPluginOptions {
  /** The server's filter (`createSpamFilter`), shared by every inbox. */
  readonly filter: SpamFilter | AsyncSpamFilter
  /** What to do per label. @default { spam: 'reject', suspicious: 'flag', clean: 'accept' } */
  readonly actions?: Readonly<Record<Verdict['label'], SpamAction>>
  /** Called with every decision: store accepted notes, queue flagged ones for moderators, log rejected ones. */
  readonly onDecision: (decision: SpamDecision) => void | Promise<void>
}

const DEFAULT_ACTIONS: Readonly<Record<Verdict['label'], SpamAction>> = { spam: 'reject', suspicious: 'flag', clean: 'accept' }

/**
 * The inbox listener for `Create` activities.
 *
 * @param options - the filter, the actions per label and the decision callback
 * @returns a listener for `.on(Create, …)`
 */
export function spamFilterOnCreate<TContextData>(options: SpamFilterPluginOptions): (ctx: InboxContext<TContextData>, create: Create) => Promise<void> {
  const actions = options.actions ?? DEFAULT_ACTIONS
  return async (ctx, create) => {
    const object = await create.getObject({ documentLoader: ctx.documentLoader })
    if (!(object instanceof Note)) return
    const actor = await create.getActor({ documentLoader: ctx.documentLoader })
    const note = (await object.toJsonLd({ format: 'compact' })) as Record<string, unknown>
    const author = actor === null ? undefined : await actor.toJsonLd({ format: 'compact' })
    // The library reads the actor's profile from an embedded attributedTo.
    const status = fromActivityPub({ ...note, attributedTo: author ?? note['attributedTo'] })
    const verdict = await options.filter.classifyAsync(status)
    await options.onDecision({ action: actions[verdict.label], verdict, note: object, create })
  }
}
