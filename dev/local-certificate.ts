import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { fromProjectRoot } from '../model/project-paths.ts';

// The local server's certificate for 127.0.0.1 and localhost. Amplify JS v6
// opens subscriptions on wss:// whatever the endpoint's scheme, so the local
// server answers TLS on its port too (docs/subscriptions.md). Kept across
// restarts, so that a browser or NODE_EXTRA_CA_CERTS trusts it once.

/** PEM texts, as the local server's `tls` option takes them. */
export interface LocalCertificate {
  key: string;
  cert: string;
}

/** Where `npm run dev` keeps it (gitignored, beside the user pool's keys). */
export const LOCAL_CERTIFICATE_DIR = fromProjectRoot('.local/tls');

/** A new self-signed certificate (EC P-256, a year). */
export async function newLocalCertificate(): Promise<LocalCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The certificate in `directory` (cert.pem, key.pem), made there first if there is none. */
export async function loadLocalCertificate(directory = LOCAL_CERTIFICATE_DIR): Promise<LocalCertificate> {
  const certFile = join(directory, 'cert.pem');
  const keyFile = join(directory, 'key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  }
  const certificate = await newLocalCertificate();
  mkdirSync(directory, { recursive: true });
  writeFileSync(keyFile, certificate.key, { mode: 0o600 });
  writeFileSync(certFile, certificate.cert);
  return certificate;
}
