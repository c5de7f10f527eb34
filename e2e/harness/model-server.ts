/**
 * Serves the fake model (fake-model.ts) at the model hosts' real https URLs.
 *
 * Playwright's request routing does not see the extension's offscreen document, where WebLLM
 * downloads models, so routing cannot serve these files. Instead Chromium's resolver sends
 * huggingface.co and raw.githubusercontent.com to a local HTTPS server with a throwaway
 * self-signed certificate, and every other host name fails to resolve, so nothing else can be
 * reached from any extension context during these tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeModelFolder, fakeModelLibrary, type FakeFile } from './fake-model';

export const MODEL_HOSTS = ['huggingface.co', 'raw.githubusercontent.com'] as const;

export interface HeldFile {
  /** Resolves when the browser asks for the file. */
  requested: Promise<void>;
  /** Sends the file. */
  release(): void;
}

export interface ModelServer {
  /** Chromium flags: a software WebGPU adapter, and the model hosts sent to this server. */
  chromiumArgs: string[];
  /** Every URL asked for, in order. */
  requests: string[];
  /** URLs this server has no file for (answered 404). */
  unknown: string[];
  /** Holds back a model file (by name, e.g. "params_shard_2.bin") until released. */
  hold(file: string): HeldFile;
  /** Answers a model file with an HTTP error status from now on. */
  fail(file: string, status: number): void;
  close(): Promise<void>;
}

/** Why the server cannot start here (it needs the openssl command for its certificate). */
export function modelServerUnavailable(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'The openssl command is needed to make a test certificate for the local model host.';
  }
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'understudy-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
        '-subj', '/CN=understudy-test-model-host',
        '-addext', `subjectAltName=${MODEL_HOSTS.map((h) => `DNS:${h}`).join(',')}`],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `https://huggingface.co/mlc-ai/<model>/resolve/main/<file>` → file name. */
const MODEL_FILE = /^\/mlc-ai\/[^/]+\/resolve\/main\/([^/]+)$/;

export async function startModelServer(): Promise<ModelServer> {
  const folder = fakeModelFolder();
  const library: FakeFile = { body: fakeModelLibrary(), contentType: 'application/wasm' };
  const holds = new Map<string, { gate: Promise<void>; requested: () => void; release: () => void }>();
  const failures = new Map<string, number>();
  const requests: string[] = [];
  const unknown: string[] = [];

  const fileFor = (url: URL): { name: string; file: FakeFile } | undefined => {
    if (url.hostname === 'raw.githubusercontent.com' && url.pathname.endsWith('.wasm')) {
      return { name: path.posix.basename(url.pathname), file: library };
    }
    const match = url.hostname === 'huggingface.co' ? MODEL_FILE.exec(url.pathname) : null;
    const name = match?.[1];
    const file = name ? folder.get(name) : undefined;
    return name && file ? { name, file } : undefined;
  };

  const server = https.createServer(selfSignedCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    requests.push(url.href);
    // Extension pages fetch across origins; the real hosts allow it the same way.
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    const found = fileFor(url);
    if (!found) {
      unknown.push(url.href);
      res.writeHead(404, headers).end('Not in the fake model.');
      return;
    }
    const status = failures.get(found.name);
    if (status) {
      res.writeHead(status, headers).end(`HTTP ${status} from the test model host.`);
      return;
    }
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(200, { ...headers, 'content-type': found.file.contentType, 'content-length': found.file.body.length });
      res.end(found.file.body);
    };
    const hold = holds.get(found.name);
    if (!hold) return send();
    hold.requested();
    void hold.gate.then(send);
  });
  // A cancelled download drops its connections mid-response; that is expected here.
  server.on('clientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  const rules = [
    ...MODEL_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(',');

  return {
    chromiumArgs: ['--enable-unsafe-webgpu', `--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    requests,
    unknown,
    hold(file) {
      let release!: () => void;
      let requested!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const asked = new Promise<void>((resolve) => (requested = resolve));
      const entry = {
        gate,
        requested,
        release: () => {
          if (holds.get(file) === entry) holds.delete(file);
          release();
        },
      };
      holds.set(file, entry);
      return { requested: asked, release: entry.release };
    },
    fail(file, status) {
      failures.set(file, status);
    },
    async close() {
      for (const hold of [...holds.values()]) hold.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
