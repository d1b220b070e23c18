/**
 * The Lua scripts of the Redis store. Every key is `<base>:…` where `<base>` is `{prefix}`: the hash
 * tag puts all of one store's keys in one Redis Cluster slot, which a script needs (it touches
 * keys it computes, all in the slot of `KEYS[1] = <base>`).
 *
 * Keys (W = the window in seconds; every key but the marks expires W after its last write):
 * - `<base>:seq`, `<base>:n`: status sequence, statuses remembered (counters, no expiry)
 * - `<base>:e:<seq>`: a status's text entry `author,time,flags,packedHex,id`
 * - `<base>:t:<table>:<key>`: LSH band (or exact-text) list of sequences, newest first, at most 16
 * - `<base>:s:<author>:<id>`: "seen" marker of a status id
 * - `<base>:ie:<seq>:<n>`: an image entry; `<base>:i:<cell>`: image cell list, at most 32
 * - `<base>:a:<author>`: sorted set of the accounts the author mentioned, scored by time
 * - `<base>:ms:…`, `<base>:ma:…`, `<base>:ims:…`, `<base>:ima:…`: spam / not-spam text and image
 *   marks under the same band and cell keys, at most 64 each, kept until overwritten;
 *   `<base>:aa`: authors marked not spam; `<base>:mseq`: mark sequence
 * - written by an import only: `<base>:msx`, `<base>:max`: spam / not-spam text marks of a
 *   snapshot (which keeps a mark's signature, not its band keys), read by every lookup while marks
 *   exist; `<base>:r<w>:<table>:<key>`: band lists of a snapshot whose keys are known only as
 *   `tag << 24 | bucket` for `2^w` buckets (an in-process export), with `<base>:rw` the set of such
 *   widths: a lookup also reads its band keys cut to each width (all expire with the window)
 */

/**
 * Looks up a status and (when ARGV[4] is 1) remembers it, in one call. Returns
 * `{ seen, mentioned, allowedAuthor, texts, images, spamTexts, allowTexts, spamImages, allowImages }`
 * as nested arrays (images and image marks: one array per image).
 *
 * ARGV: base, W, time, remember, textEntry, author, acct, id, n, text keys…, m, (imageEntry — '' for an
 * image only checked against marks —, n, probe keys… — the first probe is the image's own cell) × m,
 * k, mentions…
 */
