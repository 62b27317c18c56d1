import { BlockList, isIP } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from './db/connect';
import { fleetGauges } from './repo/fleet';

// What a district's monitoring (Prometheus) reads at /metrics: requests by route and status, ratings
// by what became of them, batch latency, the fleet's silence and backlog. One registry per server.

export function serverMetrics(store: Store, now: () => Date) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hailong_process_' });
  const requests = new Counter({
    name: 'hailong_http_requests_total',
    help: 'HTTP requests answered, by route (its pattern, never its values), method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const ratings = new Counter({
    name: 'hailong_ratings_ingested_total',
    help: 'Ratings in kiosks’ batches, by outcome: accepted (stored now), duplicate (stored before), rejected',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const batchSeconds = new Histogram({
    name: 'hailong_batch_duration_seconds',
    help: 'From a batch’s arrival to its answer, waiting included',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const fleet = async () => fleetGauges(store, now());
  let latest: Promise<Awaited<ReturnType<typeof fleet>>> | null = null;
  // The three fleet gauges share one query per scrape.
  const fleetOnce = () => (latest ??= fleet().finally(() => setTimeout(() => (latest = null), 1000)));
  for (const [name, help, pick] of [
    ['hailong_kiosks', 'Kiosks enrolled and not revoked', 'kiosks'],
    ['hailong_kiosks_silent', 'Kiosks not heard from for a day', 'silent'],
    ['hailong_kiosk_queue_depth', 'Ratings the kiosks hold unsent, as their last heartbeats said', 'queueDepth'],
  ] as const) {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set((await fleetOnce())[pick]);
      },
    });
  }
  return { registry, requests, ratings, batchSeconds };
}
export type ServerMetrics = ReturnType<typeof serverMetrics>;

/** Who may read /metrics: loopback by default, or the monitoring addresses and CIDRs configured. */
export function metricsReaders(entries: readonly string[]) {
  const list = new BlockList();
  for (const entry of entries.length ? entries : ['127.0.0.1', '::1']) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (ip: string) => {
    const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
    return list.check(plain, isIP(plain) === 6 ? 'ipv6' : 'ipv4');
  };
}
