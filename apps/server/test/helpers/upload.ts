import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from './build-test-app';
import type { TestClient } from './test-client';

export const fixture = (name: string): Buffer =>
  fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name));

/**
 * Posts one file as multipart/form-data (field "file") with the client's cookies and CSRF token, the way
 * a browser does: the file name goes raw in UTF-8 in the part header.
 */
export async function uploadFile(
  t: TestApp,
  client: TestClient,
  url: string,
  filename: string,
  data: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = `----ccc-test-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const payload = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: client.ip,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    payload,
  });
}