export const LOOKUP_SCRIPT = `
local base = ARGV[1]
local W = tonumber(ARGV[2])
local t = tonumber(ARGV[3])
local remember = ARGV[4] == '1'
local entry = ARGV[5]
local author = ARGV[6]
local acct = ARGV[7]
local id = ARGV[8]
local i = 9
local tkeys = {}
for k = 1, tonumber(ARGV[i]) do tkeys[k] = ARGV[i + k] end
i = i + #tkeys + 1
local images = {}
for k = 1, tonumber(ARGV[i]) do
  local img = { entry = ARGV[i + 1], probes = {} }
  local n = tonumber(ARGV[i + 2])
  for q = 1, n do img.probes[q] = ARGV[i + 2 + q] end
  images[k] = img
  i = i + 2 + n
end
i = i + 1
local mentions = {}
for k = 1, tonumber(ARGV[i]) do mentions[k] = ARGV[i + k] end

local function fetch(listKeys, depth, prefix)
  local seen, keys = {}, {}
  for _, key in ipairs(listKeys) do
    for _, s in ipairs(redis.call('LRANGE', key, 0, depth - 1)) do
      if not seen[s] then
        seen[s] = true
        keys[#keys + 1] = prefix .. s
      end
    end
  end
  local out = {}
  if #keys > 0 then
    for _, v in ipairs(redis.call('MGET', unpack(keys))) do
      if v then out[#out + 1] = v end
    end
  end
  return out
end

-- No mark was ever made: skip every mark list (most stores, most of the time).
local anyMarks = redis.call('EXISTS', base .. ':mseq') == 1
local function marks(kind, keys)
  local out = {}
  if not anyMarks then return out end
  for _, key in ipairs(keys) do
    for _, v in ipairs(redis.call('LRANGE', base .. kind .. key, 0, -1)) do out[#out + 1] = v end
  end
  return out
end

local bandKeys = {}
for k, key in ipairs(tkeys) do bandKeys[k] = base .. ':t:' .. key end
-- Band lists of an imported in-process snapshot: the same keys cut to its bucket width.
local lookKeys = bandKeys
local widths = redis.call('SMEMBERS', base .. ':rw')
if #widths > 0 then
  lookKeys = {}
  for k, key in ipairs(bandKeys) do lookKeys[k] = key end
  for _, w in ipairs(widths) do
    local span = 2 ^ tonumber(w)
    for _, key in ipairs(tkeys) do
      local tbl, num = string.match(key, '^(%d+):(%d+)$')
      if tbl then
        local k = tonumber(num)
        lookKeys[#lookKeys + 1] = base .. ':r' .. w .. ':' .. tbl .. ':' .. string.format('%d', k - (k % 16777216) + (k % span))
      end
    end
  end
end
local texts = {}
if entry ~= '' then texts = fetch(lookKeys, 16, base .. ':e:') end
local imageFound, spamImages, allowImages = {}, {}, {}
for k, img in ipairs(images) do
  local cells = {}
  for q, probe in ipairs(img.probes) do cells[q] = base .. ':i:' .. probe end
  if img.entry ~= '' then imageFound[k] = fetch(cells, 32, base .. ':ie:') else imageFound[k] = {} end
  spamImages[k] = marks(':ims:', img.probes)
  allowImages[k] = marks(':ima:', img.probes)
end
local spamTexts, allowTexts = {}, {}
if entry ~= '' then
  spamTexts = marks(':ms:', tkeys)
  allowTexts = marks(':ma:', tkeys)
  if anyMarks then
    for _, v in ipairs(redis.call('LRANGE', base .. ':msx', 0, -1)) do spamTexts[#spamTexts + 1] = v end
    for _, v in ipairs(redis.call('LRANGE', base .. ':max', 0, -1)) do allowTexts[#allowTexts + 1] = v end
  end
end
local allowed = 0
if anyMarks then allowed = redis.call('SISMEMBER', base .. ':aa', acct) end

local seen = 0
if id ~= '' and (entry ~= '' or #tkeys > 0) then
  local seenKey = base .. ':s:' .. author .. ':' .. id
  if remember then
    if not redis.call('SET', seenKey, '1', 'NX', 'EX', W) then seen = 1 end
  else
    seen = redis.call('EXISTS', seenKey)
  end
end

local mentionKey = base .. ':a:' .. author
local mentioned
if remember and seen == 0 and #mentions > 0 then
  for _, m in ipairs(mentions) do redis.call('ZADD', mentionKey, 'GT', t, m) end
  redis.call('ZREMRANGEBYSCORE', mentionKey, '-inf', '(' .. (t - W))
  redis.call('EXPIRE', mentionKey, W)
  mentioned = redis.call('ZCOUNT', mentionKey, t - W, t + W)
else
  mentioned = redis.call('ZCOUNT', mentionKey, t - W, t + W)
  for _, m in ipairs(mentions) do
    local score = redis.call('ZSCORE', mentionKey, m)
    if not score or math.abs(tonumber(score) - t) > W then mentioned = mentioned + 1 end
  end
end

if remember and seen == 0 then
  local seq = redis.call('INCR', base .. ':seq')
  if entry ~= '' then
    redis.call('SET', base .. ':e:' .. seq, entry, 'EX', W)
    for _, key in ipairs(bandKeys) do
      redis.call('LPUSH', key, seq)
      redis.call('LTRIM', key, 0, 15)
      redis.call('EXPIRE', key, W)
    end
  end
  for k, img in ipairs(images) do
    if img.entry ~= '' then
      local member = seq .. ':' .. k
      redis.call('SET', base .. ':ie:' .. member, img.entry, 'EX', W)
      local cell = base .. ':i:' .. img.probes[1]
      redis.call('LPUSH', cell, member)
      redis.call('LTRIM', cell, 0, 31)
      redis.call('EXPIRE', cell, W)
    end
  end
  redis.call('INCR', base .. ':n')
end
return { seen, mentioned, allowed, texts, imageFound, spamTexts, allowTexts, spamImages, allowImages }
`

/**
 * Records a mark. ARGV: base, spam (1) or not spam (0), acct, textMark ('' for none), n, text
 * keys…, m, (fingerprintHex, homeCell) × m. A not-spam mark also lists the author.
 */
