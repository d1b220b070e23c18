/**
 * Words of a display name or username that claims to speak for a platform: the brands phishing
 * impersonates, and the words of staff and official teams, in English, Japanese, German, French
 * and Spanish.
 *
 * Source: written by hand for this package, 2026-12-07 (MIT), from the display names of the 2025
 * "Mastodon Support" phishing ("Mastodon Support Team", "Mastodon Safety Team", "Mastodon
 * Security", "Mastodon User Services": ../shared/corpus/spam/spam-indicators.json), Discord
 * "Nitro" gift scams, and the words staff accounts use. Folded as `matchableName` folds (lower
 * case, accents and leet digits folded, everything but letters removed before matching).
 * Left out: "admin" or "official" with no brand (every small server's admin says so).
 */

/** Brands whose staff phishing claims to be. */
export const IMPERSONATED_BRANDS: readonly string[] = ['mastodon', 'misskey', 'fediverse', 'fedi', 'pleroma', 'akkoma', 'pixelfed', 'discord', 'nitro', 'bluesky', 'joinmastodon']

/** Staff words that, next to a brand, make a claim ("Mastodon Support", "Discord Moderator"). */
export const STAFF_WORDS: readonly string[] = [
  // en
  'support', 'safety', 'security', 'admin', 'moderator', 'moderation', 'official', 'staff', 'team', 'service', 'helpdesk', 'verification', 'notification', 'trust', 'gift', 'giveaway',
  // ja
  '運営', '公式', '管理者', '管理人', 'サポート', '事務局', 'モデレーター', 'セキュリティ',
  // de
  'sicherheit', 'kundendienst', 'offiziell',
  // fr
  'equipe', 'officiel', 'securite', 'assistance',
  // es
  'soporte', 'equipo', 'oficial', 'seguridad',
]

/** Claims of a staff team with no brand ("Support Team", "Trust & Safety", "運営事務局"). */
export const TEAM_CLAIMS: readonly string[] = [
  'supportteam', 'safetyteam', 'securityteam', 'moderationteam', 'verificationteam', 'trustandsafety', 'trustsafety', 'supportcenter', 'helpcenter', 'userservices', 'accountservices',
  '運営', '運営事務局', 'サポートチーム', '公式サポート',
  'sicherheitsteam', 'supportteam',
  'equipedesupport', 'equipedesecurite',
  'equipodesoporte', 'equipodeseguridad',
]
