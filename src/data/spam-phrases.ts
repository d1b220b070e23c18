/** A phrase rule of the default list. */
export interface SpamPhrase {
  /** The pattern, in the phrase syntax of `compilePhrase` (quotes keep words together). */
  readonly pattern: string
  /** Whether a match is blatant spam (not cleared by the viewer following the author). */
  readonly blatant: boolean
  /** The campaign, as reason messages name it. */
  readonly campaign: string
}

/**
 * Phrases of documented spam waves, matched on folded text with spacing ignored.
 *
 * Source: /work/shared/corpus/spam/spam-facts.md and spam-indicators.json, reviewed 2026-11-21:
 * perryflynn/fediscripts spamlist.yml (MIT), freeradical-dot-zone/spamhammer (CC0), chaossocial/meta
 * `BLOCK_STRINGS` (phrases quoted as facts, not the file), the Misskey cleanup tool of index id
 * 47305530960. License of this list: MIT.
 *
 * Group names (`荒らし共栄圏`, `한국괴물군`, `#鈴木哲哉`) are not blatant: people name the group
 * when they warn about it. The spam's own sentences are.
 *
 * Left out on purpose: `鈴木哲哉` without the `#` (a common enough name that news and replies
 * about the wave carry it), the "Odessa" political text (mention spam with opinions: the
 * mention signals judge it, a phrase list should not), and brand signatures alone ("Mastodon
 * Support Team" is paired with a verification word, since admins write that name too).
 */
export const SPAM_PHRASES: readonly SpamPhrase[] = [
  { pattern: '"画像が貼れなかったのでメンションだけします"', blatant: true, campaign: 'the February 2024 荒らし共栄圏 wave' },
  { pattern: '荒らし共栄圏', blatant: false, campaign: 'the February 2024 荒らし共栄圏 wave' },
  { pattern: '한국괴물군', blatant: false, campaign: 'the February 2024 荒らし共栄圏 wave' },
  { pattern: '#鈴木哲哉', blatant: false, campaign: 'the October 2024 Midokuri wave' },
  { pattern: '"my hobby is sending nukes to various sites"', blatant: true, campaign: 'the October 2024 Midokuri wave' },
  { pattern: '"action required: verify your mastodon account"', blatant: true, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: '"failure to verify will result in a locked account"', blatant: true, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: '"greetings from the mastodon moderation team"', blatant: true, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: '"your account has been suspended due to content violating new eu legislation"', blatant: true, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: '"🚨 automatic user notification 🚨"', blatant: true, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: 'verif* "mastodon support team"', blatant: false, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: 'verif* "mastodon safety team"', blatant: false, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: 'verif* "mastodon security"', blatant: false, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: 'verif* "mastodon user services"', blatant: false, campaign: 'the 2025 "Mastodon Support" phishing' },
  { pattern: '"btcturbominer made me $500 in 3 hours"', blatant: true, campaign: 'the BTCTurboMiner crypto spam' },
  { pattern: '"you can call me the fediverse chick"', blatant: true, campaign: 'the "Fediverse Chick" spam' },
  { pattern: '"grab your $300 discount on $1,000+ mattress purchases"', blatant: true, campaign: 'the Black Friday 2024 mattress spam' },
]
