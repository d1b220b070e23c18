/**
 * Letters that look like ASCII letters, mapped to the ASCII letter they imitate.
 *
 * Source: a hand-picked subset of Unicode's confusables data (UTS #39,
 * https://www.unicode.org/Public/security/latest/confusables.txt, "MA" table), reviewed
 * 2026-11-21. Only single code points whose prototype is one ASCII lowercase letter or digit
 * are kept, from the scripts spammers use in Latin-looking hosts: Cyrillic, Greek, Armenian,
 * Cherokee-free Latin extensions and IPA. Left out on purpose: anything that NFKC already maps
 * (fullwidth forms, mathematical alphanumerics, circled letters), CJK and kana (folding them
 * would break Japanese text), and punctuation (the link reader handles dots and slashes).
 * Upper-case forms are covered because matching lowercases first.
 */
export const CONFUSABLE_TO_ASCII: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k',
  ӏ: 'l', м: 'm', п: 'n', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't', ц: 'u', ѵ: 'v', ԝ: 'w',
  х: 'x', у: 'y', ү: 'y', з: '3', б: '6',
  // Greek
  α: 'a', β: 'b', ϲ: 'c', δ: 'd', ε: 'e', ɡ: 'g', η: 'n', ι: 'i', ϳ: 'j', κ: 'k', ν: 'v',
  ο: 'o', ρ: 'p', ϱ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ζ: 'z', ω: 'w',
  // Armenian
  ա: 'w', հ: 'h', ո: 'n', ս: 'u', օ: 'o', ց: 'g', ք: 'p', զ: 'q',
  // Latin extensions and IPA
  ı: 'i', ȷ: 'j', ɑ: 'a', ɩ: 'i', ɪ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ʏ: 'y', ᴅ: 'd', ᴇ: 'e',
  ᴋ: 'k', ᴍ: 'm', ᴏ: 'o', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ƅ: 'b', ɗ: 'd',
  ℓ: 'l',
}
