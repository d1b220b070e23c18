import type { SignalContext } from '../signal.js'
import type { NormalizedStatus } from '../status/normalized-status.js'
import { statusTexts } from '../status/status-texts.js'
import type { Deobfuscated } from '../text/deobfuscate.js'
import { endsAtBoundary, type HostPatterns } from '../text/host-patterns.js'
import { findDiscordInvites, inviteHosts, invitesAmong, type DiscordInviteMatch, type TextHost } from './discord-invite.js'
import { findTextLinksIn } from './find-text-links.js'
import { readHostOf, readLinkHost, type LinkHost } from './host.js'

/** Where a link or invite was found. `image` is text read from an image (OCR, QR codes). */
export type LinkOrigin = 'content' | 'card' | 'text' | 'image'

/** A link of a status, with its host read. */
export interface FoundLink extends LinkHost {
  /** The URL: an anchor's `href`, the card URL, or the URL as written in text. */
  readonly url: string
  /** The visible text of an anchor (`''` for links found in text). */
  readonly text: string
  readonly origin: LinkOrigin
  /** The host as the de-obfuscation layer reads it (`skeleton(host)`): what block lists are matched against too. */
  readonly readHost: string
}

/** A Discord invite of a status. */
export interface FoundInvite extends DiscordInviteMatch {
  readonly origin: LinkOrigin
}

/** A blocked domain written in a status's text, however cut (`ctkpaarr .org`), found by the one matcher. */
export interface NamedHost {
  /** The domain as listed. */
  readonly host: string
  /** The list's value for it (the rules' `BlockSource`). */
  readonly blocked: unknown
  /** The text as written (`ctkpaarr .org`). */
  readonly match: string
  readonly origin: LinkOrigin
}

/** Every link and Discord invite a status carries, found once and shared by the link signals. */
export interface LinkScan {
  readonly links: readonly FoundLink[]
  readonly invites: readonly FoundInvite[]
  /** Blocked domains written in the texts, once each (absent in a scan made by other code). */
  readonly named?: readonly NamedHost[]
  /** The matcher that found `named` (a signal reads `named` only when its rules compiled this one). @internal */
  readonly namedBy?: HostPatterns<TextHost<unknown>>
}

const MAX_LINKS = 100

/**
 * Finds the links and Discord invites of a status: content anchors (hashtag and mention anchors
 * that point elsewhere too), the preview card, and, in the status's texts read once through the
 * de-obfuscation layer (`statusTexts`: content warning, visible text, poll options, media
 * descriptions and card texts joined, so a link split across them is seen), URLs and invites
 * however disguised; text read from images apart. A link found by its anchor is not added again
 * for its visible text.
 *
 * Invite hosts and blocked domains are found in each text in one scan of the one multi-pattern
 * matcher (`hosts`: the rules' `hostsInText`, or the invite hosts alone).
 *
 * @param status - a normalized status
 * @param hosts - the matcher of invite hosts and blocked domains (`createTextHosts`)
 * @returns the links, invites (at most 100 of each) and blocked domains named in text, duplicates removed
 */
