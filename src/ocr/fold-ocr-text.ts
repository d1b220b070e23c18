// "discord" as OCR misreads it: d1scord, dlscord, disc0rd, discorcl, dïscord …
const DISCORD = /(?<![\p{L}\p{N}])[dD][iIl1!|íìï][sS5$][cC(][oO0°][rR](?:[dD]|cl|c1)(?![\p{L}\p{N}])/gu
// discord . gg / as OCR misreads the middle: "discord,99/", "discord.qq /", "discord. g9|", "discord.ggl/"
// (no invite host ends in l or 1 before the slash, so a stray stroke there is dropped).
const DISCORD_GG = /discord(?: ?[.,·•] ?| )[gGqQ9]{2}[lI1|]? ?[/|\\] ?/gu
// discord.com/invite/ and discordapp.com/invite/ with 0 for o and 1 or l for i.
const DISCORD_INVITE = /discord(app)? ?[.,] ?[cC][oO0][mM] ?[/|\\] ?[iIl1|][nN][vV][iIl1|][tT][eE] ?[/|\\]/gu

/**
 * Undoes the usual OCR misreadings of Discord links before the link matchers see them: "d1scord"
 * and "dlscord" become "discord", "99" and "qq" after "discord." become "gg", a slash read as
 * `|` or `\` becomes `/`, and a stray `l` read before it ("discord.ggl/") is dropped. The invite code itself is left as read (see `foldInviteCode` to compare
 * codes). Linear in the text's length.
 *
 * @param text - text recognized in an image
 * @returns the text with Discord links repaired
 * @example
 * foldOcrText('join d1scord,99/ctkpaarr') //=> 'join discord.gg/ctkpaarr'
 */
export function foldOcrText(text: string): string {
  return text
    .replace(DISCORD, 'discord')
    .replace(DISCORD_GG, 'discord.gg/')
    .replace(DISCORD_INVITE, (_match, app: string | undefined) => `discord${app ?? ''}.com/invite/`)
}

/**
 * Folds an invite code for comparison with a known code: OCR confuses l, I, 1 and | and also O
 * and 0, and case is not reliable in images. Use it on both sides of a comparison, never to
 * show a code.
 *
 * @param code - an invite code as read
 * @returns the code in lower case with l/I/1/| as `l` and O/0 as `o`
 * @example
 * foldInviteCode('ctkPaaRr') === foldInviteCode('ctkpaarr') //=> true
 */
export function foldInviteCode(code: string): string {
  return code.toLowerCase().replace(/[1i|]/gu, 'l').replace(/0/gu, 'o')
}
