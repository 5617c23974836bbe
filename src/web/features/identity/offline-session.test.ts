import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentSession } from "../../../core/identity/session.schema";
import { getCurrentSession } from "./api/get-current-session";
import { forgetOfflineSession, readOfflineSession, rememberOfflineSession } from "./offline-session";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const session = (kind: "participant" | "staff" | "family", stage = "active"): CurrentSession =>
  ({
    user: {
      id: "5f0c4c1e-8f7e-4a53-9d4e-0d6f6f1c2a10",
      email: "casey@example.test",
      displayName: "Casey Morgan",
      kind,
      roles: [],
      locale: "en",
      participantId: kind === "participant" ? "0b7d2c55-6a0e-4d8f-9a51-3c1e2f4a5b6c" : null,
      requiresCosign: false,
    },
    stage,
    idleTimeoutMinutes: 30,
    permissions: [],
    demo: false,
  }) as CurrentSession;

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
    ),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the participant's session kept for offline use", () => {
  it("keeps an active participant session and nobody else's", () => {
    const storage = new MemoryStorage();
    rememberOfflineSession(storage, session("staff"));
    expect(readOfflineSession(storage)).toBeNull();
    rememberOfflineSession(storage, session("family"));
    expect(readOfflineSession(storage)).toBeNull();
    rememberOfflineSession(storage, session("participant", "mfa_required"));
    expect(readOfflineSession(storage)).toBeNull();
    rememberOfflineSession(storage, session("participant"));
    expect(readOfflineSession(storage)?.user.displayName).toBe("Casey Morgan");
    forgetOfflineSession(storage);
    expect(readOfflineSession(storage)).toBeNull();
  });

  it("ignores a kept value that is not a session", () => {
    const storage = new MemoryStorage();
    storage.setItem("bridgeway.offline-session", "{not json");
    expect(readOfflineSession(storage)).toBeNull();
    storage.setItem("bridgeway.offline-session", JSON.stringify({ user: { kind: "participant" } }));
    expect(readOfflineSession(storage)).toBeNull();
  });

  it("stands in for the server only when the server cannot be reached", async () => {
    const storage = new MemoryStorage();
    answer(200, { session: session("participant") });
    expect((await getCurrentSession(storage))?.user.kind).toBe("participant");

    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    expect((await getCurrentSession(storage))?.user.displayName).toBe("Casey Morgan");

    answer(401, { error: { code: "AUTH_REQUIRED", message: "Please sign in." } });
    expect(await getCurrentSession(storage)).toBeNull();
    expect(readOfflineSession(storage)).toBeNull();
  });

  it("never signs anyone in offline without a kept session, and forgets it when the server says nobody is signed in", async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(getCurrentSession(storage)).rejects.toMatchObject({ status: 0 });

    rememberOfflineSession(storage, session("participant"));
    answer(200, { session: null });
    expect(await getCurrentSession(storage)).toBeNull();
    expect(readOfflineSession(storage)).toBeNull();
  });
});
