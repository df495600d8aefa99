// Lua runs atomically on the server, so each compare-and-act below is one round trip that no peer
// can interleave. Every script touches only keys sharing one hash tag, as Redis Cluster requires;
// the pub/sub channel of a token is its key name (channels are not keys and need no slot).

/** Value and remaining lifetime (PTTL, Redis's clock) at once; a foreign type reads as empty. */
export const READ = `if redis.call('type',KEYS[1]).ok~='string' then return {} end
return {redis.call('get',KEYS[1]),redis.call('pttl',KEYS[1])}`;

/** Stores the value (expiring after ARGV[2] ms unless it is 0) and wakes the waiters. */
export const WRITE = `if ARGV[2]=='0' then redis.call('set',KEYS[1],ARGV[1])
else redis.call('set',KEYS[1],ARGV[1],'px',ARGV[2]) end
redis.call('publish',KEYS[1],'')`;

/** Deletes the token, when ARGV[1] is given only if the value starts with that fingerprint. */
export const DROP = `if ARGV[1]=='' or (redis.call('type',KEYS[1]).ok=='string' and
redis.call('getrange',KEYS[1],0,#ARGV[1]-1)==ARGV[1]) then
redis.call('del',KEYS[1]) redis.call('publish',KEYS[1],'') end`;

/**
 * For the lease KEYS[1] held by owner ARGV[1]: renews it to ARGV[2] ms, or with ARGV[2] empty
 * releases it and wakes the waiters on channel KEYS[2]. 0 when the owner no longer holds it.
 */
export const LEASE = `if redis.call('get',KEYS[1])~=ARGV[1] then return 0 end
if ARGV[2]~='' then return redis.call('pexpire',KEYS[1],ARGV[2]) end
redis.call('del',KEYS[1]) redis.call('publish',KEYS[2],'') return 1`;
