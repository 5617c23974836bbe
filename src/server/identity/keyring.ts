import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Queryable } from "../db/connection";
import { getOrCreateSecret } from "../platform/secrets";

/**
 * Keys generated on first start and kept in app_secrets: one for keyed hashes of tokens (sessions,
 * emailed links, trusted devices, recovery codes, throttle keys) and one that encrypts TOTP secrets.
 */
export async function createKeyring(q: Queryable) {
  const hmacKey = await getOrCreateSecret(q, "session_token_key");
  const encryptionKey = Buffer.from(await getOrCreateSecret(q, "mfa_encryption_key"), "base64url");
  return {
    /** Keyed hash; `purpose` separates the uses so a hash from one can never match another. */
    hash(purpose: string, value: string): string {
      const mac = createHmac("sha256", hmacKey);
      if (purpose !== "session") mac.update(`${purpose}\0`);
      return mac.update(value).digest("base64url");
    },
    encrypt(plain: Uint8Array): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return `v1.${iv.toString("base64url")}.${body.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
    },
    decrypt(sealed: string): Uint8Array {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== "v1" || !iv || !body || !tag) throw new Error("unknown secret format");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return new Uint8Array(
        Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]),
      );
    },
  };
}
export type Keyring = Awaited<ReturnType<typeof createKeyring>>;

/** A fresh secret token for a cookie or an emailed link (32 random bytes, base64url: 43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}