export const MARK_SCRIPT = `
local base = ARGV[1]
local spam = ARGV[2] == '1'
local acct = ARGV[3]
local textMark = ARGV[4]
local seq = redis.call('INCR', base .. ':mseq')
local i = 5
local n = tonumber(ARGV[i])
if textMark ~= '' then
  for k = 1, n do
    local key = base .. (spam and ':ms:' or ':ma:') .. ARGV[i + k]
    redis.call('LPUSH', key, seq .. ',' .. textMark)
    redis.call('LTRIM', key, 0, 63)
  end
end
i = i + n + 1
for k = 1, tonumber(ARGV[i]) do
  local key = base .. (spam and ':ims:' or ':ima:') .. ARGV[i + 2 * k]
  redis.call('LPUSH', key, seq .. ',' .. ARGV[i + 2 * k - 1])
  redis.call('LTRIM', key, 0, 63)
end
if not spam and acct ~= '' then redis.call('SADD', base .. ':aa', acct) end
return seq
`

/**
 * Imports a batch of snapshot statuses. ARGV: base, W, width (`''`: whole keys under `:t:`, else
 * the bucket width of cut keys, filed under `:r<width>:`), count, then per status: text entry
 * (`''` for none), seen suffix `author:id` (`''` for none), n, keys `table:key` × n. Returns the
 * sequences given, in order.
 */
export const IMPORT_STATUSES_SCRIPT = `
local base = ARGV[1]
local W = tonumber(ARGV[2])
local width = ARGV[3]
local listBase = base .. ':t:'
if width ~= '' then
  listBase = base .. ':r' .. width .. ':'
  redis.call('SADD', base .. ':rw', width)
  redis.call('EXPIRE', base .. ':rw', W)
end
local i = 5
local seqs = {}
for s = 1, tonumber(ARGV[4]) do
  local entry, seen, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local seq = redis.call('INCR', base .. ':seq')
  seqs[s] = seq
  if entry ~= '' then
    redis.call('SET', base .. ':e:' .. seq, entry, 'EX', W)
    for k = 1, n do
      local key = listBase .. ARGV[i + 2 + k]
      redis.call('LPUSH', key, seq)
      redis.call('LTRIM', key, 0, 15)
      redis.call('EXPIRE', key, W)
    end
  end
  if seen ~= '' then redis.call('SET', base .. ':s:' .. seen, '1', 'EX', W) end
  redis.call('INCR', base .. ':n')
  i = i + 3 + n
end
return seqs
`

/** Imports a batch of snapshot images. ARGV: base, W, count, then (member, image entry, home cell) × count. */
export const IMPORT_IMAGES_SCRIPT = `
local base = ARGV[1]
local W = tonumber(ARGV[2])
for k = 1, tonumber(ARGV[3]) do
  local member, entry, cell = ARGV[1 + 3 * k], ARGV[2 + 3 * k], base .. ':i:' .. ARGV[3 + 3 * k]
  redis.call('SET', base .. ':ie:' .. member, entry, 'EX', W)
  redis.call('LPUSH', cell, member)
  redis.call('LTRIM', cell, 0, 31)
  redis.call('EXPIRE', cell, W)
end
return 1
`

/**
 * Imports a snapshot's marks, oldest first. ARGV: base, most text marks kept, count, then
 * (type, value, cell) × count: type `ms`/`ma` (value `kind,packedHex`, to the unkeyed lists),
 * `ims`/`ima` (value fingerprintHex, under the cell), `aa` (value an acct).
 */
export const IMPORT_MARKS_SCRIPT = `
local base = ARGV[1]
local most = tonumber(ARGV[2])
for k = 1, tonumber(ARGV[3]) do
  local kind, value, cell = ARGV[1 + 3 * k], ARGV[2 + 3 * k], ARGV[3 + 3 * k]
  local seq = redis.call('INCR', base .. ':mseq')
  if kind == 'aa' then
    redis.call('SADD', base .. ':aa', value)
  else
    if kind == 'ms' or kind == 'ma' then
      local key = base .. ':' .. kind .. 'x'
      redis.call('LPUSH', key, seq .. ',' .. value)
      redis.call('LTRIM', key, 0, most - 1)
    else
      local key = base .. ':' .. kind .. ':' .. cell
      redis.call('LPUSH', key, seq .. ',' .. value)
      redis.call('LTRIM', key, 0, 63)
    end
  end
end
return 1
`

/** Reads whole lists (an export). ARGV: the list keys (all under the store's hash tag). */
export const READ_LISTS_SCRIPT = `
local out = {}
for k, key in ipairs(ARGV) do out[k] = redis.call('LRANGE', key, 0, -1) end
return out
`
