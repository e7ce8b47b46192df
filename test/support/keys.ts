// API keys for tests, made through the access area's own statements (the CLI has its own test).
import { createApiKey, generateKey, type Role } from '../../src/access/index.js';
import type { Db } from '../../src/db/db.js';

/** Creates a key and returns its `Authorization` header value. */
export async function bearer(
  db: Db,
  name: string,
  role: Role,
  scopes: { entities?: string[]; memberStates?: string[] } = {},
): Promise<string> {
  const key = await generateKey();
  await db.write(createApiKey, {
    id: key.id,
    name,
    role,
    entities: scopes.entities ?? [],
    memberStates: scopes.memberStates ?? [],
    salt: key.salt,
    hash: key.hash,
    createdBy: 'test',
  });
  return `Bearer ${key.token}`;
}
