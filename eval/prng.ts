/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same rebuilt statuses on
 * every run. The state lives in the returned closure, owned by the caller.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A random username like the February 2024 scripts made: 10 characters of `[a-z0-9]`, or of
 * `[a-zA-Z0-9]` when `mixedCase` (13 of the 182 documented handles were mixed case).
 *
 * @param random - a generator from `createRandom`
 * @param mixedCase - upper-case some letters
 * @returns the username
 */
export function randomUsername(random: () => number, mixedCase = false): string {
  let name = ''
  for (let i = 0; i < 10; i++) {
    const char = ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a'
    name += mixedCase && random() < 0.5 ? char.toUpperCase() : char
  }
  return name
}
