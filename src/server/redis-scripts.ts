/**
 * The Lua scripts of `redisStore`: each store call is ONE script, so that Redis runs it as one
 * atomic step whatever other processes do meanwhile. One hash per token (its `jti`):
 *
 *   exp       the token's expiry (ms); the hash also gets a TTL of the time left
 *   r:<key>   the key's record, JSON: { s: 'p' (in progress) | 'd' (done), f: fingerprint,
 *             z: size, a: attempt, l: lease end (ms) }, the last two while in progress
 *   d:<key>   the answer of a done key, JSON as the proxy gave it (never parsed here)
 *
 * Every script takes KEYS[1] = the hash, ARGV[1] = now (ms, the store's clock), ARGV[2] = the key.
 */

/** Shared by the scripts: the token's live records (expired token and run-out leases dropped). */
const LIVE_RECORDS = `
local hash, now, key = KEYS[1], tonumber(ARGV[1]), ARGV[2]
local function expired()
  local exp = tonumber(redis.call('HGET', hash, 'exp'))
  return exp ~= nil and exp <= now
end
local function held(record, attempt)
  return record ~= nil and record.s == 'p' and record.a == attempt and record.l > now
end
local function record_of(raw)
  if not raw then return nil end
  local record = cjson.decode(raw)
  if record.s == 'p' and record.l <= now then return nil end
  return record
end
`;

/**
 * reserve(ARGV[3] = the in-progress record, [4] = size, [5] = maxFiles, [6] = maxTotalSize or '',
 * [7] = expiresAt): { 'record', record, answer } | { 'full', limit } | { 'reserved' }.
 */
export const RESERVE = `${LIVE_RECORDS}
if expired() then redis.call('DEL', hash) end
local fields = redis.call('HGETALL', hash)
local count, bytes = 0, tonumber(ARGV[4])
for i = 1, #fields, 2 do
  local field = fields[i]
  if string.sub(field, 1, 2) == 'r:' then
    local record = record_of(fields[i + 1])
    if record == nil then
      redis.call('HDEL', hash, field)
    elseif field == 'r:' .. key then
      return { 'record', fields[i + 1], redis.call('HGET', hash, 'd:' .. key) or '' }
    else
      count = count + 1
      bytes = bytes + record.z
    end
  end
end
if count >= tonumber(ARGV[5]) then return { 'full', 'maxFiles' } end
if ARGV[6] ~= '' and bytes > tonumber(ARGV[6]) then return { 'full', 'maxTotalSize' } end
local expires_at = tonumber(ARGV[7])
redis.call('HSET', hash, 'r:' .. key, ARGV[3], 'exp', expires_at)
redis.call('PEXPIRE', hash, math.max(1, expires_at - now))
return { 'reserved' }
`;

/** get(): { record, answer } or nil. */
export const GET = `${LIVE_RECORDS}
if expired() then return nil end
local raw = redis.call('HGET', hash, 'r:' .. key)
if record_of(raw) == nil then return nil end
return { raw, redis.call('HGET', hash, 'd:' .. key) or '' }
`;

/** complete(ARGV[3] = attempt, [4] = the answer): the key becomes done, if the attempt still holds it. */
export const COMPLETE = `${LIVE_RECORDS}
if expired() then return 0 end
local record = record_of(redis.call('HGET', hash, 'r:' .. key))
if not held(record, ARGV[3]) then return 0 end
redis.call('HSET', hash, 'r:' .. key, cjson.encode({ s = 'd', f = record.f, z = record.z }), 'd:' .. key, ARGV[4])
return 1
`;

/** release(ARGV[3] = attempt): the key and its slot are free, if the attempt still holds them. */
export const RELEASE = `${LIVE_RECORDS}
if expired() then return 0 end
if not held(record_of(redis.call('HGET', hash, 'r:' .. key)), ARGV[3]) then return 0 end
redis.call('HDEL', hash, 'r:' .. key, 'd:' .. key)
return 1
`;
