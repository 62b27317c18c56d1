import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate } from './certificate';
import { freePort } from './server-process';

// Debian's nginx in front of the server, terminating TLS with a certificate made for the test, as a
// district deploys it (docs/deployment.md): the tests reach the server only through it.

export const nginxBinary = () => ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? null;

const listening = async (port: number, deadline: number) => {
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
};

/** nginx on 127.0.0.1: https on one port, plain http on another, both to the server at `upstream`. */
export async function startNginx(upstream: number) {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'hai-long-nginx-'));
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  selfSignedCertificate(dir);
  const [https, http] = [await freePort(), await freePort()];
  // The configuration of docs/deployment.md, but for X-Forwarded-For: $remote_addr here, so a
  // client's own X-Forwarded-For is dropped rather than passed on.
  const location = `
    location / {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
    }`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'tmp')};
  proxy_temp_path ${join(dir, 'tmp')};
  fastcgi_temp_path ${join(dir, 'tmp')};
  uwsgi_temp_path ${join(dir, 'tmp')};
  scgi_temp_path ${join(dir, 'tmp')};
  client_max_body_size 25m;
  server {
    listen 127.0.0.1:${https} ssl;
    ssl_certificate ${join(dir, 'cert.pem')};
    ssl_certificate_key ${join(dir, 'key.pem')};
    ${location}
  }
  server {
    listen 127.0.0.1:${http};
    ${location}
  }
}
`,
  );
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    await listening(https, Date.now() + 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}: ${errors}`);
  }
  return {
    https,
    http,
    certificate: readFileSync(join(dir, 'cert.pem')),
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
