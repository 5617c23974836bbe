import path from "node:path";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { serviceWorker } from "../../scripts/service-worker-plugin";

/**
 * The installable app's service worker, as the build emits it: its precache list and version, and
 * what it answers — the app shell offline, static files from its cache, never the API.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE = path.join(ROOT, "src/web/pwa/service-worker.js");
const PUBLIC = path.join(ROOT, "src/web/public");
const ORIGIN = "http://127.0.0.1:3000";

const HTML =
  '<script type="module" src="/assets/index-abc.js"></script><link rel="stylesheet" href="/assets/index-abc.css">';

/** What the plugin emits for a bundle with these files and index.html. */
function emitWorker(files: string[], html = HTML): string {
  const bundle = Object.fromEntries([
    ...files.map((f) => [f, { type: "chunk", fileName: f }]),
    ["index.html", { type: "asset", fileName: "index.html", source: html }],
  ]);
  let emitted = "";
  const plugin = serviceWorker({ source: SOURCE, publicDir: PUBLIC });
  const generate = plugin.generateBundle as (this: unknown, o: unknown, b: typeof bundle) => void;
  generate.call(
    {
      emitFile: (file: { fileName: string; source: string }) => {
        expect(file.fileName).toBe("sw.js");
        emitted = file.source;
      },
    },
    {},
    bundle,
  );
  return emitted;
}

type Listener = (event: Record<string, unknown>) => void;

/** Run the worker in a sandbox with a cache holding `cached` and a network that answers `network`. */
function runWorker(code: string, network: (url: string) => Promise<Response>) {
  const listeners = new Map<string, Listener>();
  const store = new Map<string, Map<string, Response>>();
  const caches = {
    open: async (name: string) => {
      const cache = store.get(name) ?? new Map<string, Response>();
      store.set(name, cache);
      return {
        addAll: async (urls: string[]) => {
          for (const u of urls) cache.set(u, new Response(`kept ${u}`));
        },
        match: async (request: { url: string }) => cache.get(new URL(request.url).pathname),
        put: async (request: { url: string }, response: Response) => {
          cache.set(new URL(request.url).pathname, response);
        },
      };
    },
    keys: async () => [...store.keys()],
    delete: async (name: string) => store.delete(name),
    match: async (request: string | { url: string }, options: { cacheName: string }) => {
      const url = typeof request === "string" ? request : new URL(request.url).pathname;
      return store.get(options.cacheName)?.get(url);
    },
  };
  const self = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    location: { origin: ORIGIN },
    skipWaiting: vi.fn(async () => {}),
    clients: { claim: vi.fn(async () => {}) },
  };
  const fetchMock = vi.fn((request: { url: string } | string) =>
    network(typeof request === "string" ? request : request.url),
  );
  vm.runInNewContext(code, { self, caches, fetch: fetchMock, URL, Response, Promise });

  async function lifecycle(type: "install" | "activate") {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  }
  /** The worker's answer to a GET (undefined: it lets the browser go to the network itself). */
  async function request(pathname: string, init: { method?: string; mode?: string } = {}) {
    let answer: Promise<Response> | undefined;
    listeners.get("fetch")!({
      request: { url: `${ORIGIN}${pathname}`, method: init.method ?? "GET", mode: init.mode ?? "cors" },
      respondWith: (p: Promise<Response>) => {
        answer = p;
      },
    });
    return answer ? await answer : undefined;
  }
  return { lifecycle, request, store, fetchMock, self };
}

const offline = () => Promise.reject(new TypeError("Failed to fetch"));

