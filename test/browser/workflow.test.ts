// The accountability workflow through the built UI in Chromium, over the demo data: the head of Phòng
// Nội vụ opens a task the unit leads from "My unit", is refused a submission without evidence, adds
// evidence (a document reference and an uploaded PDF, downloaded back), meets a CONFLICT and reloads,
// and submits; an analyst sees no action; the committee finds the task in the review queue, reviews a
// piece of evidence and returns the task with a reason; the head sees the reason and resubmits; the
// committee accepts it as completed. Then a deadline extension is asked for and approved, and a user
// changes their password. Each step must show its new entry at the top of the task's timeline.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  browserTestsRun,
  demoPassword,
  connectBrowser,
  signIn,
  signOut,
  startServer,
  type TestServer,
} from './support.ts';

const runs = browserTestsRun('browser workflow test');

interface Task {
  id: string;
  title: string;
  version: number;
  progress: number;
}

/** A tiny but real PDF: the API judges a file by its content. */
const pdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/** Every button a task's page may offer; an analyst must see none of them. */
const actionButtons = [
  'Bắt đầu thực hiện',
  'Báo cáo tiến độ',
  'Gửi xét duyệt',
  'Công nhận hoàn thành',
  'Trả lại',
  'Hủy nhiệm vụ',
  'Sửa',
  'Thêm văn bản, liên kết',
  'Tải tệp lên',
  'Đề nghị gia hạn',
  'Gửi ý kiến',
  'Đạt',
  'Không đạt',
  'Chấp thuận',
  'Không chấp thuận',
  'Rút đề nghị',
];

