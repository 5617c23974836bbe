/*
 * Bridgeway's service worker: keeps the app shell (index.html with the scripts and styles it loads,
 * the icons and the manifest) so the participant's pages — the check-in and the safety plan among them —
 * open without a connection. It never stores an API answer: the pages' data stays with the server
 * (and a check-in made offline waits in the page's own queue). The build prepends
 * `self.BRIDGEWAY_BUILD = { version, precache }`; each build has its own cache, and a new build
 * takes over at once and deletes the old one.
 */
const { version, precache } = self.BRIDGEWAY_BUILD;
const PREFIX = "bridgeway-shell-";
const CACHE = `${PREFIX}${version}`;
const SHELL = "/index.html";
/** Never answered from the cache: the API and everything the server computes per person. */
const NEVER_CACHED = ["/api/", "/fhir/", "/calendar-feeds/", "/healthz", "/readyz"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(precache))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_CACHED.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    // The network first (a fresh shell when online); the kept shell when there is none.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(SHELL, { cacheName: CACHE }).then((kept) => kept ?? Response.error()),
      ),
    );
    return;
  }
  // Kept files first. A built file not kept yet (a part of the app loaded on demand, e.g. charts) is
  // kept once fetched: its name carries its content's hash, so it never changes.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok && url.pathname.startsWith("/assets/")) await cache.put(request, response.clone());
      return response;
    }),
  );
});
