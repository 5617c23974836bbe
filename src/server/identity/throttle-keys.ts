import type { Keyring } from "./keyring";

/**
 * The lockout counters a failed sign-in, MFA step or re-authentication counts toward: one per account
 * (an HMAC of the email, so no email is stored) and one per IP address. Sign-in and signing share them.
 */
export function throttleKeysFor(
  keyring: Keyring,
  email: string,
  ip: string | null,
): { account: string; ip: string } {
  return {
    account: `account:${keyring.hash("throttle", email.toLowerCase())}`,
    ip: `ip:${ip ?? "unknown"}`,
  };
}
