import { describe, expect, it } from 'vitest';
import { TokenStore, type SecretCipher, type TokenFiles } from '../../electron/token-store';

const memoryFiles = (): TokenFiles & { contents: Buffer | null } => {
  const files = {
    contents: null as Buffer | null,
    read: async () => files.contents,
    write: async (c: Buffer) => void (files.contents = c),
    remove: async () => void (files.contents = null),
  };
  return files;
};
// A stand-in for the OS keystore: reversible, and visibly not the plain text.
const keystore = (available = true): SecretCipher => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from([...plain].reverse().join(''), 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => [...Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8')].reverse().join(''),
});
const TOKEN = 'Ab3_-'.repeat(9).slice(0, 43);

describe('the device token in the main process', () => {
  it('is stored encrypted where the OS has a keystore, and read back', async () => {
    const files = memoryFiles();
    const store = new TokenStore(keystore(), files);
    await store.save(TOKEN);
    expect(files.contents!.toString()).not.toContain(TOKEN);
    expect(JSON.parse(files.contents!.toString())).toMatchObject({ encrypted: true });
    expect(await new TokenStore(keystore(), files).load()).toBe(TOKEN);
  });

  it('says when it could not encrypt (no keyring), and still works', async () => {
    const files = memoryFiles();
    const store = new TokenStore(keystore(false), files);
    expect(store.encrypted).toBe(false);
    await store.save(TOKEN);
    expect(JSON.parse(files.contents!.toString())).toEqual({ encrypted: false, token: TOKEN });
    expect(await store.load()).toBe(TOKEN);
  });

  it.each([
    ['nothing stored', null],
    ['garbage', Buffer.from('{not json')],
    ['the wrong shape', Buffer.from(JSON.stringify({ token: TOKEN }))],
    ['a token that is not one', Buffer.from(JSON.stringify({ encrypted: false, token: 'short' }))],
    ['an encrypted token the keystore cannot read', Buffer.from(JSON.stringify({ encrypted: true, token: '!!!' }))],
  ])('reads %s as no token (the kiosk asks to be enrolled again)', async (_name, contents) => {
    const files = memoryFiles();
    files.contents = contents;
    const cipher = {
      ...keystore(),
      decryptString: () => {
        throw new Error('keystore changed');
      },
    };
    expect(await new TokenStore(cipher, files).load()).toBeNull();
  });

  it('refuses to store something that is not a device token', async () => {
    await expect(new TokenStore(keystore(), memoryFiles()).save('x')).rejects.toThrow();
  });
});
