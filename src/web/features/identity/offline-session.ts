import { type CurrentSession, currentSessionSchema } from "../../../core/identity/session.schema";

/**
 * The last participant session seen on this device, so the participant app opens without a network
 * (the check-in queue and the saved safety plan work offline; the server still decides everything
 * once the connection is back). Only participants: a staff or family session is never kept. It is
 * forgotten when the server says nobody is signed in, and at sign-out.
 */
const KEY = "bridgeway.offline-session";

export function rememberOfflineSession(storage: Storage, session: CurrentSession | null): void {
  try {
    if (session?.user.kind === "participant" && session.stage === "active")
      storage.setItem(KEY, JSON.stringify(session));
    else storage.removeItem(KEY);
  } catch {
    // Storage full or disabled: the app simply cannot open offline.
  }
}

export function readOfflineSession(storage: Storage): CurrentSession | null {
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return null;
    const parsed = currentSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.user.kind === "participant" && parsed.data.stage === "active"
      ? parsed.data
      : null;
  } catch {
    return null;
  }
}

export function forgetOfflineSession(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
