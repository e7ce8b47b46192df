// API keys: `ctkg_<id>_<secret>`. The id finds the stored key; the secret is kept only as a slow
// hash (scrypt, from node:crypto), so a copy of the database gives no working key.
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

export const ROLES = ['reader', 'reporter', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const PREFIX = 'ctkg';
// scrypt cost: about 50 ms per hash on this machine's class of CPU; verified hashes are cached.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A new key: its public id, the whole token (shown once) and what is stored. */
export async function generateKey(): Promise<{
  id: string;
  token: string;
  salt: string;
  hash: string;
}> {
  const id = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('base64url');
  const hash = (await derive(secret, salt)).toString('base64url');
  return { id, token: `${PREFIX}_${id}_${secret}`, salt, hash };
}

/** The id and secret of a token in our format; null for anything else. */
export function parseKey(token: string): { id: string; secret: string } | null {
  const match = /^ctkg_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `secret` hashes to `hash` with `salt`, in constant time. */
export async function verifySecret(secret: string, salt: string, hash: string): Promise<boolean> {
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, salt);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
