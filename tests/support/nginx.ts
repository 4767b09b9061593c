import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitForHttp } from '../../scripts/lib/ports.js';

const DEPLOY_CONF = resolve(import.meta.dirname, '../../deploy/nginx.conf');

/** `text` with `from` replaced by `to`, where `from` must occur exactly `times` times (the deployed file changed otherwise). */
function replaceExactly(text: string, from: string, to: string, times = 1): string {
  const found = text.split(from).length - 1;
  if (found !== times) throw new Error(`deploy/nginx.conf: "${from}" found ${found} times, expected ${times}`);
  return text.split(from).join(to);
}

/**
 * deploy/nginx.conf as tests run it: the same file with only its addresses changed — the two
 * upstream servers to the instances' ports, the listeners to free loopback ports, and TLS off (no
 * certificate here; what is tested is the upstream: retries, keepalive, timeouts).
 */
export function testedDeployConf(opts: { upstreams: [number, number]; port: number; redirectPort: number }): string {
  let conf = readFileSync(DEPLOY_CONF, 'utf8');
  conf = replaceExactly(conf, 'server 127.0.0.1:3000 ', `server 127.0.0.1:${opts.upstreams[0]} `);
  conf = replaceExactly(conf, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${opts.upstreams[1]} `);
  conf = replaceExactly(conf, 'listen 80;', `listen 127.0.0.1:${opts.redirectPort};`);
  conf = replaceExactly(conf, 'listen 443 ssl http2;', `listen 127.0.0.1:${opts.port};`);
  conf = conf.replace(/^\s*ssl_certificate(_key)?\s.*$/gm, '');
  return conf;
}

/** One line of the access log the tests add: when the request ended, how long it took, and each upstream tried. */
export type AccessLine = {
  endMs: number;
  startMs: number;
  status: number;
  upstreams: string[];
  upstreamStatuses: string[];
  method: string;
  uri: string;
};

/**
 * Debian's nginx (`npm test` installs it when missing, as it does Chromium) in the foreground with
 * `site` as its only server configuration, everything it writes in a folder of its own.
 */
export async function startNginx(site: string, port: number) {
  if (spawnSync('nginx', ['-v']).status !== 0)
    throw new Error('nginx is missing: `npm test` installs it as root (apt-get install -y nginx-light)');
  const dir = mkdtempSync(join(tmpdir(), 'wyt-nginx-'));
  writeFileSync(join(dir, 'wyt.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((m) => `  ${m}_temp_path ${join(dir, m)};`)
    .join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  log_format timed '$msec $request_time $status "$upstream_addr" "$upstream_status" $request_method $request_uri';
  access_log ${join(dir, 'access.log')} timed;
${temp}
  include ${join(dir, 'wyt.conf')};
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const readyz = `http://127.0.0.1:${port}/readyz`;
  await Promise.race([
    waitForHttp(readyz, 15_000),
    exited.then(() => {
      throw new Error(`nginx exited: ${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    }),
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    errorLog: () => readFileSync(join(dir, 'error.log'), 'utf8'),
    accessLog(): AccessLine[] {
      return readFileSync(join(dir, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [, end, took, status, addrs, statuses, method, uri] =
            /^(\S+) (\S+) (\d+) "([^"]*)" "([^"]*)" (\S+) (\S+)$/.exec(line) ?? [];
          const endMs = Number(end) * 1000;
          return {
            endMs,
            startMs: endMs - Number(took) * 1000,
            status: Number(status),
            upstreams: addrs!.split(/[,:] /).filter((a) => a && a !== '-'),
            upstreamStatuses: statuses!.split(/[,:] /),
            method: method!,
            uri: uri!,
          };
        });
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
