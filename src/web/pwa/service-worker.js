/*
 * Bridgeway's service worker: keeps the app shell (index.html, the built scripts and styles, the
 * icons and the manifest) so the participant's pages — the check-in and the safety plan among them —
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
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((kept) => kept ?? fetch(request)),
  );
});
