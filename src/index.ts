/**
 * `mastodon-spam-filter`: flag potential spam in Mastodon and fediverse statuses on the device,
 * and say why. The root export is the public API (semver); building blocks are in
 * `mastodon-spam-filter/internals` (no semver promise), OCR in `mastodon-spam-filter/ocr`.
 *
 * @packageDocumentation
 */

// Classifying
export { classifyStatus } from './classify.js'
export { createSpamFilter } from './filter.js'
export type { AsyncSpamFilter, SpamFilter, SpamFilterOptions } from './filter.js'
export type { AllowOptions, ClassifyContext, ClassifyOptions, FollowsOption, ViewerOption, WeightsOption } from './options.js'
export type { AsyncClassifyContext, FilterOcrOptions, OcrMode } from './ocr/classify-with-images.js'
export type { AsyncSpamFilterMemory, FilterMemoryOptions, SpamFilterMemory } from './filter-memory.js'

// Memory stores (shared by several filters; mastodon-spam-filter/redis shares one across processes)
export { createMemoryStore } from './history/recent-statuses.js'
export type { InProcessMemoryStore } from './history/recent-statuses.js'
export { MemoryUnavailableError } from './history/memory-store.js'
export type { AsyncMemoryStore, AuthorActivity, MemoryLookup, MemoryRecord, MemoryStore, StoreMethods, SyncMemoryStore } from './history/memory-store.js'
export type { ResolvedMemoryOptions } from './history/memory-options.js'
export type { MemoryOptions } from './history/memory-options.js'
export type { ReadLimits } from './status/read-status.js'
export type { BuiltinSignalId, QuoteState, QuoteVerdict, Reason, SignalId, Skipped, Thresholds, Verdict, VerdictLabel } from './verdict.js'

// Errors (recognisable across the ESM and CommonJS builds)
export { SpamFilterConfigError } from './errors.js'
export { SpamFilterMemoryError } from './history/memory-error.js'

// Inputs
export { detectInput } from './status/detect-input.js'
export type { DetectedInput, DetectInputOptions, InputFormat, InputShape } from './status/detect-input.js'
export { fromMasto } from './status/from-masto.js'
export type { MastoAccountLike, MastoNotificationLike, MastoStatusLike } from './status/from-masto.js'
export { fromActivityPub } from './status/from-activitypub.js'
export type { ActivityPubObjectLike } from './status/from-activitypub.js'
export { fromMisskey } from './status/from-misskey.js'
export type { FromMisskeyOptions, MisskeyFileLike, MisskeyNoteLike, MisskeyUserLike } from './status/from-misskey.js'
export type { AccountInput, ClassifiableInput, MediaAttachmentInput, MentionInput, NotificationInput, PollInput, PreviewCardInput, QuoteInput, RefuseCamelCase, CamelCaseStatusKey, StatusInput, TagInput } from './status/status-input.js'

// Outputs and messages
export { toFilterResult } from './filter-result.js'
export type { FilterAction, FilterContext, FilterResult, FilterResultOptions, MastoFilterResult } from './filter-result.js'
export { MESSAGES, renderMessage } from './messages/render.js'
export type { AllowKind, Found, WarningParams, StrangerTrait, BareProfileTrait, BuiltinMessages, BuiltinReasonParams, Locale, LookalikeKind, MessageCatalog, MessageFunction, ReasonParam, ReasonParams } from './messages/types.js'

// Rules and shared lists
export { parseRules, validateRules } from './rules/validate-rules.js'
export { parseServerList } from './rules/server-list.js'
export type { IgnoredServerEntry, ParsedServerList, ParseServerListOptions, ServerListFormat } from './rules/server-list.js'
export type { PhraseRule, RulesDocument, RulesProblem, ServerList, UsernameRule } from './rules/rules-document.js'
export type { BlockSource, ResolvedRules, RulesOption } from './rules/resolve-rules.js'

// Presets and custom signals
export { RECOMMENDED_PRESET, RECOMMENDED_SIGNALS } from './presets/recommended.js'
export type { Preset } from './presets/recommended.js'
export type { Signal, SignalContext, SignalGroup, SignalHit, ViewerContext } from './signal.js'
export type { NormalizedStatus, StatusAuthor, StatusLink, StatusMedia, StatusMention } from './status/normalized-status.js'
export type { FoundInvite, FoundLink, LinkOrigin, LinkScan, NamedHost } from './links/status-links.js'
export type { DomainSet } from './links/domain-set.js'
export type { CompiledPhrase, NearPhrase, PhraseMatcher, PhraseScan, WordChange } from './rules/phrase-pattern.js'
export type { FoundPattern, MultiPatternMatcher } from './text/multi-pattern.js'
export type { CompiledUsernameRule } from './rules/username-rule.js'
export type { StatusMemory } from './signal.js'
export type { CopyMatch } from './history/memory-store.js'

// Copy waves beside a filter (caller-owned tracker)
export { createCopyWaves, watchCopyWaves } from './signals/index.js'
export type { CopyWaveOptions, CopyWaves, WaveReport, WaveStatus } from './signals/index.js'
export type { ClassifyingFilter } from './signals/copy-waves.js'

// Push notifications: decide before a push is shown
export { classifyPush, createPushClassifier } from './push/classify-push.js'
export type { PushAbortSignal, PushClassifier, PushClassifyContext, PushClassifyOptions, PushFetch, PushFetchInit, PushFetchResponse, PushFetchSignal, PushVerdict } from './push/classify-push.js'
export { readPushPayload } from './push/push-payload.js'
export type { MastodonPushPayload, MisskeyNotificationLike, MisskeyPushPayload, PushPayload, ReadMastodonPush, ReadMisskeyPush } from './push/push-payload.js'
