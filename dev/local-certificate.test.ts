import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLocalCertificate } from './local-certificate.ts';

const directory = mkdtempSync(join(tmpdir(), 'local-tls-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the local certificate (TLS=true)', () => {
  it('is made once for 127.0.0.1 and localhost, for server use, and kept, the key readable by its owner only', async () => {
    const first = await loadLocalCertificate(directory);
    const certificate = new X509Certificate(first.cert);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
    expect(statSync(join(directory, 'key.pem')).mode & 0o077).toBe(0);
    expect(await loadLocalCertificate(directory)).toEqual(first);
  });
});
