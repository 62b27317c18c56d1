import { z } from 'zod';

/** The part of Electron's safeStorage the token store uses (injected; faked in tests). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The files it uses (injected: the real ones write atomically under userData). */
export interface TokenFiles {
  read(): Promise<Buffer | null>;
  write(contents: Buffer): Promise<void>;
  remove(): Promise<void>;
}

const DeviceToken = z.string().regex(/^[A-Za-z0-9_-]{32,200}$/);
const Stored = z.strictObject({ encrypted: z.boolean(), token: z.string() });

/**
 * Where Electron's main process keeps the device token: encrypted with the operating system's
 * keystore (safeStorage) where there is one, and never handed to the renderer. Without a keystore
 * (a Linux kiosk with no keyring) it is kept as is, in a file only the kiosk's user can read, and
 * says so, so the technician screen can show it.
 */
export class TokenStore {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly files: TokenFiles,
  ) {}

  get encrypted(): boolean {
    return this.cipher.isEncryptionAvailable();
  }

  async save(token: string): Promise<void> {
    const valid = DeviceToken.parse(token);
    const stored = this.encrypted
      ? { encrypted: true, token: this.cipher.encryptString(valid).toString('base64') }
      : { encrypted: false, token: valid };
    await this.files.write(Buffer.from(JSON.stringify(stored)));
  }

  /** The token, or null when there is none or it cannot be read back (then the kiosk must re-enrol). */
  async load(): Promise<string | null> {
    const raw = await this.files.read();
    if (!raw) return null;
    try {
      const stored = Stored.parse(JSON.parse(raw.toString('utf8')));
      const token = stored.encrypted ? this.cipher.decryptString(Buffer.from(stored.token, 'base64')) : stored.token;
      return DeviceToken.parse(token);
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    await this.files.remove();
  }
}
