import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_COST,
  hashPassword,
  setScryptCostForTests,
  verifyPassword,
} from '../../../../src/server/auth/passwords';

describe('password hashing', () => {
  it('hashes at OWASP’s scrypt cost (N = 2^17, r = 8, p = 1) unless a test lowers it', async () => {
    expect(DEFAULT_SCRYPT_COST).toBe(131_072);
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  }, 60_000);

  it('verifies a hash by the cost stored with it, so hashes of another cost stay valid', async () => {
    setScryptCostForTests(2 ** 10);
    const cheap = await hashPassword('密码 with ünïcode');
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    // Passwords are compared after NFKC: the decomposed spelling is the same password.
    expect(await verifyPassword('密码 with ünïcode'.normalize('NFD'), cheap)).toBe(true);
    expect(await verifyPassword('密码 with unicode', cheap)).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(() => setScryptCostForTests(1000)).toThrow(/power of 2/);
  });
});
