// Where uploaded evidence files live: content-addressed by SHA-256, so a name never comes from a user
// and the same content is kept once. A local folder by default; an object store could stand in for it
// behind the same interface when several API processes share the files.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredFile {
  /** SHA-256 of the content, lowercase hex: also its storage key. */
  sha256: string;
  size: number;
  /** False when the same content was already stored. */
  created: boolean;
}

export interface FileStore {
  /** Stores content under its SHA-256, atomically; storing the same content again changes nothing. */
  put(content: Uint8Array): Promise<StoredFile>;
  /** The size of stored content, or null when there is none under this key. */
  size(sha256: string): Promise<number | null>;
  /** Reads stored content. */
  read(sha256: string): Readable;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Files in `dir` as `<dir>/<first 2 hex>/<sha256>`. */
export function localFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const pathOf = (sha256: string) => {
    if (!sha256Pattern.test(sha256)) throw new Error(`Not a SHA-256 storage key: ${JSON.stringify(sha256)}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  const size = async (sha256: string) => {
    try {
      const info = await stat(pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  return {
    size,
    read: (sha256) => createReadStream(pathOf(sha256)),
    async put(content) {
      const sha256 = sha256Of(content);
      const target = pathOf(sha256);
      if ((await size(sha256)) === content.byteLength) return { sha256, size: content.byteLength, created: false };
      await mkdir(path.dirname(target), { recursive: true });
      // Written whole to a temporary name beside the target, then renamed: a reader sees all or nothing.
      // Two uploads of the same content may race here; both renames put the same bytes in place.
      const temporary = path.join(path.dirname(target), `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await open(temporary, 'wx', 0o640);
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { sha256, size: content.byteLength, created: true };
    },
  };
}
