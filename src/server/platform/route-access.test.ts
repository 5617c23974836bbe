import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import type { Database } from "../db/connection";
import { registerRouteAccess } from "./route-access";

describe("route access declarations", () => {
  const build = () => {
    const app = Fastify({ logger: false });
    registerRouteAccess(app, { db: {} as Database, now: () => new Date() });
    return app;
  };

  it("refuses to register an API route that declares no access rule", async () => {
    const app = build();
    expect(() => app.get("/api/v1/forgotten", async () => ({}))).toThrow(
      "API route GET /api/v1/forgotten declares no access rule (config.access).",
    );
    await app.close();
  });

  it("lists every declared API route with its rule, and leaves routes outside the API alone", async () => {
    const app = build();
    app.get("/healthz", async () => ({}));
    app.get(
      "/api/v1/things/:id",
      { config: { access: { kind: "permission", permission: "users.manage" } } },
      async () => ({}),
    );
    await app.ready();
    expect(app.declaredRoutes).toEqual([
      {
        method: "GET",
        url: "/api/v1/things/:id",
        access: { kind: "permission", permission: "users.manage" },
        audit: undefined,
      },
    ]);
    await app.close();
  });
});