describe("the service worker the build emits", () => {
  it("keeps index.html, what it loads and the public files; its version follows the build", () => {
    const built = [
      "assets/index-abc.js",
      "assets/index-abc.css",
      "assets/LineChart-x.js",
      "assets/index-abc.js.map",
    ];
    const code = emitWorker(built);
    const build = JSON.parse(/^self\.BRIDGEWAY_BUILD = (.*);$/m.exec(code)![1]!);
    expect(build.precache).toEqual(
      expect.arrayContaining([
        "/index.html",
        "/assets/index-abc.js",
        "/assets/index-abc.css",
        "/manifest.webmanifest",
        "/icons/bridgeway-192.png",
        "/icons/bridgeway-512.png",
      ]),
    );
    expect(build.precache).not.toContain("/assets/LineChart-x.js");
    expect(build.precache).not.toContain("/assets/index-abc.js.map");
    expect(emitWorker(built)).toBe(code);
    expect(emitWorker(["assets/index-abc.js", "assets/index-abc.css", "assets/LineChart-y.js"])).not.toBe(
      code,
    );
    expect(emitWorker(["assets/index-abc.js", "assets/index-abc.css"], "<html>new</html>")).not.toBe(
      emitWorker(["assets/index-abc.js", "assets/index-abc.css"]),
    );
  });

  it("installs its cache, takes over at once and deletes an older build's cache", async () => {
    const older = runWorker(emitWorker(["assets/index-old.js"]), offline);
    await older.lifecycle("install");
    const worker = runWorker(emitWorker(["assets/index-new.js"]), offline);
    for (const [name, cache] of older.store) worker.store.set(name, cache);
    worker.store.set("someone-else", new Map());
    await worker.lifecycle("install");
    await worker.lifecycle("activate");
    const names = [...worker.store.keys()];
    expect(names).toHaveLength(2);
    expect(names).toContain("someone-else");
    expect(worker.self.skipWaiting).toHaveBeenCalled();
    expect(worker.self.clients.claim).toHaveBeenCalled();
  });

  it("offline, a page opens from the kept shell; online, the network answers", async () => {
    const worker = runWorker(emitWorker(["assets/index-abc.js"]), offline);
    await worker.lifecycle("install");
    expect(await (await worker.request("/me/check-in", { mode: "navigate" }))!.text()).toBe(
      "kept /index.html",
    );
    expect(await (await worker.request("/assets/index-abc.js"))!.text()).toBe("kept /assets/index-abc.js");

    const online = runWorker(
      emitWorker(["assets/index-abc.js"]),
      async (url) => new Response(`fresh ${url}`),
    );
    await online.lifecycle("install");
    expect(await (await online.request("/me/safety-plan", { mode: "navigate" }))!.text()).toBe(
      `fresh ${ORIGIN}/me/safety-plan`,
    );
  });

  it("a part loaded on demand is kept once fetched, and opens offline afterwards", async () => {
    let connected = true;
    const worker = runWorker(emitWorker(["assets/index-abc.js", "assets/LineChart-x.js"]), async (url) =>
      connected ? new Response(`fresh ${url}`) : offline(),
    );
    await worker.lifecycle("install");
    expect(await (await worker.request("/assets/LineChart-x.js"))!.text()).toBe(
      `fresh ${ORIGIN}/assets/LineChart-x.js`,
    );
    connected = false;
    expect(await (await worker.request("/assets/LineChart-x.js"))!.text()).toBe(
      `fresh ${ORIGIN}/assets/LineChart-x.js`,
    );
    expect(worker.fetchMock).toHaveBeenCalledTimes(1);
  });

  it("never answers the API or a write, and keeps none of their answers", async () => {
    const worker = runWorker(emitWorker(["assets/index-abc.js"]), async () => new Response("{}"));
    await worker.lifecycle("install");
    for (const pathname of [
      "/api/v1/me/check-ins/summary",
      "/fhir/Patient",
      "/calendar-feeds/x.ics",
      "/healthz",
    ])
      expect(await worker.request(pathname)).toBeUndefined();
    expect(await worker.request("/me/check-in", { method: "POST" })).toBeUndefined();
    expect(worker.fetchMock).not.toHaveBeenCalled();
  });
});
