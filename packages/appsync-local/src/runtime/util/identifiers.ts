// The ID generators of `util`: a UUID v4, a ULID (48-bit millisecond time then
// 80 random bits, Crockford base32, 26 characters) and a KSUID (32-bit seconds
// since the KSUID epoch then 128 random bits, base62, 27 characters).
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

import { randomBytes, randomUUID } from 'node:crypto';

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 2014-05-13T16:53:20Z, the epoch of the KSUID specification (segmentio/ksuid). */
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_LENGTH = 27;

export function autoId(): string {
  return randomUUID();
}

/** `value` in exactly `digits` characters of `alphabet`, most significant first. */
function encodeBigInt(value: bigint, alphabet: string, digits: number): string {
  const base = BigInt(alphabet.length);
  let remaining = value;
  let encoded = '';
  for (let index = 0; index < digits; index += 1) {
    encoded = alphabet[Number(remaining % base)] + encoded;
    remaining /= base;
  }
  return encoded;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

export function autoUlid(nowMs: number = Date.now()): string {
  return encodeBigInt(BigInt(nowMs), CROCKFORD_BASE32, 10) + encodeBigInt(bytesToBigInt(randomBytes(10)), CROCKFORD_BASE32, 16);
}

export function autoKsuid(nowMs: number = Date.now()): string {
  const payload = Buffer.alloc(20);
  payload.writeUInt32BE(Math.floor(nowMs / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(payload, 4);
  return encodeBigInt(bytesToBigInt(payload), BASE62, KSUID_LENGTH);
}
