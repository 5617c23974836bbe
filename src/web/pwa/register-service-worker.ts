/**
 * Install the service worker (production builds only: `main.tsx` decides) once the page has loaded,
 * so it never competes with the first paint. Where the browser cannot (no support, a plain-http
 * address other than localhost, private modes), the app works as before, just not offline.
 */
export function registerServiceWorker(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
): void {
  if (!container) return;
  const register = () => {
    container.register("/sw.js", { scope: "/" }).catch(() => {
      // Not installable here; nothing else depends on it.
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
