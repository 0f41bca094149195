// The till's copy of itself: a service worker that the till page registers, so that a till
// reloaded while the server cannot be reached still opens from what this device kept.
// Only the till's page and the site's files (/pkg/, the icon) are handled, network first: a
// reachable server always answers, and each answer replaces the kept copy; when the network
// fails, the kept copy answers. Signing out forgets the copies. Nothing else is touched.
const KEPT = 'ruche-till-v1';

function handled(url) {
  return url.origin === self.location.origin &&
    (url.pathname === '/till' || url.pathname.startsWith('/pkg/') || url.pathname === '/favicon.svg');
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'POST' && url.origin === self.location.origin && url.pathname === '/auth/sign-out') {
    event.waitUntil(caches.delete(KEPT));
    return;
  }
  if (request.method !== 'GET' || !handled(url)) return;
  event.respondWith((async () => {
    try {
      const answer = await fetch(request);
      if (answer.ok) {
        const copy = answer.clone();
        event.waitUntil(caches.open(KEPT).then((kept) => kept.put(request, copy)));
      }
      return answer;
    } catch (unreachable) {
      const kept = await caches.match(request, { cacheName: KEPT });
      if (kept) return kept;
      throw unreachable;
    }
  })());
});
