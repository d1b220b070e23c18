/**
 * The lexicon of account-verification phishing: words of urgency, of a threat to the account,
 * of a requested action, and of the account itself, in English, Japanese, German, French and
 * Spanish; and the words of a warning about spam (a PSA quoting phishing is not phishing).
 *
 * Source: written by hand for this package, 2026-12-07 (MIT), from the wording of the 2025
 * "Mastodon Support" phishing texts (../shared/corpus/spam, CC0), the chaos.social
 * auto-moderator's BLOCK_STRINGS (read for the vocabulary, not copied), and the usual words of
 * account-security notices in each language. Cues are folded the way `matchableText` folds
 * (lower case, accents removed: `vérifier` → `verifier`, `gelöscht` → `geloscht`). Left out:
 * whole sentences (a scored lexicon generalises; the wave sentences live in spam-phrases.ts).
 *
 * Syntax: Latin cues are whole words or word sequences; a trailing `*` matches a word start.
 * Cues with kana or kanji are matched anywhere in the text with spaces removed.
 */

/** The parts of a phishing text, and what each adds to the signal's strength. */
export const PHISHING_PARTS = {
  action: 0.35,
  threat: 0.3,
  urgency: 0.2,
  account: 0.15,
} as const

export type PhishingPart = keyof typeof PHISHING_PARTS

export const PHISHING_CUES: Readonly<Record<PhishingPart, readonly string[]>> = {
  action: [
    // en
    'verif*', 'confirm your*', 'validate your', 'validation', 'log in', 'login', 'sign in', 'click the link', 'click below', 'click here', 'tap the link', 'follow the link', 'link below', 'reactivate', 'restore access', 'unlock your', 'secure your account', 'update your information', 'update your details', 'kyc', 'reapproval', 'authenticate',
    // ja
    '本人確認', '認証', 'ログイン', '確認してください', '確認をお願い', '手続きを', 'リンクから', '下記のリンク', 'こちらのリンク', '以下のリンク',
    // de
    'verifizier*', 'bestatig*', 'anmelden', 'einloggen', 'klicken sie', 'identitat',
    // fr
    'confirmez', 'confirmer', 'cliquez', 'connectez vous', 'identite',
    // es
    'confirme', 'confirmar', 'haga clic', 'haz clic', 'inicia sesion', 'iniciar sesion', 'identidad',
  ],
  threat: [
    // en
    'suspend*', 'locked', 'disabled', 'deactivat*', 'terminat*', 'permanent*', 'closure', 'deleted', 'deletion', 'restricted', 'restriction', 'frozen', 'freeze', 'banned', 'unusual activity', 'suspicious activity', 'unusual login', 'unusual sign in', 'unauthorized', 'violat*', 'unverified', 'not been verified', 'lose access', 'loss of access', 'lose your account', 'fines', 'prosecution', 'imprisonment', 'legal action',
    // ja
    '停止', '凍結', '削除され', '削除します', '制限', '不正', '異常な', '永久', 'ロックされ', '利用できなくな', '違反',
    // de
    'gesperrt', 'sperrung', 'geloscht', 'loschung', 'ungewohnlich*', 'deaktiviert', 'eingeschrankt', 'verstoss*', 'verstoß*',
    // fr
    'suspendu*', 'bloque', 'bloquee', 'supprime', 'supprimee', 'suppression', 'desactive*', 'inhabituel*', 'restreint*', 'fermeture',
    // es
    'suspendid*', 'bloquead*', 'eliminad*', 'cierre', 'inusual', 'desactivad*', 'restringid*',
  ],
  urgency: [
    // en
    'within 24 hours', 'within 48 hours', 'within 72 hours', '24 hours', '48 hours', '24h', '48h', 'immediately', 'urgent*', 'as soon as possible', 'time limit', 'right away', 'expire*', 'final notice', 'final warning', 'last warning', 'deadline', 'minutes', 'failure to',
    // ja
    '時間以内', '至急', '今すぐ', '直ちに', '早急', '期限', '緊急',
    // de
    'innerhalb von', 'sofort', 'umgehend', 'dringend', 'frist',
    // fr
    'dans les 24', 'sous 24', 'immediatement', 'delai',
    // es
    'dentro de', 'inmediatamente', 'plazo', 'en 24 horas',
  ],
  account: [
    // en
    'your account', 'your profile', 'your access', 'your identity', 'account', 'accounts',
    // ja
    'アカウント',
    // de
    'konto', 'kontos',
    // fr
    'compte',
    // es
    'cuenta',
  ],
}

/**
 * Words of a warning about spam: a moderator's PSA, a user quoting a wave to warn others. Left
 * out on purpose: "report" alone (phishing threatens "reporting to authorities") and "warning"
 * alone (phishing opens with "Warning:").
 */
export const WARNING_CUES: readonly string[] = [
  // en
  'scam*', 'phish*', 'fake', 'beware', 'do not click', "don't click", 'dont click', 'don t click', 'never click', 'report it', 'report them', 'report this', 'report these', 'report and block', 'block and report', 'please report', 'psa', 'be careful', 'spam', 'spammer*', 'spambot*', 'fraud*', 'heads up', 'watch out', 'will never ask',
  // ja
  '詐欺', 'フィッシング', '注意', '通報', 'ブロック', 'スパム', '偽物', '偽の', '踏まない', '踏まないで', 'クリックしない',
  // de
  'betrug*', 'nicht klicken', 'vorsicht', 'melden',
  // fr
  'arnaque*', 'hameconnage', 'ne cliquez pas', 'signalez', 'attention',
  // es
  'estafa*', 'fraude', 'no hagas clic', 'cuidado', 'denuncia*',
]
