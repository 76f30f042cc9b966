import { hashPassword, spendVerificationTime, verifyPassword } from './password-hasher';

/** Small cost parameters keep these tests fast; the format and the comparison are what is tested. */
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hasher', () => {
  it('stores the algorithm, parameters, a random salt and the hash in one string', async () => {
    const first = await hashPassword('correct horse battery', CHEAP);
    const second = await hashPassword('correct horse battery', CHEAP);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(first.split('$')[4]).toHaveLength(24); // 16 bytes of salt
    expect(second).not.toBe(first);
  });

  it('accepts the password it hashed and nothing else', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('uses the default (strong) parameters unless told otherwise', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$32768$8$3$')).toBe(true);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait!', CHEAP);
    await expect(verifyPassword('cafe\u0301 au lait!', stored)).resolves.toBe(true);
  });

  it.each(['', 'plain', 'bcrypt$10$x$y$z$w', 'scrypt$1000$8$1$c2FsdA==$aGFzaA==', 'scrypt$4194304$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$$'])(
    'refuses a stored value it did not make: %p',
    async (stored) => {
      await expect(verifyPassword('anything at all', stored)).resolves.toBe(false);
    },
  );

  it('spends a verification on a decoy without matching', async () => {
    await expect(spendVerificationTime('whatever password')).resolves.toBeUndefined();
  });
});
