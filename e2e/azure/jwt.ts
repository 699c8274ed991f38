import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Test tokens of the fake Entra ID. MSAL does not check signatures in the browser (Entra ID's keys
// are for the resource to check), so HMAC is enough for our fake ARM to tell its own tokens from
// anything else.
const SECRET = 'crr-portal e2e fake Entra ID';

export type Claims = Record<string, unknown>;

export function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function signJwt(claims: Claims): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'fake-entra-e2e' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a token this fake issued, or undefined when the token is not one of ours. */
export function verifyJwt(token: string): Claims | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
}

/** PKCE S256: base64url(sha256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
