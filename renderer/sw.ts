// The kiosk's service worker: keeps the app shell (HTML, scripts, styles, fonts) so a browser kiosk
// starts again with no network. The build writes the list of files in place of __PRECACHE__.
// It never touches the API (outside its scope) and never activates a new version on its own: the
// page applies an update on its start screen (renderer/host/app-update.ts).

declare const __PRECACHE__: string[];

interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerLike {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const worker = self as unknown as WorkerLike;
const PRECACHE = __PRECACHE__;
// The cache is named after its contents: hashed file names change with every build.
const CACHE = `hai-long-shell-${[...PRECACHE.join('|')].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7) >>> 0}`;
const scoped = (path: string) => new URL(path, worker.registration.scope).href;
const shell = new Set(PRECACHE.map(scoped));

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('hai-long-shell-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(worker.registration.scope)) return;
  const url = new URL(request.url);
  // Any page of the kiosk (with ?enrol=, ?demo=…) is the one app: its HTML from the cache.
  if (request.mode === 'navigate') {
    event.respondWith(caches.match(scoped('index.html'), { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  const key = url.origin + url.pathname;
  if (shell.has(key)) event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});

worker.addEventListener('message', (event) => {
  if (event.data === 'apply-update') void worker.skipWaiting();
});
