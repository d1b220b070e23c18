import type { Signal, SignalGroup } from '../signal.js'
import { authorRate, authorServer, bareProfile, botAccount, campaignDomain, credentialPhishing, discordInvite, impersonation, establishedAuthor, followedAuthor, imageDuplicate, knownSpamImage, knownSpamText, linkTextMismatch, lookalikeDomain, machineUsername, mentionDensity, nearDuplicate, newAccount, phraseList, phraseNear, unsolicitedMention, urlShortener, usernameBlock } from '../signals/index.js'
import type { BuiltinSignalId, Thresholds } from '../verdict.js'

/**
 * The only place default weights and thresholds live. A weight is the score a signal adds when it
 * fires at full strength; negative weights are signs of legitimacy. Changing any number here
 * changes verdicts: record it in CHANGELOG.md.
 */
export interface Preset {
  readonly thresholds: Thresholds
  readonly weights: Readonly<Record<string, number>>
  /** Most a group adds (or, for `trust`, removes) in total. */
  readonly groupCaps: Readonly<Record<SignalGroup, number>>
  /**
   * Author signals count only when the post's own signals (mentions, links, text, duplicates,
   * media) add at least this much.
   */
  readonly authorGate: number
}

export const RECOMMENDED_THRESHOLDS: Thresholds = { suspicious: 3, spam: 6 }

export const RECOMMENDED_WEIGHTS: { readonly [K in BuiltinSignalId]?: number } = {
  // Post signals
  'mention-density': 4,
  // A stranger mentions the viewer (viewer-relative; strength = the author's strangeness²): a
  // minutes-old bare account counts 2.5 and opens the author gate; a day-old person with a picture
  // 0.75, below the gate.
  'unsolicited-mention': 2.5,
  // Link and phrase signals. campaign-domain is blatant and fills the links cap (8) alone: spam
  // whoever posts it (trust signals do not count next to a blatant hit).
  'campaign-domain': 8,
  'discord-invite': 3.5,
  'lookalike-domain': 3,
  'link-text-mismatch': 2,
  'url-shortener': 1,
  'phrase-list': 4,
  // A listed phrase of 5+ words with one word changed (never blatant, and only when no phrase
  // matches whole): under the phrase weight, so alone it stays clean (2.5 < 3); a wave's sentence
  // with one word changed from a fresh account with a shortened link is spam (6.05), as the
  // sentence whole is (at 2 it stayed suspicious, 5.55).
  'phrase-near': 2.5,
  // Generic shapes of phishing. credential-phishing at full strength (action, threat, urgency,
  // account) with a look-alike link (3) is spam (8); a staff claim in the name adds 3 (2.1 outside
  // a direct message), capped with the other text signals at 6.
  'credential-phishing': 5,
  impersonation: 3,
  // Memory signals (createSpamFilter only). near-duplicate alone stays below suspicious unless its
  // copies come from new or bare accounts mentioning strangers; known spam (the user's marks, the
  // Feb 2024 images) is spam on its own and blatant.
  'near-duplicate': 3,
  'known-spam-text': 6,
  'image-duplicate': 2,
  'known-spam-image': 6,
  // Per-author rate (createSpamFilter only): many distinct strangers mentioned, or one text
  // repeated at strangers, within the memory's window. Shares the mentions cap with
  // mention-density; suspicious at full strength alone.
  'author-rate': 3,
  // Author signals (count only above the author gate)
  'new-account': 2,
  'bare-profile': 1.5,
  'machine-username': 1,
  'bot-account': 0.5,
  // Strength 0.25 on a plain server list (1 point), 1 on a blocked one (4 points)
  'author-server': 4,
  // Mastodon 4.4-style username rules: strength 1 for a blocked name (4 points), 0.5 for one
  // Mastodon would allow with approval (2 points); nothing fires without rules
  'username-block': 4,
  // Signs of legitimacy
  'established-author': -2.5,
  'followed-author': -4,
}

export const RECOMMENDED_PRESET: Preset = {
  thresholds: RECOMMENDED_THRESHOLDS,
  weights: RECOMMENDED_WEIGHTS,
  groupCaps: { mentions: 4, links: 8, text: 6, duplicates: 6, media: 8, author: 4, trust: 5 },
  authorGate: 1,
}

/**
 * The built-in signals, in evaluation order. Text read from images (OCR) needs no signal of its
 * own: it fills `imageTexts`, which the link and phrase signals scan.
 */
export const RECOMMENDED_SIGNALS: readonly Signal<BuiltinSignalId>[] = [
  mentionDensity,
  unsolicitedMention,
  campaignDomain,
  discordInvite,
  lookalikeDomain,
  linkTextMismatch,
  urlShortener,
  phraseList,
  phraseNear,
  credentialPhishing,
  impersonation,
  nearDuplicate,
  knownSpamText,
  imageDuplicate,
  knownSpamImage,
  authorRate,
  newAccount,
  bareProfile,
  machineUsername,
  botAccount,
  authorServer,
  usernameBlock,
  establishedAuthor,
  followedAuthor,
]
