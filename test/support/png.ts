import { PNG } from 'pngjs';

/** Decodes a PNG, failing the test if the bytes are not one. */
export function decodePng(bytes: Buffer | Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}