describe.skipIf(!runs)('the accountability workflow in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let task: Task;
  let taskPath: string;
  const returnReason = 'Minh chứng chưa có chữ ký của lãnh đạo đơn vị, đề nghị bổ sung bản đã ký.';
  const documentTitle = 'Kế hoạch số 125/KH-PNV triển khai nhiệm vụ';
  const fileTitle = 'Báo cáo kết quả thực hiện (bản PDF)';

  const timeline = () => page.getByRole('region', { name: 'Quá trình xử lý' });

  /** Waits until the newest timeline entry shows all of these texts. */
  async function newestEntryShows(...texts: string[]): Promise<Locator> {
    let entry = timeline().getByRole('listitem').first();
    for (const text of texts) entry = entry.filter({ hasText: text });
    await entry.waitFor();
    return entry;
  }

  /** Opens the dialog of a button, lets `fill` complete it, confirms and waits for it to close. */
  async function inDialog(button: string, fill: (dialog: Locator) => Promise<void>, confirm = button) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async function openTask() {
    await page.goto(`${server.baseUrl}/#${taskPath}`);
    await page.getByRole('heading', { name: task.title, exact: true }).waitFor();
    // The task itself (not the list row) has loaded once its timeline shows.
    await timeline().getByRole('listitem').first().waitFor();
  }

  beforeAll(async () => {
    server = await startServer();
    const head = await server.token('head.pnv');
    const { me } = await server.graphql<{ me: { unit: { id: string } } }>('{ me { unit { id } } }', {}, head);
    const { tasks } = await server.graphql<{ tasks: { nodes: (Task & { evidenceCount: number })[] } }>(
      `query ($unit: ID!) {
        tasks(first: 50, filter: { leadUnit: { equals: $unit }, status: { in: [IN_PROGRESS] } }, orderBy: [{ field: DEADLINE }]) {
          nodes { id title version progress evidenceCount }
        }
      }`,
      { unit: me.unit.id },
      head,
    );
    // One with no evidence yet, so that submitting too early is refused.
    const found = tasks.nodes.find((candidate) => candidate.evidenceCount === 0);
    if (!found) throw new Error('the demo data has no task in progress without evidence led by the unit of head.pnv');
    task = found;
    taskPath = `/tasks/${encodeURIComponent(task.id)}/show`;
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the unit head finds the task under "My unit"; submitting without evidence is refused', async () => {
    await signIn(page, server.baseUrl, 'head.pnv');
    await page.getByRole('menuitem', { name: 'Đơn vị của tôi' }).click();
    await page.getByRole('cell', { name: task.title, exact: true }).click();
    await page.getByRole('heading', { name: task.title, exact: true }).waitFor();
    await timeline().getByRole('listitem').first().waitFor();

    await page.getByRole('button', { name: 'Gửi xét duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Gửi xét duyệt', exact: true }).click();
    // The server's own message, naming the field, in the notification; the dialog stays open.
    await page.getByText(/Dữ liệu chưa hợp lệ — Nhiệm vụ: Attach at least one piece of evidence/).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('adds a document reference', async () => {
    await inDialog('Thêm văn bản, liên kết', async (dialog) => {
      await dialog.getByLabel('Tên minh chứng').fill(documentTitle);
      await dialog.getByLabel('Số, ký hiệu').fill('125/KH-PNV');
      await dialog.getByLabel('Ngày văn bản').fill('2026-11-20');
      await dialog.getByLabel('Cơ quan ban hành').fill('Phòng Nội vụ huyện Đạ Tẻh');
    });
    await newestEntryShows('Bổ sung minh chứng', documentTitle);
    await page.getByRole('cell', { name: 'Số 125/KH-PNV · ngày 20/11/2026 · Phòng Nội vụ huyện Đạ Tẻh' }).waitFor();
  });

  test('uploads a PDF and downloads it back with the session', async () => {
    await inDialog('Tải tệp lên', async (dialog) => {
      await dialog.getByText('tối đa 20 MB').waitFor();
      await dialog.getByLabel('Tên minh chứng').fill(fileTitle);
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'bao-cao-ket-qua.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      });
    });
    await newestEntryShows('Bổ sung minh chứng', fileTitle);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bao-cao-ket-qua.pdf');
  });

  test('a report based on an outdated version is refused with a way to reload', async () => {
    // Someone else (the secretariat) reports progress meanwhile: the page's version is now old.
    const admin = await server.token('admin');
    await server.graphql(
      'mutation ($id: ID!, $version: Int!) { reportProgress(id: $id, version: $version, progress: 55, note: "Cập nhật từ Thư ký CCHC") { id } }',
      { id: task.id, version: (await currentVersion()) ?? task.version },
      admin,
    );

    await page.getByRole('button', { name: 'Báo cáo tiến độ', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tiến độ').fill('80');
    await dialog.getByLabel('Kết quả đã thực hiện').fill('Đã hoàn thành dự thảo báo cáo.');
    await dialog.getByRole('button', { name: 'Báo cáo tiến độ', exact: true }).click();
    await dialog.getByText('Dữ liệu vừa được người khác thay đổi').waitFor();
    await dialog.getByRole('button', { name: 'Tải lại' }).click();
    // The page behind the dialog is hidden from the accessibility tree: find the reloaded entry by CSS.
    await page.locator('li', { hasText: 'Cập nhật từ Thư ký CCHC' }).waitFor();
    // What was typed is still there: confirm again, now on the current version.
    await dialog.getByRole('button', { name: 'Báo cáo tiến độ', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await newestEntryShows('Báo cáo tiến độ', '55% → 80%', 'Đã hoàn thành dự thảo báo cáo.');
  });

  test('submits the task for review and signs out', async () => {
    await inDialog('Gửi xét duyệt', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Đã hoàn thành, gửi kèm kế hoạch và báo cáo.');
    });
    await newestEntryShows('Chuyển trạng thái', 'Chờ xét duyệt', 'Đã hoàn thành, gửi kèm kế hoạch và báo cáo.');
    expect(await page.getByRole('button', { name: 'Gửi xét duyệt', exact: true }).count()).toBe(0);
    await signOut(page);
  });

  test('an analyst sees the task but no action', async () => {
    await signIn(page, server.baseUrl, 'analyst');
    await openTask();
    await page.getByText(fileTitle).first().waitFor();
    for (const name of actionButtons) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole('textbox', { name: 'Ý kiến' }).count()).toBe(0);
    await signOut(page);
  });

  test('the committee finds the task in the review queue and returns it with a reason', async () => {
    await signIn(page, server.baseUrl, 'committee');
    await page.getByRole('menuitem', { name: 'Xét duyệt' }).click();
    const submitted = page.getByRole('region', { name: 'Nhiệm vụ chờ xét duyệt' });
    await submitted.getByRole('cell', { name: task.title, exact: true }).click();
    await page.getByRole('heading', { name: task.title, exact: true }).waitFor();
    await timeline().getByRole('listitem').first().waitFor();

    // The document is fine; the file is not: the reviewer says so on each piece.
    const documentRow = page.getByRole('row').filter({ hasText: documentTitle });
    await documentRow.getByRole('button', { name: 'Đạt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đạt', exact: true }).click();
    await newestEntryShows('Xem xét minh chứng', 'Chờ xem xét → Đạt yêu cầu');

    await inDialog('Trả lại', async (dialog) => {
      await dialog.getByLabel('Lý do').fill(returnReason);
    });
    await newestEntryShows('Chuyển trạng thái', 'Bị trả lại', returnReason);
    await signOut(page);
  });

  test('the unit head sees the reason and resubmits', async () => {
    await signIn(page, server.baseUrl, 'head.pnv');
    await openTask();
    await page.getByText('Nhiệm vụ bị trả lại. Lý do:').waitFor();
    await page.getByRole('alert').filter({ hasText: returnReason }).waitFor();

    await inDialog('Gửi xét duyệt', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Đã bổ sung bản có chữ ký.');
    });
    await newestEntryShows('Chuyển trạng thái', 'Chờ xét duyệt', 'Đã bổ sung bản có chữ ký.');
    await signOut(page);
  });

  test('the committee accepts it as completed', async () => {
    await signIn(page, server.baseUrl, 'committee');
    await openTask();
    await inDialog('Công nhận hoàn thành', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Đạt yêu cầu.');
    });
    await newestEntryShows('Chuyển trạng thái', 'Hoàn thành', 'Đạt yêu cầu.');
    const header = page.locator('header').filter({ hasText: task.title });
    await header.getByText('Hoàn thành', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Trả lại', exact: true }).count()).toBe(0);

    const { node } = await server.graphql<{ node: { status: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Task { status } } }',
      { id: task.id },
      await server.token('analyst'),
    );
    expect(node.status).toBe('COMPLETED');
  });

  test('a deadline extension: the head asks, the committee approves, the original deadline stays in view', async () => {
    const head = await server.token('head.pnv');
    const { me } = await server.graphql<{ me: { unit: { id: string } } }>('{ me { unit { id } } }', {}, head);
    const { tasks } = await server.graphql<{ tasks: { nodes: { id: string; title: string; deadline: string }[] } }>(
      `query ($unit: ID!) {
        tasks(first: 1, filter: { leadUnit: { equals: $unit }, status: { in: [NOT_STARTED] } }, orderBy: [{ field: DEADLINE }]) {
          nodes { id title deadline }
        }
      }`,
      { unit: me.unit.id },
      head,
    );
    const [other] = tasks.nodes;
    if (!other) throw new Error('the demo data has no task not yet started led by the unit of head.pnv');
    const [year, month, day] = other.deadline.split('-').map(Number) as [number, number, number];
    const later = new Date(Date.UTC(year, month - 1, day + 30));
    const asked = later.toISOString().slice(0, 10);
    const shown = `${String(later.getUTCDate()).padStart(2, '0')}/${String(later.getUTCMonth() + 1).padStart(2, '0')}/${later.getUTCFullYear()}`;
    const original = other.deadline.split('-').reverse().join('/');
    const reason = 'Chờ hướng dẫn của Sở Nội vụ về khung năng lực vị trí việc làm.';
    const otherPath = `${server.baseUrl}/#/tasks/${encodeURIComponent(other.id)}/show`;

    await signIn(page, server.baseUrl, 'head.pnv');
    await page.goto(otherPath);
    await timeline().getByRole('listitem').first().waitFor();
    await inDialog('Đề nghị gia hạn', async (dialog) => {
      await dialog.getByLabel('Thời hạn đề nghị').fill(asked);
      await dialog.getByLabel('Lý do').fill(reason);
    });
    await newestEntryShows('Đề nghị gia hạn', reason);
    // One pending request at a time: the button is gone until it is decided.
    expect(await page.getByRole('button', { name: 'Đề nghị gia hạn', exact: true }).count()).toBe(0);
    await signOut(page);

    await signIn(page, server.baseUrl, 'committee');
    await page.getByRole('menuitem', { name: 'Xét duyệt' }).click();
    const pending = page.getByRole('region', { name: 'Đề nghị gia hạn chờ quyết định' });
    await pending.getByRole('cell', { name: other.title, exact: true }).click();
    await timeline().getByRole('listitem').first().waitFor();
    await inDialog('Chấp thuận', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Đồng ý gia hạn.');
    });
    await newestEntryShows('Quyết định gia hạn', shown);
    await page.getByText(`Đã gia hạn; thời hạn ban đầu ${original}`).waitFor();
    await signOut(page);
  });

  test('a user changes their own password and signs in with the new one', async () => {
    await signIn(page, server.baseUrl, 'analyst');
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await page.getByLabel('Mật khẩu hiện tại').fill(demoPassword);
    // The API refuses a password with the holder's name ("Chuyên viên phân tích") and says so.
    const withName = 'Phan-tich-CCHC-2026';
    await page.getByLabel(/^Mật khẩu mới/).fill(withName);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(withName);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu không được chứa họ tên người dùng').first().waitFor();
    const newPassword = 'Doi-ngu-CCHC-2026';
    await page.getByLabel(/^Mật khẩu mới/).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu').waitFor();
    await signOut(page);
    await signIn(page, server.baseUrl, 'analyst', newPassword);
  });

  /** The task's version as the API has it now. */
  async function currentVersion(): Promise<number | undefined> {
    const { node } = await server.graphql<{ node: { version: number } | null }>(
      'query ($id: ID!) { node(id: $id) { ... on Task { version } } }',
      { id: task.id },
      await server.token('admin'),
    );
    return node?.version;
  }
});
