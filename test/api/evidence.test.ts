// Evidence (minh chứng) through the API: document and link references, file uploads checked by their
// content and stored under their hash, downloads behind a session, and the committee's review.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../api/services/file-store.ts';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi, type UploadPart } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const evidenceFields = `id kind title documentNumber documentDate issuer url fileSha256 fileSize mimeType fileName
  downloadUrl reviewStatus reviewNote reviewedAt version submittedAt submittedBy { username } reviewedBy { username }`;

const addEvidence = `mutation ($taskId: ID!, $input: AddEvidenceInput!) {
  addEvidence(taskId: $taskId, input: $input) { ${evidenceFields} }
}`;
const uploadEvidence = `mutation ($taskId: ID!, $title: String!, $file: File!) {
  uploadEvidence(taskId: $taskId, title: $title, file: $file) { ${evidenceFields} }
}`;
const reviewEvidence = `mutation ($id: ID!, $version: Int!, $decision: EvidenceDecision!, $note: String) {
  reviewEvidence(id: $id, version: $version, decision: $decision, note: $note) { ${evidenceFields} }
}`;

interface EvidenceView {
  id: string;
  kind: string;
  title: string;
  documentNumber: string | null;
  documentDate: string | null;
  issuer: string | null;
  url: string | null;
  fileSha256: string | null;
  fileSize: number | null;
  mimeType: string | null;
  fileName: string | null;
  version: number;
  downloadUrl: string | null;
  reviewStatus: string;
  reviewNote: string | null;
  reviewedAt: string | null;
  submittedAt: string;
  submittedBy: { username: string } | null;
  reviewedBy: { username: string } | null;
}

// Tiny but real files, built here.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 PNG of one colour. */
function png(red: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, red, 0x80, 0x40]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const storedName = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

describe.each(databaseKinds)('evidence of tasks on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  /** The temporary folder holding the file store, which sits two levels down in it. */
  let root: string;
  let filesDir: string;
  const tokens: Record<string, string> = {};
  const g = (type: string, id: number) => `${type}:${id}`;
  const as = (username: string) => tokens[username] as string;
  let taskId: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'par-evidence-'));
    filesDir = path.join(root, 'files', 'store');
    mkdirSync(filesDir, { recursive: true });
    api = await startTestApi(kind, { env: { FILES_DIR: filesDir } });
    fixture = await loadFixture(api.db.prisma);
    for (const username of ['admin', 'committee', 'head.pnv', 'head.annhon', 'analyst']) {
      tokens[username] = await api.signIn(username);
    }
    taskId = g('Task', fixture.tasks.overdue.id);
  });
  afterAll(async () => {
    await api.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Row counts of what a mutation writes. */
  const counts = async () => ({
    evidence: await api.db.prisma.evidence.count(),
    events: await api.db.prisma.taskEvent.count(),
    audit: await api.db.prisma.auditEntry.count(),
  });

  /** Runs a change and checks that it wrote exactly one timeline event and one audit row. */
  async function once<T>(change: () => Promise<T>, newEvidence: 0 | 1): Promise<T> {
    const before = await counts();
    const result = await change();
    expect(await counts()).toEqual({
      evidence: before.evidence + newEvidence,
      events: before.events + 1,
      audit: before.audit + 1,
    });
    return result;
  }

  /** Runs a refused change and checks that it left the database and the file store as they were. */
  async function refused(change: () => Promise<unknown>): Promise<void> {
    const before = await snapshotDatabase(api.db.prisma);
    const files = filesUnder(root);
    await change();
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    expect(filesUnder(root)).toEqual(files);
  }

  const upload = (part: UploadPart, who = 'head.pnv', task = taskId, title = 'Minh chứng tải lên') =>
    api.upload<{ uploadEvidence: EvidenceView }>(uploadEvidence, { taskId: task, title }, { file: part }, as(who));

  const document = {
    kind: 'DOCUMENT',
    title: 'Quyết định ban hành quy trình một cửa',
    documentNumber: '125/QĐ-UBND',
    documentDate: '2026-03-05',
    issuer: 'UBND huyện Đạ Tẻh',
  };
  const link = { kind: 'LINK', title: 'Trang dịch vụ công', url: 'https://dichvucong.lamdong.gov.vn/thu-tuc?id=12' };

  describe('documents and links', () => {
    it('adds a document, pending review, with one timeline event and one audit row', async () => {
      const evidence = await once(
        async () =>
          ok(await api.gql<{ addEvidence: EvidenceView }>(addEvidence, { taskId, input: document }, as('head.pnv')))
            .addEvidence,
        1,
      );
      expect(evidence).toMatchObject({
        kind: 'DOCUMENT',
        title: document.title,
        documentNumber: '125/QĐ-UBND',
        documentDate: '2026-03-05',
        issuer: 'UBND huyện Đạ Tẻh',
        url: null,
        downloadUrl: null,
        reviewStatus: 'PENDING',
        submittedBy: { username: 'head.pnv' },
        submittedAt: '2026-03-10T03:00:00.000Z',
      });
      const event = await api.db.prisma.taskEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(event).toMatchObject({
        taskId: fixture.tasks.overdue.id,
        type: 'EVIDENCE_ADDED',
        actorId: fixture.accounts.head.id,
        at: new Date('2026-03-10T03:00:00Z'),
        changes: { evidence: { before: null, after: document.title } },
        note: document.title,
      });
      const audit = await api.db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({
        operation: 'addEvidence',
        action: 'CREATE',
        entity: 'Evidence',
        entityId: Number(evidence.id.split(':')[1]),
        actorId: fixture.accounts.head.id,
      });
    });

    it('adds a link', async () => {
      const evidence = ok(
        await api.gql<{ addEvidence: EvidenceView }>(addEvidence, { taskId, input: link }, as('admin')),
      ).addEvidence;
      expect(evidence).toMatchObject({ kind: 'LINK', url: link.url, documentNumber: null, downloadUrl: null });
    });

    it('lets the head of a supporting unit add evidence', async () => {
      const supported = g('Task', fixture.tasks.dueSoon.id);
      ok(await api.gql(addEvidence, { taskId: supported, input: link }, as('head.pnv')));
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      [
        'a document without its number, date and issuer',
        { kind: 'DOCUMENT', title: 'Báo cáo' },
        ['input.documentNumber', 'input.documentDate', 'input.issuer'],
      ],
      ['a document with a blank number', { ...document, documentNumber: '   ' }, ['input.documentNumber']],
      ['a document with a url', { ...document, url: 'https://example.org/' }, ['input.url']],
      ['an empty title', { ...document, title: '  ' }, ['input.title']],
      ['a title over 500 characters', { ...document, title: 'x'.repeat(501) }, ['input.title']],
      ['a link without its url', { kind: 'LINK', title: 'Trang' }, ['input.url']],
      ['a javascript: link', { ...link, url: 'javascript:alert(1)' }, ['input.url']],
      ['an ftp link', { ...link, url: 'ftp://example.org/file.pdf' }, ['input.url']],
      ['a link without a host', { ...link, url: 'https://' }, ['input.url']],
      ['a link over 2000 characters', { ...link, url: `https://example.org/${'a'.repeat(1990)}` }, ['input.url']],
      ['a link with a document number', { ...link, documentNumber: '1/QĐ' }, ['input.documentNumber']],
      ['a file through addEvidence', { kind: 'FILE', title: 'Tệp' }, ['input.kind']],
    ])('refuses %s, naming the field, and writes nothing', async (_label, input, fields) => {
      await refused(async () => {
        const result = await api.gql(addEvidence, { taskId, input }, as('head.pnv'));
        for (const field of fields) expectError(result, 'BAD_USER_INPUT', field);
      });
    });

    it('refuses the analyst and the head of another unit, writing nothing', async () => {
      await refused(async () => {
        expectError(await api.gql(addEvidence, { taskId, input: document }, as('analyst')), 'FORBIDDEN');
        expectError(await api.gql(addEvidence, { taskId, input: document }, as('head.annhon')), 'FORBIDDEN');
        expectError(await api.gql(addEvidence, { taskId, input: document }, as('committee')), 'FORBIDDEN');
        expectError(await api.gql(addEvidence, { taskId, input: document }), 'UNAUTHENTICATED');
      });
    });

    it('refuses evidence for a completed task (INVALID_TRANSITION) and for a task that does not exist', async () => {
      await refused(async () => {
        const completed = g('Task', fixture.tasks.onTime.id);
        expectError(
          await api.gql(addEvidence, { taskId: completed, input: document }, as('admin')),
          'INVALID_TRANSITION',
        );
        expectError(await api.gql(addEvidence, { taskId: 'Task:999999', input: document }, as('admin')), 'NOT_FOUND');
        expectError(
          await api.gql(addEvidence, { taskId: 'Unit:1', input: document }, as('admin')),
          'BAD_USER_INPUT',
          'taskId',
        );
      });
    });
  });

  describe('uploads', () => {
    it('stores a PDF under its SHA-256, with the type read from its content', async () => {
      const evidence = await once(
        async () =>
          ok(await upload({ content: pdf, name: 'Báo cáo quý 1.pdf', type: 'application/octet-stream' }))
            .uploadEvidence,
        1,
      );
      const sha256 = sha256Of(pdf);
      expect(evidence).toMatchObject({
        kind: 'FILE',
        title: 'Minh chứng tải lên',
        fileSha256: sha256,
        fileSize: pdf.length,
        mimeType: 'application/pdf',
        fileName: 'Báo cáo quý 1.pdf',
        downloadUrl: `/files/evidence/${evidence.id.split(':')[1]}`,
        reviewStatus: 'PENDING',
      });
      expect(readFileSync(path.join(filesDir, sha256.slice(0, 2), sha256))).toEqual(pdf);
      const event = await api.db.prisma.taskEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(event).toMatchObject({ type: 'EVIDENCE_ADDED', note: 'Minh chứng tải lên' });
    });

    it('keeps the detected type of a PNG, never the type the client claims', async () => {
      const image = png(0x11);
      const evidence = ok(await upload({ content: image, name: 'anh-chup.png', type: 'text/html' })).uploadEvidence;
      expect(evidence).toMatchObject({ mimeType: 'image/png', fileSize: image.length, fileName: 'anh-chup.png' });
    });

    it('stores the same content once, however often and under whatever name it comes', async () => {
      const image = png(0x22);
      const sha256 = sha256Of(image);
      const first = ok(await upload({ content: image, name: 'mot.png' })).uploadEvidence;
      const second = ok(await upload({ content: image, name: 'hai.png' }, 'admin')).uploadEvidence;
      expect(first.id).not.toBe(second.id);
      expect([first.fileSha256, second.fileSha256]).toEqual([sha256, sha256]);
      expect(filesUnder(filesDir).filter((file) => file.endsWith(sha256))).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
    });

    it.each<[string, UploadPart]>([
      ['plain text named .pdf', { content: 'Đây không phải là PDF\n', name: 'bao-cao.pdf', type: 'application/pdf' }],
      ['an HTML page', { content: '<!doctype html><html><script>alert(1)</script></html>', name: 'x.html' }],
      ['a Windows executable', { content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]), name: 'setup.pdf' }],
      [
        'an SVG image',
        {
          content: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
          name: 'logo.svg',
          type: 'image/svg+xml',
        },
      ],
      ['an empty file', { content: '', name: 'rong.pdf' }],
    ])('refuses %s, naming the file and what is accepted, writing nothing', async (_label, part) => {
      await refused(async () => {
        const error = expectError(await upload(part), 'BAD_USER_INPUT', 'file');
        if (part.content.length > 0) expect(error.message).toMatch(/PDF, PNG, JPEG.*DOC\/XLS/);
      });
    });

    it.each<[string, string, UploadPart['content'], string]>([
      ['a path up and out', '../../etc/passwd.pdf', pdf, 'passwd.pdf'],
      ['a Windows path', '..\\..\\boot.ini.png', png(0x33), 'boot.ini.png'],
      ['control characters', 'bao\u0000cao\t\u0007\u001b.pdf', pdf, 'baocao.pdf'],
      ['a bidi override disguising the extension', 'hoa-don\u202Efdp.exe', pdf, 'hoa-donfdp.exe.pdf'],
      ['an HTML name on a PNG', 'trang.html', png(0x55), 'trang.html.png'],
      ['a very long name', `${'ả'.repeat(300)}.pdf`, pdf, `${'ả'.repeat(251)}.pdf`],
    ])('stores %s under its hash only and shows a clean name', async (_label, name, content, shown) => {
      const evidence = ok(await upload({ content, name })).uploadEvidence;
      expect(evidence.fileName).toBe(shown);
      expect(filesUnder(root).every((file) => file.startsWith('files/store/'))).toBe(true);
      expect(filesUnder(filesDir).every((file) => storedName.test(file))).toBe(true);
    });

    it('refuses the analyst and the head of another unit before storing anything', async () => {
      await refused(async () => {
        expectError(await upload({ content: png(0x66), name: 'a.png' }, 'analyst'), 'FORBIDDEN');
        expectError(await upload({ content: png(0x66), name: 'a.png' }, 'head.annhon'), 'FORBIDDEN');
        const completed = g('Task', fixture.tasks.onTime.id);
        expectError(await upload({ content: png(0x66), name: 'a.png' }, 'admin', completed), 'INVALID_TRANSITION');
        expectError(
          await upload({ content: png(0x66), name: 'a.png' }, 'head.pnv', taskId, ''),
          'BAD_USER_INPUT',
          'title',
        );
      });
    });

    it('refuses a file sent as a plain variable rather than a multipart part', async () => {
      await refused(async () => {
        expectError(
          await api.gql(uploadEvidence, { taskId, title: 'x', file: 'JVBERi0=' }, as('admin')),
          'BAD_USER_INPUT',
        );
      });
    });
  });

  describe('downloads', () => {
    let file: EvidenceView;
    beforeAll(async () => {
      file = ok(await upload({ content: pdf, name: 'Báo cáo quý 1 (bản chính).pdf' })).uploadEvidence;
    });

    it('sends the stored bytes to a signed-in account, as an attachment that cannot run', async () => {
      const response = await api.download(file.downloadUrl as string, as('analyst'));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'x-content-type-options': 'nosniff',
        'content-security-policy': 'sandbox',
        'cache-control': 'private, no-store',
        'content-disposition':
          'attachment; filename="Bao cao quy 1 (ban chinh).pdf"; ' +
          "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%201%20%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf",
      });
    });

    it('keeps a Vietnamese name exact in filename*', async () => {
      const plain = ok(await upload({ content: png(0x77), name: 'Báo cáo quý 1.pdf.png' })).uploadEvidence;
      const response = await api.download(plain.downloadUrl as string, as('committee'));
      const disposition = response.headers.get('content-disposition') as string;
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] as string;
      expect(decodeURIComponent(encoded)).toBe('Báo cáo quý 1.pdf.png');
      expect(disposition).toContain('filename="Bao cao quy 1.pdf.png"');
    });

    it('asks for a session: 401 without one or with one that is not live', async () => {
      for (const token of [null, 'not-a-token', 'x'.repeat(43)]) {
        const response = await api.download(file.downloadUrl as string, token);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    });

    it('answers 404 for unknown evidence and for evidence that is not a file', async () => {
      const linkEvidence = ok(
        await api.gql<{ addEvidence: EvidenceView }>(addEvidence, { taskId, input: link }, as('admin')),
      ).addEvidence;
      for (const url of [
        '/files/evidence/999999',
        `/files/evidence/${linkEvidence.id.split(':')[1]}`,
        '/files/evidence/x',
      ]) {
        expect((await api.download(url, as('admin'))).status).toBe(404);
      }
    });
  });

  describe('review', () => {
    const newEvidence = async (task = taskId) =>
      ok(await api.gql<{ addEvidence: EvidenceView }>(addEvidence, { taskId: task, input: document }, as('head.pnv')))
        .addEvidence;

    it('lists REVIEW on a piece of evidence for the reviewers while the task is open, for no one after', async () => {
      const evidence = await newEvidence();
      const allowed = async (who: string) =>
        ok(
          await api.gql<{ node: { allowedActions: string[] } }>(
            'query ($id: ID!) { node(id: $id) { ... on Evidence { allowedActions } } }',
            { id: evidence.id },
            as(who),
          ),
        ).node.allowedActions;
      const byRole = async () =>
        Object.fromEntries(
          await Promise.all(
            ['admin', 'committee', 'head.pnv', 'head.annhon', 'analyst'].map(async (who) => [who, await allowed(who)]),
          ),
        );
      expect(await byRole()).toEqual({
        admin: ['REVIEW'],
        committee: ['REVIEW'],
        'head.pnv': [],
        'head.annhon': [],
        analyst: [],
      });
      // Reviewed evidence can be reviewed again while the task is open.
      ok(await api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'ACCEPTED' }, as('committee')));
      expect(await allowed('committee')).toEqual(['REVIEW']);
      // On a closed task nobody reviews; the task's page lists the same through its evidence.
      const closedTask = fixture.tasks.onTime.id;
      const closed = await api.db.prisma.evidence.create({
        data: {
          taskId: closedTask,
          kind: 'LINK',
          title: 'Minh chứng cũ',
          url: 'https://example.org/cu',
          submittedById: fixture.accounts.head.id,
          submittedAt: new Date('2026-02-01T00:00:00Z'),
        },
      });
      const page = ok(
        await api.gql<{ node: { evidence: { id: string; allowedActions: string[] }[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on Task { evidence { id allowedActions } } } }',
          { id: g('Task', closedTask) },
          as('admin'),
        ),
      ).node;
      expect(page.evidence.find((e) => e.id === g('Evidence', closed.id))?.allowedActions).toEqual([]);
    });

    it('accepts evidence, naming the reviewer, with one timeline event and one audit row', async () => {
      const evidence = await newEvidence();
      const reviewed = await once(
        async () =>
          ok(
            await api.gql<{ reviewEvidence: EvidenceView }>(
              reviewEvidence,
              { id: evidence.id, version: 1, decision: 'ACCEPTED' },
              as('committee'),
            ),
          ).reviewEvidence,
        0,
      );
      expect(reviewed).toMatchObject({
        reviewStatus: 'ACCEPTED',
        reviewedBy: { username: 'committee' },
        reviewedAt: '2026-03-10T03:00:00.000Z',
        reviewNote: null,
      });
      const event = await api.db.prisma.taskEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(event).toMatchObject({
        type: 'EVIDENCE_REVIEWED',
        actorId: fixture.accounts.committee.id,
        changes: { reviewStatus: { before: 'PENDING', after: 'ACCEPTED' } },
        note: null,
      });
      const audit = await api.db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({ operation: 'reviewEvidence', action: 'UPDATE', entity: 'Evidence' });
      expect(audit.changes).toMatchObject({ reviewStatus: { before: 'PENDING', after: 'ACCEPTED' } });
    });

    it('rejects evidence only with a note, which the timeline keeps', async () => {
      const evidence = await newEvidence();
      await refused(async () => {
        for (const note of [undefined, null, '   ']) {
          expectError(
            await api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'REJECTED', note }, as('committee')),
            'BAD_USER_INPUT',
            'note',
          );
        }
        expectError(
          await api.gql(
            reviewEvidence,
            { id: evidence.id, version: 1, decision: 'REJECTED', note: 'x'.repeat(2001) },
            as('admin'),
          ),
          'BAD_USER_INPUT',
          'note',
        );
      });
      const reviewed = await once(
        async () =>
          ok(
            await api.gql<{ reviewEvidence: EvidenceView }>(
              reviewEvidence,
              { id: evidence.id, version: 1, decision: 'REJECTED', note: 'Sai số hiệu văn bản' },
              as('admin'),
            ),
          ).reviewEvidence,
        0,
      );
      expect(reviewed).toMatchObject({ reviewStatus: 'REJECTED', reviewNote: 'Sai số hiệu văn bản' });
      const event = await api.db.prisma.taskEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(event).toMatchObject({
        type: 'EVIDENCE_REVIEWED',
        changes: { reviewStatus: { before: 'PENDING', after: 'REJECTED' } },
        note: 'Sai số hiệu văn bản',
      });
    });

    it('names the version it read: an outdated one gets CONFLICT and changes nothing', async () => {
      const evidence = await newEvidence();
      expect(evidence.version).toBe(1);
      const accepted = ok(
        await api.gql<{ reviewEvidence: EvidenceView }>(
          reviewEvidence,
          { id: evidence.id, version: 1, decision: 'ACCEPTED' },
          as('committee'),
        ),
      ).reviewEvidence;
      expect(accepted).toMatchObject({ reviewStatus: 'ACCEPTED', version: 2 });
      await refused(async () => {
        const stale = { id: evidence.id, version: 1, decision: 'REJECTED', note: 'Sai số hiệu' };
        const error = expectError(await api.gql(reviewEvidence, stale, as('admin')), 'CONFLICT');
        expect(error.extensions?.currentVersion).toBe(2);
      });
      const rejected = ok(
        await api.gql<{ reviewEvidence: EvidenceView }>(
          reviewEvidence,
          { id: evidence.id, version: 2, decision: 'REJECTED', note: 'Sai số hiệu' },
          as('admin'),
        ),
      ).reviewEvidence;
      expect(rejected).toMatchObject({ reviewStatus: 'REJECTED', version: 3 });
    });

    it('lets only one of two reviewers deciding at once succeed; the other gets CONFLICT', async () => {
      for (let round = 0; round < 5; round += 1) {
        const evidence = await newEvidence();
        const events = await api.db.prisma.taskEvent.count({ where: { type: 'EVIDENCE_REVIEWED' } });
        const results = await Promise.all([
          api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'ACCEPTED' }, as('committee')),
          api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'REJECTED', note: 'Giả mạo' }, as('admin')),
        ]);
        const [winner, loser] = results[0].errors ? [results[1], results[0]] : [results[0], results[1]];
        ok(winner);
        expect(expectError(loser, 'CONFLICT').extensions?.currentVersion).toBe(2);
        const stored = await api.db.prisma.evidence.findUniqueOrThrow({
          where: { id: Number(evidence.id.split(':')[1]) },
        });
        expect(stored.version).toBe(2);
        expect(await api.db.prisma.taskEvent.count({ where: { type: 'EVIDENCE_REVIEWED' } })).toBe(events + 1);
      }
    });

    it('is for the committee and the secretariat only', async () => {
      const evidence = await newEvidence();
      await refused(async () => {
        for (const who of ['analyst', 'head.pnv', 'head.annhon']) {
          expectError(
            await api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'ACCEPTED' }, as(who)),
            'FORBIDDEN',
          );
        }
        expectError(
          await api.gql(reviewEvidence, { id: evidence.id, version: 1, decision: 'ACCEPTED' }),
          'UNAUTHENTICATED',
        );
      });
    });

    it('refuses a review once the task is completed, and unknown evidence', async () => {
      const onCompleted = await api.db.prisma.evidence.create({
        data: { taskId: fixture.tasks.onTime.id, kind: 'LINK', title: 'Cũ', url: 'https://example.org/' },
      });
      await refused(async () => {
        expectError(
          await api.gql(
            reviewEvidence,
            { id: g('Evidence', onCompleted.id), version: 1, decision: 'ACCEPTED' },
            as('committee'),
          ),
          'INVALID_TRANSITION',
        );
        expectError(
          await api.gql(reviewEvidence, { id: 'Evidence:999999', version: 1, decision: 'ACCEPTED' }, as('committee')),
          'NOT_FOUND',
        );
        expectError(
          await api.gql(reviewEvidence, { id: taskId, version: 1, decision: 'ACCEPTED' }, as('committee')),
          'BAD_USER_INPUT',
          'id',
        );
      });
    });
  });
});

