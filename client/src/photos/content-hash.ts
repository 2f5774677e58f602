/**
 * The name photo bytes go by everywhere (the photoBytes table, the server's `PUT`/`GET`, the
 * export's `photos/<hash>.<ext>`): their SHA-256, lower-case hex. No DOM: the pipeline, the
 * export import and the tests share it.
 */
export async function sha256Hex(bytes: Blob | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer());
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
