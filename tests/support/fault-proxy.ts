import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What the proxy does to one exchange. */
export type ProxyFault =
  | 'pass'
  | 'drop-request' // the connection dies before the server sees anything
  | 'cut-response' // the server committed; the answer never arrives
  | 'delay' // the answer arrives, late
  | 'stall' // nothing ever comes back (the client's timeout must fire)
  | '500'
  | '503'
  | '429'
  | 'garbage' // the server committed; the answer is unreadable
  | 'swallow'; // a batch acknowledged in the server's words, never forwarded: lost without a trace but the ledger

/** One exchange as the proxy saw it: what was asked, and what the server answered (when it did). */
export interface Exchange {
  method: string;
  path: string;
  body: Buffer;
  fault: ProxyFault;
  status: number | null;
  answer: Buffer | null;
}

export interface ProxyOptions {
  /** Called when an exchange is over (whether or not the client got the answer). */
  onExchange?: (exchange: Exchange) => void;
}

/**
 * A fault-injecting proxy on 127.0.0.1 between a kiosk and the district server. Each exchange gets
 * the fault `decide()` picks (seeded by the test, so runs are reproducible); stats count them.
 * `decide` may wait (a test holds an exchange while it kills the kiosk); the target can move (a
 * restarted server).
 */
export async function startFaultProxy(
  target: string,
  decide: (request: { method: string; path: string; body: Buffer }) => ProxyFault | Promise<ProxyFault>,
  options: ProxyOptions = {},
) {
  let upstream = new URL(target);
  const stats: Record<ProxyFault, number> = {
    pass: 0,
    'drop-request': 0,
    'cut-response': 0,
    delay: 0,
    stall: 0,
    '500': 0,
    '503': 0,
    '429': 0,
    garbage: 0,
    swallow: 0,
  };
  const stalled = new Set<ServerResponse>();

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const fault = await decide({ method, path, body });
      stats[fault]++;
      const done = (status: number | null, answer: Buffer | null) => options.onExchange?.({ method, path, body, fault, status, answer });
      try {
        switch (fault) {
          case 'drop-request':
            done(null, null);
            return req.socket.destroy();
          case 'stall':
            done(null, null);
            stalled.add(res);
            return;
          case '500':
          case '503':
            done(null, null);
            return res.writeHead(Number(fault), { 'content-type': 'text/plain' }).end('upstream trouble');
          case '429':
            done(null, null);
            return res
              .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
              .end('{"error":{"code":"rate_limited","message":"slow down"}}');
          case 'swallow': {
            // What a broken cache or a rogue box in the ward's network could do: answer for the server.
            const batch = JSON.parse(body.toString()) as { batchId: string; ratings: { id: string }[] };
            const answer = Buffer.from(
              JSON.stringify({
                batchId: batch.batchId,
                accepted: batch.ratings.map((r) => r.id),
                duplicate: [],
                rejected: [],
                serverTime: new Date().toISOString(),
              }),
            );
            done(200, answer);
            return res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
          }
        }
        if (fault === 'delay') await new Promise((r) => setTimeout(r, 300));
        const answer = await forward(req, body);
        done(answer.status, answer.body);
        if (fault === 'cut-response') return req.socket.destroy();
        if (fault === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":[tru\u0000');
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(answer.status, headers).end(answer.body);
      } catch {
        // The server is down (killed, restarting): the kiosk sees a dropped connection.
        done(null, null);
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    retarget(next: string) {
      upstream = new URL(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same faults in the same order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