export function scanLinks(status: NormalizedStatus, hosts: HostPatterns<TextHost<unknown>> = inviteHosts()): LinkScan {
  const links: FoundLink[] = []
  // The URLs added (made on the first link: most statuses have none).
  let seen: Set<string> | undefined
  const add = (url: string, text: string, origin: LinkOrigin, host: LinkHost | undefined = readLinkHost(url)): void => {
    if (links.length >= MAX_LINKS || seen?.has(url) === true) return
    ;(seen ??= new Set()).add(url)
    if (host !== undefined) links.push({ host: host.host, domain: host.domain, isIp: host.isIp, url, text, origin, readHost: readHostOf(host) })
  }
  for (const link of status.links) add(link.href, link.text, link.source === 'card' ? 'card' : link.source === 'text' ? 'text' : 'content')
  // Every text field through the layer, apart and then joined (a link split across the content
  // warning and the content, or across poll options, is found in the joined text).
  const texts = statusTexts(status)
  // The visible text holds the texts of the anchors too: a link already found by its href is
  // not added again for its text (`荒らし.com` shown for `https://荒らし.com/`).
  const anchorHosts = links.length === 0 ? undefined : new Set(links.map((link) => link.host))
  const addTextLinks = (view: Deobfuscated, origin: LinkOrigin): void => {
    if (view.text === '') return
    for (const link of findTextLinksIn(view)) {
      if (seen?.has(link.url) === true) continue
      const host = readLinkHost(link.url)
      if (host === undefined || (origin === 'text' && anchorHosts?.has(host.host) === true)) continue
      add(link.url, '', origin, host)
    }
  }
  addTextLinks(texts.joined, 'text')
  // Where fields meet, only what no field holds whole: a link that merely runs on into the next
  // field's first word (`…/ctkpaarr` + `Hello`) extends one found already and is left out.
  if (texts.boundaries.text !== '') {
    let readUrls: string[] | undefined
    for (const link of findTextLinksIn(texts.boundaries)) {
      readUrls ??= links.map((known) => known.url.toLowerCase())
      if (seen?.has(link.url) === true || readUrls.some((url) => link.read.startsWith(url) || url.startsWith(link.read))) continue
      const host = readLinkHost(link.url)
      if (host !== undefined && anchorHosts?.has(host.host) !== true) add(link.url, '', 'text', host)
    }
  }
  addTextLinks(texts.images, 'image')

  const invites: FoundInvite[] = []
  // The invites added, by host and code (made on the first invite).
  let codes: Set<string> | undefined
  const addInvites = (found: readonly DiscordInviteMatch[], origin: LinkOrigin): void => {
    for (const invite of found) {
      if (invites.length >= MAX_LINKS) return
      const key = `${invite.host}/${invite.code.toLowerCase()}`
      if (codes?.has(key) === true) continue
      ;(codes ??= new Set()).add(key)
      invites.push({ host: invite.host, code: invite.code, match: invite.match, origin })
    }
  }
  // Each text scanned once for invite hosts and blocked domains.
  const named: NamedHost[] = []
  let namedHosts: Set<string> | undefined
  const hostsIn = (view: Deobfuscated, origin: LinkOrigin): readonly DiscordInviteMatch[] => {
    if (view.text === '') return NO_INVITES
    const hits = hosts.find(view.text, { all: true, openEnd: true })
    if (hits.length === 0) return NO_INVITES
    for (const hit of hits) {
      if (hit.value.blocked === undefined || namedHosts?.has(hit.host) === true || named.length >= MAX_LINKS || !endsAtBoundary(view.text, hit.end)) continue
      ;(namedHosts ??= new Set()).add(hit.host)
      const span = view.span(hit.start, hit.end)
      named.push({ host: hit.host, blocked: hit.value.blocked, match: view.original.slice(span.start, span.end), origin })
    }
    return invitesAmong(view, hits)
  }
  for (const link of status.links) addInvites(findDiscordInvites(link.href), link.source === 'card' ? 'card' : 'content')
  addInvites(hostsIn(texts.joined, 'text'), 'text')
  const atBoundaries = hostsIn(texts.boundaries, 'text')
  if (atBoundaries.length > 0) {
    const found = invites.map((invite) => `${invite.host}/${invite.code.toLowerCase()}`)
    addInvites(
      atBoundaries.filter((invite) => {
        const key = `${invite.host}/${invite.code.toLowerCase()}`
        return !found.some((known) => key.startsWith(known) || known.startsWith(key))
      }),
      'text',
    )
  }
  addInvites(hostsIn(texts.images, 'image'), 'image')
  return { links, invites, named, namedBy: hosts }
}

const NO_INVITES: readonly DiscordInviteMatch[] = []

/**
 * The link scan of a status: the one the classifier made for this call when the context has
 * it, otherwise a fresh one.
 *
 * @param status - the status being classified
 * @param context - the signal context
 * @returns the links and invites
 */
export function linksOf(status: NormalizedStatus, context: SignalContext): LinkScan {
  return context.links?.() ?? scanLinks(status, context.rules?.hostsInText)
}