describe.each(databaseKinds)('upload limits on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let filesDir: string;
  let token: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'par-limits-'));
    api = await startTestApi(kind, { env: { FILES_DIR: filesDir, MAX_UPLOAD_MB: '1' } });
    fixture = await loadFixture(api.db.prisma);
    token = await api.signIn('head.pnv');
    server = createServer(api.app.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('refuses a file of 1 MB and 1 byte when the limit is 1 MB, naming the file and writing nothing', async () => {
    const before = await snapshotDatabase(api.db.prisma);
    const content = Buffer.alloc(1024 * 1024 + 1);
    content.set(pdf);
    const result = await api.upload(
      uploadEvidence,
      { taskId: `Task:${fixture.tasks.overdue.id}`, title: 'Quá lớn' },
      { file: { content, name: 'lon.pdf' } },
      token,
    );
    expect(expectError(result, 'BAD_USER_INPUT', 'file').message).toMatch(/1 MB/);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    expect(filesUnder(filesDir)).toEqual([]);
  });

  it('accepts a file of exactly 1 MB', async () => {
    const content = Buffer.alloc(1024 * 1024);
    content.set(pdf);
    const result = await api.upload<{ uploadEvidence: EvidenceView }>(
      uploadEvidence,
      { taskId: `Task:${fixture.tasks.overdue.id}`, title: 'Vừa đủ' },
      { file: { content, name: 'vua.pdf' } },
      token,
    );
    expect(ok(result).uploadEvidence.fileSize).toBe(1024 * 1024);
  });

  it('answers 413 to an oversized multipart request before its body has arrived (Node server)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'multipart/form-data; boundary=xyz',
          'content-length': String(3 * 1024 * 1024),
          authorization: `Bearer ${token}`,
        },
      });
      req.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      // Only the start of the announced 3 MB is ever sent.
      req.write('--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n');
    });
    expect(status).toBe(413);
    expect(filesUnder(filesDir).length).toBeLessThanOrEqual(1);
  });

  it('stops reading a streamed (chunked) multipart request at the limit, even before sign-in (Node server)', async () => {
    const before = await snapshotDatabase(api.db.prisma);
    const boundary = 'chunked-boundary';
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n`,
      JSON.stringify({
        query: uploadEvidence,
        variables: { taskId: `Task:${fixture.tasks.overdue.id}`, title: 'x', file: null },
      }),
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}`,
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ].join('');
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write(head);
      req.write(pdf);
      for (let i = 0; i < 48; i++) req.write(Buffer.alloc(64 * 1024, 0x41));
      req.end(`\r\n--${boundary}--\r\n`);
    });
    expect(status).toBe(413);
    expect(body).toMatch(/limit/i);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('takes uploads and serves downloads through the Node server too', async () => {
    const image = png(0x12);
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: uploadEvidence,
        variables: { taskId: `Task:${fixture.tasks.overdue.id}`, title: 'Ảnh', file: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'Ảnh chụp.png');
    const uploaded = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const evidence = ok((await uploaded.json()) as GraphQLResult<{ uploadEvidence: EvidenceView }>).uploadEvidence;
    expect(evidence).toMatchObject({ mimeType: 'image/png', fileName: 'Ảnh chụp.png', fileSize: image.length });

    const url = `http://127.0.0.1:${port}${evidence.downloadUrl}`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(image.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%E1%BA%A2nh%20ch%E1%BB%A5p.png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(image);
  });
});
