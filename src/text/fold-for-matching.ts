import { skeleton } from './deobfuscate.js'

/**
 * Folds text for matching: the skeleton of the one de-obfuscation layer (`deobfuscate` in
 * src/text/deobfuscate.ts): NFKC and case folding, marks and format characters removed, letters
 * that imitate Latin letters (Cyrillic с, Greek ϲ, small capitals, negative squared letters, …)
 * as the letter they imitate, right-to-left overrides in reading order, percent-escapes and
 * Punycode decoded, spelled-out punctuation read, spaced letters joined. Kept as the name the
 * 0.1 API exported; since 0.2 it is `skeleton`, so every matcher folds the same way.
 *
 * @param text - any text
 * @returns the folded text
 * @example
 * foldForMatching('ｄіѕсоrd.gg/ABC') //=> 'discord.gg/abc'
 */
export function foldForMatching(text: string): string {
  return skeleton(text)
}
