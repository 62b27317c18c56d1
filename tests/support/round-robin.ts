import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A load balancer in front of several servers: each request to the next one in turn. */
export async function roundRobin(origins: readonly string[]) {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(origins[next++ % origins.length]!);
    const forwarded = request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
