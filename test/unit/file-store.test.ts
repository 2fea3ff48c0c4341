// The evidence file store and the names shown for uploads: content-addressed, atomic, deduplicated;
// display names that cannot point anywhere or pretend to be another type.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition } from '../../api/evidence-files.ts';
import { acceptedFileTypes, displayFileName } from '../../api/services/evidence.ts';
import { localFileStore, sha256Of } from '../../api/services/file-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newStore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'par-store-'));
  dirs.push(dir);
  return { dir, store: localFileStore(dir) };
}

describe('the local file store', () => {
  it('stores content as <dir>/<first 2 hex>/<sha256>, leaving no temporary file', async () => {
    const { dir, store } = newStore();
    const content = new TextEncoder().encode('minh chứng');
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: sha256Of(content), size: content.byteLength, created: true });
    const file = path.join(dir, stored.sha256.slice(0, 2), stored.sha256);
    expect(readFileSync(file)).toEqual(Buffer.from(content));
    expect(readdirSync(path.dirname(file))).toEqual([stored.sha256]);
    expect(await store.size(stored.sha256)).toBe(content.byteLength);
  });

  it('keeps the same content once, also when stored concurrently', async () => {
    const { dir, store } = newStore();
    const content = new Uint8Array([1, 2, 3, 4]);
    const results = await Promise.all(Array.from({ length: 5 }, () => store.put(content)));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect((await store.put(content)).created).toBe(false);
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).includes(path.sep))).toHaveLength(1);
  });

  it('reads back what it stored, and knows what it does not have', async () => {
    const { store } = newStore();
    const { sha256 } = await store.put(new Uint8Array([9, 8, 7]));
    const chunks: Buffer[] = [];
    for await (const chunk of store.read(sha256)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([9, 8, 7]));
    expect(await store.size('0'.repeat(64))).toBeNull();
  });

  it('refuses keys that are not SHA-256 hex, so a key can never be a path', async () => {
    const { store } = newStore();
    await expect(store.size('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    expect(() => store.read(`${'a'.repeat(63)}/`)).toThrow(/SHA-256/);
  });
});

describe('the display name of an upload', () => {
  const pdf = acceptedFileTypes['application/pdf']!;
  const png = acceptedFileTypes['image/png']!;
  const cfb = acceptedFileTypes['application/x-cfb']!;

  it.each<[string | undefined, typeof pdf, string]>([
    ['Báo cáo quý 1.pdf', pdf, 'Báo cáo quý 1.pdf'],
    ['Ba\u0301o ca\u0301o.pdf', pdf, 'Báo cáo.pdf'], // decomposed (macOS) becomes composed
    ['../../etc/passwd.pdf', pdf, 'passwd.pdf'],
    ['..\\..\\boot.ini.png', png, 'boot.ini.png'],
    ['C:\\Users\\a\\scan.PDF', pdf, 'scan.PDF'],
    ['bao\u0000cao\r\n\u0007.pdf', pdf, 'baocao.pdf'],
    ['hoa-don\u202Efdp.exe', pdf, 'hoa-donfdp.exe.pdf'],
    ['\u2066x\u2069.pdf', pdf, 'x.pdf'],
    ['trang.html', png, 'trang.html.png'],
    ['scan', pdf, 'scan.pdf'],
    ['bang-luong.xls', cfb, 'bang-luong.xls'],
    ['setup.msi', cfb, 'setup.msi.doc'],
    ['  report  .pdf', pdf, 'report.pdf'],
    ['..', pdf, 'file.pdf'],
    ['.pdf', pdf, 'file.pdf'],
    ['/', png, 'file.png'],
    ['', png, 'file.png'],
    [undefined, pdf, 'file.pdf'],
  ])('shows %j as %j', (name, type, shown) => {
    expect(displayFileName(name, type)).toBe(shown);
  });

  it('is at most 255 characters, keeping the extension', () => {
    const shown = displayFileName(`${'ệ'.repeat(400)}.pdf`, pdf);
    expect(Array.from(shown)).toHaveLength(255);
    expect(shown.endsWith('ệ.pdf')).toBe(true);
    expect(Array.from(displayFileName('a'.repeat(300), pdf))).toHaveLength(255);
  });
});

describe('the Content-Disposition of a download', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('Báo cáo quý 1.pdf')).toBe(
      'attachment; filename="Bao cao quy 1.pdf"; filename*=UTF-8\'\'B%C3%A1o%20c%C3%A1o%20qu%C3%BD%201.pdf',
    );
    expect(asciiFileName('Đề án "số hoá" 100%\\.docx')).toBe('De an _so hoa_ 100__.docx');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(contentDisposition("it's (a) *test*.pdf"))?.[1] as string;
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded)).toBe("it's (a) *test*.pdf");
  });
});
