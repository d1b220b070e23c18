/**
 * A local page reproducing the status markup of Mastodon's web UI (4.3: status.jsx,
 * display_name.tsx, relative_timestamp, the `#initial-state` JSON with `meta.access_token`), for
 * the browser extension's test. It is a copy of the markup's structure and class names only, with
 * a few colours so the screenshot reads like Mastodon's dark theme; no Mastodon code runs. Avatars
 * are blank (no request leaves 127.0.0.1). A script appends one more status after the first scan,
 * as a timeline does when new posts arrive.
 */

interface StatusJson {
  id: string
  url?: string | null
  uri: string
  created_at: string
  content: string
  language?: string | null
  account: { acct: string; display_name: string; url: string }
}

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')

/** One status as Mastodon 4.3's web UI renders it in a timeline. */
export function statusArticle(status: StatusJson, position: number, size: number): string {
  const name = status.account.display_name || status.account.acct.split('@')[0] || ''
  return `<article data-id="${escape(status.id)}" aria-posinset="${position}" aria-setsize="${size}">
<div tabindex="-1"><div class="status__wrapper status__wrapper-public focusable" tabindex="0" aria-label="${escape(name)}">
<div class="status status-public" data-id="${escape(status.id)}">
<div class="status__info">
<a href="${escape(status.url ?? status.uri)}" class="status__relative-time" target="_blank" rel="noopener noreferrer"><time datetime="${escape(status.created_at)}" title="${escape(status.created_at)}">1h</time></a>
<a href="${escape(status.account.url)}" title="@${escape(status.account.acct)}" class="status__display-name" target="_blank" rel="noopener noreferrer">
<div class="status__avatar"><div class="account__avatar" style="width: 46px; height: 46px;"></div></div>
<span class="display-name"><bdi><strong class="display-name__html">${escape(name)}</strong></bdi> <span class="display-name__account">@${escape(status.account.acct)}</span></span>
</a>
</div>
<div class="status__content status__content--with-action" tabindex="0"><div class="status__content__text status__content__text--visible translate" lang="${escape(status.language ?? 'en')}">${status.content}</div></div>
<div class="status__action-bar"><button type="button" class="status__action-bar__button icon-button" aria-label="Reply">↩</button> <button type="button" class="status__action-bar__button icon-button" aria-label="Boost">⇄</button> <button type="button" class="status__action-bar__button icon-button" aria-label="Favorite">★</button></div>
</div>
</div></div>
</article>`
}

const STYLE = `
body { margin: 0; background: #191b22; color: #fff; font: 15px/1.4 "Noto Sans", "Noto Sans CJK JP", sans-serif; }
.columns-area__panels__main { max-width: 600px; margin: 0 auto; background: #282c37; }
.column-header { padding: 15px; font-weight: 500; background: #313543; }
article { border-bottom: 1px solid #393f4f; }
.status { padding: 16px; }
.status__info { display: flex; flex-direction: row-reverse; justify-content: space-between; margin-bottom: 10px; }
.status__relative-time { color: #9baec8; font-size: 14px; text-decoration: none; }
.status__display-name { display: flex; gap: 10px; color: #9baec8; text-decoration: none; }
.account__avatar { background: #606984; border-radius: 8px; }
.display-name { display: flex; flex-direction: column; }
.display-name__html { color: #fff; }
.status__content a { color: #8c8dff; }
.status__content .invisible { font-size: 0; line-height: 0; display: inline-block; width: 0; height: 0; position: absolute; }
.status__content .ellipsis::after { content: "…"; }
.status__action-bar { display: flex; gap: 18px; margin-top: 10px; }
.icon-button { background: none; border: 0; color: #606984; font-size: 18px; }
.status__wrapper--filtered { color: #9baec8; text-align: center; font-size: 15px; }
.status__wrapper--filtered__button { display: inline; color: #8c8dff; border: 0; background: transparent; padding: 0; font-size: inherit; line-height: inherit; text-decoration: underline; cursor: pointer; }
`

/**
 * The page: a home column with the statuses, the session's initial state, and one status that
 * arrives after a moment.
 */
export function mastodonWebPage(options: { statuses: readonly StatusJson[]; later: StatusJson; token: string; me: { id: string; acct: string } }): string {
  const { statuses, later } = options
  const state = { meta: { access_token: options.token, me: options.me.id, locale: 'en', domain: '127.0.0.1' }, accounts: { [options.me.id]: { id: options.me.id, acct: options.me.acct } } }
  const articles = statuses.map((s, i) => statusArticle(s, i + 1, statuses.length + 1)).join('\n')
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Home - Mastodon (stand-in page)</title>
<script id="initial-state" type="application/json">${JSON.stringify(state).replace(/</gu, '\\u003c')}</script>
<style>${STYLE}</style>
</head>
<body class="app-body theme-default layout-single-column">
<div class="app-holder" id="mastodon"><div class="ui"><div class="columns-area__panels"><div class="columns-area__panels__main">
<div class="column" role="region" aria-label="Home"><div class="column-header"><h1>Home</h1></div>
<div class="scrollable" role="feed">
${articles}
</div></div>
</div></div></div></div>
<template id="later">${statusArticle(later, statuses.length + 1, statuses.length + 1)}</template>
<script>
  setTimeout(() => {
    const t = document.getElementById('later')
    document.querySelector('[role=feed]').append(t.content.cloneNode(true))
    document.body.dataset.later = 'true'
  }, 400)
</script>
</body>
</html>`
}
