// Accounts and the audit log through the built UI in Chromium, over the demo data: the secretariat
// creates a unit head's account (refused first for a missing unit, then by the API for a username in
// use, then for passwords containing the username or the holder's name, or commonly used), finds it in
// the list and disables it; the account cannot sign in. The secretariat enables it again, resets its
// password and lifts a sign-in lock (there is none), and it signs in.
// The audit log shows the secretariat's createAccount and updateAccount entries. An analyst reads the
// audit log (without account entries), filters it by actor and follows a task's link, but has no
// Accounts menu and is refused the accounts page.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTestsRun, connectBrowser, signIn, signOut, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser accounts test');

const secretariat = 'Phòng Nội vụ (Thư ký CCHC)';
const username = 'head.tuphap';
const displayName = 'Trưởng phòng Tư pháp';
const unitName = 'Phòng Tư pháp';
const firstPassword = 'Lam-Dong#Da-Teh-2026';
const resetTo = 'Mat-khau-moi@PTP-2026';

describe.skipIf(!runs)('accounts and the audit log in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  /** A task the secretariat reported progress on, for the audit log to show to the analyst. */
  let task: { id: string; title: string };

  const accountRow = () => page.getByRole('row').filter({ hasText: username });

  /** Fills the sign-in form and submits it, without waiting for the app. */
  async function trySignIn(name: string, password: string) {
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(name);
    await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  async function openAccounts() {
    await page.getByRole('menuitem', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('cell', { name: 'head.pnv', exact: true }).waitFor();
  }

  async function chooseOption(combobox: Locator, option: string) {
    await combobox.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    server = await startServer();
    const admin = await server.token('admin');
    const { tasks } = await server.graphql<{
      tasks: { nodes: { id: string; title: string; version: number; progress: number }[] };
    }>(
      '{ tasks(first: 1, filter: { status: { in: [IN_PROGRESS] } }) { nodes { id title version progress } } }',
      {},
      admin,
    );
    const [found] = tasks.nodes;
    if (!found) throw new Error('the demo data has no task in progress');
    task = found;
    await server.graphql(
      'mutation ($id: ID!, $version: Int!, $progress: Int!) { reportProgress(id: $id, version: $version, progress: $progress, note: "Kiểm tra của Thư ký CCHC") { id } }',
      { id: found.id, version: found.version, progress: Math.min(100, found.progress + 5) },
      admin,
    );
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the secretariat creates a unit head account; the form explains each refusal', async () => {
    await signIn(page, server.baseUrl, 'admin');
    await openAccounts();
    await page.getByRole('link', { name: 'Tạo mới' }).click();
    await page.waitForURL(/#\/accounts\/create$/);

    const usernameInput = page.getByRole('textbox', { name: 'Tên đăng nhập' });
    await usernameInput.fill('head.pnv');
    await page.getByRole('textbox', { name: 'Tên hiển thị' }).fill(displayName);
    await chooseOption(page.getByRole('combobox', { name: 'Vai trò' }), 'Thủ trưởng đơn vị');
    await page.getByText('Ít nhất 12 ký tự, không chứa tên đăng nhập').waitFor();
    await page.getByLabel(/^Mật khẩu/).fill(firstPassword);
    const save = page.getByRole('button', { name: 'Lưu' });

    // A unit head needs a unit: refused in the form, nothing sent.
    await save.click();
    await page.getByText('Tài khoản Thủ trưởng đơn vị phải gắn với một đơn vị').waitFor();
    const unit = page.getByRole('combobox', { name: 'Đơn vị người đứng đầu chịu trách nhiệm' });
    await unit.fill('Tư pháp');
    await page.getByRole('option', { name: unitName, exact: true }).click();

    // The API refuses a username in use; its message shows beside the input.
    await save.click();
    await page.getByText('Another account already has the username "head.pnv"').waitFor();

    await usernameInput.fill(username);
    await page.getByLabel(/^Mật khẩu/).fill(`${username}-2026`);
    await save.click();
    await page.getByText('Mật khẩu không được chứa tên đăng nhập').waitFor();
    // The API's policy, in the user's language: the holder's name, a commonly used password.
    await page.getByLabel(/^Mật khẩu/).fill('Tu-phap#Da-Teh-2026');
    await save.click();
    await page.getByText('Mật khẩu không được chứa họ tên người dùng').waitFor();
    await page.getByLabel(/^Mật khẩu/).fill('Password@2026');
    await save.click();
    await page.getByText('Mật khẩu này quá phổ biến').waitFor();
    await page.getByLabel(/^Mật khẩu/).fill(firstPassword);
    await save.click();

    // Back in the list, with its role and unit.
    await accountRow().getByText('Thủ trưởng đơn vị').waitFor();
    await accountRow().getByRole('link', { name: unitName }).waitFor();
    await accountRow().getByText('Chưa đăng nhập').waitFor();
  });

  test('disables it after a confirmation; it can no longer sign in', async () => {
    await accountRow().getByRole('button', { name: 'Khóa', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Khóa tài khoản ${displayName}?`).waitFor();
    await dialog.getByRole('button', { name: 'Khóa', exact: true }).click();
    await accountRow().getByRole('button', { name: 'Mở khóa', exact: true }).waitFor();
    // The secretariat's own row offers no way to lock itself out.
    const own = page.getByRole('row').filter({ hasText: secretariat });
    expect(await own.getByRole('button', { name: 'Khóa', exact: true }).count()).toBe(0);
    await signOut(page);

    await trySignIn(username, firstPassword);
    await page.getByText('Đăng nhập không thành công, vui lòng thử lại').waitFor();
    expect(await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).count()).toBe(0);
  });

  test('the secretariat enables it and resets its password', async () => {
    await signIn(page, server.baseUrl, 'admin');
    await openAccounts();
    await accountRow().getByRole('button', { name: 'Mở khóa', exact: true }).click();
    await accountRow().getByRole('button', { name: 'Khóa', exact: true }).waitFor();

    await accountRow().getByRole('cell', { name: username, exact: true }).click();
    await page.getByRole('textbox', { name: 'Tên hiển thị' }).waitFor();
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Mật khẩu mới/).fill(resetTo);
    await dialog.getByLabel(/^Nhập lại mật khẩu mới/).fill(resetTo);
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Lifting a sign-in lock: there is none on this name.
    await page.getByRole('button', { name: 'Gỡ chặn đăng nhập' }).click();
    await page.getByText(`Gỡ chặn đăng nhập cho ${displayName}?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Gỡ chặn đăng nhập' }).click();
    await page.getByText(`${displayName} không bị chặn đăng nhập`).waitFor();
  });

  test("the audit log shows the secretariat's account changes", async () => {
    await page.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).click();
    await page.getByRole('textbox', { name: 'Thao tác' }).fill('Account');
    // The task's entry goes once the filter applies.
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'reportProgress' }).count()).toBe(0);
    const created = page.getByRole('row').filter({ hasText: 'createAccount' });
    await created.filter({ hasText: secretariat }).filter({ hasText: 'Tạo mới' }).waitFor();
    await created.getByText(`Tên đăng nhập: ${username}`).waitFor();
    const updates = page.getByRole('row').filter({ hasText: 'updateAccount' }).filter({ hasText: secretariat });
    await updates.filter({ hasText: 'Đã khóa: Không → Có' }).waitFor();
    await updates.filter({ hasText: 'Đã khóa: Có → Không' }).waitFor();
    // The time reads dd/mm/yyyy HH:mm:ss, on the district's clock.
    await created.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/).waitFor();
    await signOut(page);
  });

  test('the new account signs in with the password the secretariat set', async () => {
    await signIn(page, server.baseUrl, username, resetTo);
    await page.getByRole('menuitem', { name: 'Đơn vị của tôi' }).waitFor();
    await signOut(page);
  });

  test('an analyst reads the audit log but has no accounts page', async () => {
    await signIn(page, server.baseUrl, 'analyst');
    await page.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).click();
    const entry = page.getByRole('row').filter({ hasText: 'reportProgress' });
    await entry.getByText('Kiểm tra của Thư ký CCHC').waitFor();
    // Entries about accounts are the secretariat's alone.
    expect(await page.getByRole('row').filter({ hasText: 'createAccount' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Tài khoản', exact: true }).count()).toBe(0);

    // A click on the actor's name filters by them.
    await entry.getByRole('button', { name: secretariat }).click();
    await expect.poll(() => page.getByLabel('Người thực hiện').inputValue()).toBe(secretariat);

    await entry.getByRole('link', { name: /^Nhiệm vụ #\d+$/ }).click();
    await page.getByRole('heading', { name: task.title, exact: true }).waitFor();

    await page.goto(`${server.baseUrl}/#/accounts`);
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    expect(await page.getByRole('cell', { name: 'head.pnv', exact: true }).count()).toBe(0);
  });
});
