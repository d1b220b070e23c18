/**
 * Digits read as the letters they stand for (`d1sc0rd` → `discord`).
 *
 * Source: Mastodon 4.4's username blocks, which compare names with the digits 1 2 3 4 5 7 8 9 0
 * read as i z e a s t b g o (the Mastodon changelog for 4.4, "username blocks"); written here
 * from that documented behaviour, 2026-12-07. License: MIT, like the package. `6` is left out as
 * Mastodon leaves it out (it reads as b or g).
 */
export const DIGIT_LETTERS: Readonly<Record<string, string>> = { '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '0': 'o' }
