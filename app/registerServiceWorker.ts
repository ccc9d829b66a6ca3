/**
 * Registers the service worker that vite-plugin-pwa generates (dist/sw.js), so that after one visit the app,
 * its workers and the MNIST file load with the network off. Production builds only: the dev server has no
 * sw.js, and a worker caching dev modules would serve stale code. Failing to register (private mode, a
 * browser without service workers, a blocked script) leaves the app as it was, online only, and says
 * nothing: there is nothing the reader could do about it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // workbox-window loads only here, outside the main bundle.
  void import('workbox-window')
    .then(({ Workbox }) => new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).register())
    .catch(() => undefined);
}
