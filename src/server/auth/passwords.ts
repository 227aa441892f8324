/**
 * Password hashing with Node's built-in scrypt (memory-hard; no native add-on or binary download).
 * Parameters follow OWASP's password storage guidance for scrypt (N = 2^17, r = 8, p = 1) and are
 * stored with each hash, so raising them later leaves existing hashes verifiable:
 * `scrypt$N$r$p$salt$hash` with salt and hash in base64.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** OWASP's scrypt parameters: the cost of every new hash outside tests. */
export const DEFAULT_SCRYPT_COST = 2 ** 17;
let newHashCost = DEFAULT_SCRYPT_COST;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 64;
const SALT_BYTES = 16;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below what N = 2^17 takes. */
const maxmemFor = (cost: number, blockSize: number) => 128 * cost * blockSize * 2;

function derive(password: string, salt: Buffer, options: ScryptOptions, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, bytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Lowers the cost of new hashes for the server's unit tests only. They create and log in hundreds of
 * users, and each hash at the OWASP cost takes 0.5–3 s of CPU on the CI machine; the algorithm, the
 * stored format and the verification (which reads the cost from each hash) stay the same. No setting
 * or environment variable of the server reaches this: production hashes always use the default.
 */
export function setScryptCostForTests(cost: number): void {
  if (!Number.isInteger(Math.log2(cost)) || cost < 2 ** 10)
    throw new Error(`scrypt cost must be a power of 2 ≥ 1024`);
  newHashCost = cost;
}

/** A new hash of the password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const cost = newHashCost;
  const options = { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem: maxmemFor(cost, BLOCK_SIZE) };
  const key = await derive(password, salt, options, KEY_BYTES);
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when the password matches the stored hash (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, blockSize, parallelism, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const N = Number(cost);
  const r = Number(blockSize);
  const p = Number(parallelism);
  if (![N, r, p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64'),
    { N, r, p, maxmem: maxmemFor(N, r) },
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Hashing a password nobody has, so a login for an unknown name costs as long as one for a known
 * name and does not tell which names exist.
 */
let dummyHash: Promise<string> | undefined;
export function hashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64'));
  return dummyHash;
}
