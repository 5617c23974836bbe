import { describe, expect, it } from "vitest";
import { currentSessionQuery } from "../features/identity/api/get-current-session";
import { ApiError } from "./api-client";
import { createQueryClient, shouldRetry, whenQueriesSettle } from "./query-client";

describe("shouldRetry", () => {
  it("retries a network failure or server error once, never a client error", () => {
    expect(shouldRetry(0, new ApiError(0, "NETWORK_ERROR", ""))).toBe(true);
    expect(shouldRetry(0, new ApiError(503, "SERVICE_UNAVAILABLE", ""))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, "SERVICE_UNAVAILABLE", ""))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, "AUTH_FORBIDDEN", ""))).toBe(false);
  });
});

describe("createQueryClient", () => {
  it("forgets the user when any call says the session has ended", async () => {
    const client = createQueryClient();
    client.setQueryData(currentSessionQuery.queryKey, { user: { displayName: "Sam" } } as never);
    client.setQueryData(["me", "sessions"], { sessions: [] });
    await client
      .fetchQuery({
        queryKey: ["programs", "overview"],
        queryFn: () => Promise.reject(new ApiError(401, "AUTH_REQUIRED", "Please sign in.")),
      })
      .catch(() => undefined);
    expect(client.getQueryData(currentSessionQuery.queryKey)).toBeNull();
    expect(client.getQueryData(["me", "sessions"])).toBeUndefined();
  });

  it("does not sign anyone out over a wrong password typed into a form", async () => {
    const client = createQueryClient();
    client.setQueryData(currentSessionQuery.queryKey, { user: { displayName: "Sam" } } as never);
    await client
      .getMutationCache()
      .build(client, {
        mutationFn: () => Promise.reject(new ApiError(401, "AUTH_INVALID_CREDENTIALS", "Wrong password.")),
      })
      .execute(undefined)
      .catch(() => undefined);
    expect(client.getQueryData(currentSessionQuery.queryKey)).not.toBeNull();
  });
});

describe("whenQueriesSettle", () => {
  it("resolves at once when nothing is fetching", async () => {
    await expect(whenQueriesSettle(createQueryClient())).resolves.toBeUndefined();
  });

  it("waits for a query under way to finish", async () => {
    const client = createQueryClient();
    let finish: (value: string) => void = () => undefined;
    const fetching = client.fetchQuery({
      queryKey: ["slow"],
      queryFn: () => new Promise<string>((r) => (finish = r)),
    });
    let settled = false;
    const waiting = whenQueriesSettle(client).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    finish("done");
    await fetching;
    await waiting;
    expect(settled).toBe(true);
  });

  it("gives up waiting after the time limit", async () => {
    const client = createQueryClient();
    void client.fetchQuery({ queryKey: ["never"], queryFn: () => new Promise<string>(() => undefined) });
    await expect(whenQueriesSettle(client, 10)).resolves.toBeUndefined();
    expect(client.isFetching()).toBe(1);
  });
});
