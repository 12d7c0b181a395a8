import { describe, expect, it } from 'vitest';
import { chromiumExecutable } from './chromium.ts';

describe('chromiumExecutable', () => {
  it('uses the Chromium that CHROMIUM_PATH names', async () => {
    expect(await chromiumExecutable({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it('says what to do when CHROMIUM_PATH names no file', async () => {
    await expect(chromiumExecutable({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      'CHROMIUM_PATH=/nonexistent/chromium: no such file; unset it to use the npm-packaged Chromium',
    );
  });
});
