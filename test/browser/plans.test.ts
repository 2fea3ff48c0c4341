// Improvement plans through the built UI in Chromium, over the demo data: the committee opens An
// Nhơn's flagged 2026 plan from the dashboard and reads why it is flagged; An Nhơn's head edits the
// draft, adding an action on the weakest field linked to one of the commune's tasks, and the flag goes;
// the head submits it; the committee approves it with a note; the head sees the approval and the note.
// The demo has no plan for a year whose scores exist, so the test drafts one (the secretariat, through
// the API, for a commune's 2025) and checks that its page shows target against actual per field.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTestsRun, connectBrowser, signIn, signOut, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser improvement plans test');

interface PlanFacts {
  id: string;
  year: number;
  flagged: boolean;
  unit: { id: string; name: string };
  checks: { code: string; node: { id: string; code: string; name: string } | null }[];
  comparison: {
    actualPercent: number | null;
    fields: {
      code: string;
      targetPoints: number | null;
      actualPoints: number | null;
      met: boolean | null;
    }[];
  };
}

const planFields = `id year flagged unit { id name } checks { code node { id code name } }
  comparison { actualPercent fields { code targetPoints actualPoints met } }`;

/** 92.2 → "92,20" as the Vietnamese UI writes it. */
const vi = (value: number) => value.toFixed(2).replace('.', ',');

describe.skipIf(!runs)('improvement plans in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let anNhon: PlanFacts;
  let weakest: { id: string; code: string; name: string };
  let scored: PlanFacts;
  const approvalNote = 'Đồng ý. Đề nghị xã báo cáo kết quả thực hiện hằng quý.';
  const actionTitle = 'Nâng mức độ hài lòng của người dân tại Bộ phận một cửa';

  const plansMenu = () => page.getByRole('menuitem', { name: 'Kế hoạch nâng cao chỉ số' });
  const checks = (): Locator => page.getByRole('region', { name: 'Kế hoạch cần xem lại' });

  beforeAll(async () => {
    server = await startServer();
    const committee = await server.token('committee');
    const { improvementPlans } = await server.graphql<{ improvementPlans: { nodes: PlanFacts[] } }>(
      `{ improvementPlans(first: 10, filter: { year: { equals: 2026 }, flagged: true }) { nodes { ${planFields} } } }`,
      {},
      committee,
    );
    const found = improvementPlans.nodes.find((plan) => plan.unit.name === 'UBND xã An Nhơn');
    if (!found) throw new Error("the demo data lacks An Nhơn's flagged 2026 plan");
    anNhon = found;
    const weak = anNhon.checks.find((check) => check.code === 'WEAKEST_FIELD_WITHOUT_ACTION')?.node;
    if (!weak) throw new Error("An Nhơn's plan is not flagged for a weak field without an action");
    weakest = weak;

    // A plan for a year whose scores exist: a commune's 2025, drafted by the secretariat, aiming at
    // 90% of each field's maximum on the 2025 framework.
    const admin = await server.token('admin');
    const { indexLeagueTable, indexFrameworks } = await server.graphql<{
      indexLeagueTable: { unit: { id: string; name: string } }[];
      indexFrameworks: { nodes: { fields: { id: string; maxPoints: number }[] }[] };
    }>(
      `{ indexLeagueTable(level: COMMUNE, year: 2025) { unit { id name } }
         indexFrameworks(filter: { level: { equals: COMMUNE }, year: { equals: 2025 } }) {
           nodes { fields { id maxPoints } } } }`,
      {},
      admin,
    );
    const commune = indexLeagueTable.find((row) => row.unit.name !== 'UBND xã An Nhơn');
    const fields = indexFrameworks.nodes[0]?.fields ?? [];
    if (!commune || fields.length === 0) throw new Error('the demo data lacks 2025 commune results');
    const { createImprovementPlan } = await server.graphql<{ createImprovementPlan: PlanFacts }>(
      `mutation ($input: CreateImprovementPlanInput!) { createImprovementPlan(input: $input) { ${planFields} } }`,
      {
        input: {
          unitId: commune.unit.id,
          year: 2025,
          targetPercent: 90,
          // Full marks on the first field (not reached), 90% on the others (reached or not).
          targets: fields.map((field, index) => ({
            nodeId: field.id,
            targetPoints: index === 0 ? field.maxPoints : Math.round(field.maxPoints * 90) / 100,
          })),
        },
      },
      admin,
    );
    scored = createImprovementPlan;

    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the committee opens An Nhơn's flagged plan from the dashboard and reads why", async () => {
    await signIn(page, server.baseUrl, 'committee');
    const panel = page.getByRole('region', { name: 'Kế hoạch nâng cao chỉ số cần xem lại', exact: true });
    await panel.getByRole('link', { name: /UBND xã An Nhơn: kế hoạch năm 2026/ }).click();
    await page.waitForURL(/#\/improvementPlans\/.+\/show/);
    expect(decodeURIComponent(page.url())).toContain(anNhon.id);
    await page.getByRole('heading', { name: 'UBND xã An Nhơn: kế hoạch nâng cao chỉ số năm 2026' }).waitFor();
    await checks().getByText(`Lĩnh vực ${weakest.code}. ${weakest.name} thuộc nhóm yếu nhất lần trước`).waitFor();
    await page.getByText('Cần xem lại').first().waitFor();
    // A draft is the unit's: the committee has nothing to do on it yet.
    for (const button of ['Sửa', 'Gửi phê duyệt', 'Phê duyệt', 'Trả lại']) {
      expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: button, exact: true }).count()).toBe(0);
    }
    // The list: every plan, the flagged one with its warning chip.
    await plansMenu().click();
    const row = page.locator('tbody tr').filter({ hasText: 'UBND xã An Nhơn' }).filter({ hasText: '2026' });
    await row.getByText('Cần xem lại').waitFor();
    await row.getByText('86,50%').waitFor();
    await signOut(page);
  });

  test("An Nhơn's head adds an action on the weakest field and the flag goes", async () => {
    await signIn(page, server.baseUrl, 'head.annhon');
    await plansMenu().click();
    // A second plan for the same year: the server's refusal shows beside the year.
    await page.getByRole('link', { name: 'Tạo mới', exact: true }).click();
    await page.getByRole('heading', { name: 'UBND xã An Nhơn' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Năm kế hoạch' }).fill('2026');
    await page.getByRole('spinbutton', { name: 'Mục tiêu (%)' }).fill('86');
    await page.getByText('Theo bộ chỉ số').waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page
      .locator('.ra-input-year')
      .getByText(`The unit already has an improvement plan for 2026 (${anNhon.id})`)
      .waitFor();

    await plansMenu().click();
    await page.locator('tbody tr').filter({ hasText: 'UBND xã An Nhơn' }).filter({ hasText: '2026' }).click();
    await checks().waitFor();
    // The edit page reads the plan as it is now; only then does someone else change it.
    const loaded = page.waitForResponse((response) =>
      Boolean(response.request().postData()?.includes('query ImprovementPlan($id')),
    );
    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await loaded;
    // The four actions of the draft.
    const titles = page.getByRole('textbox', { name: 'Giải pháp' });
    await expect.poll(() => titles.count()).toBe(4);
    // Someone else saves the plan meanwhile: the form's version is outdated.
    const head = await server.token('head.annhon');
    const { improvementPlans: before } = await server.graphql<{ improvementPlans: { nodes: { version: number }[] } }>(
      `query ($unit: ID!) { improvementPlans(first: 5, filter: { unit: { equals: $unit }, year: { equals: 2026 } }) {
        nodes { version } } }`,
      { unit: anNhon.unit.id },
      head,
    );
    await server.graphql(
      'mutation ($id: ID!, $version: Int!) { updateImprovementPlan(id: $id, version: $version, input: { targetPercent: 86.6 }) { id } }',
      { id: anNhon.id, version: before.nodes[0]?.version },
      head,
    );
    // A fifth action, on the weakest field.
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => titles.count()).toBe(5);
    await titles.nth(4).fill(actionTitle);
    const node = page.getByRole('combobox', { name: 'Lĩnh vực, tiêu chí hướng tới' }).nth(4);
    await node.fill(`${weakest.code}. ${weakest.name}`);
    await page.getByRole('option', { name: `${weakest.code}. ${weakest.name}`, exact: true }).click();
    const tasks = page.getByRole('combobox', { name: 'Nhiệm vụ thực hiện' }).nth(4);
    await tasks.click();
    const option = page.getByRole('option').first();
    await option.waitFor();
    const taskTitle = (await option.innerText()).trim();
    await option.click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    // CONFLICT: reload the current version, keeping the new action, and save again.
    const conflict = page.getByRole('alert').filter({ hasText: 'Tải lại' });
    await conflict.getByRole('button', { name: 'Tải lại' }).click();
    await conflict.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Mục tiêu (%)' }).inputValue()).toBe('86.6');
    expect(await titles.nth(4).inputValue()).toBe(actionTitle);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    await page.waitForURL(/#\/improvementPlans\/.+\/show/);
    await page.getByText('Kế hoạch đạt yêu cầu khi đối chiếu với kết quả lần trước.').waitFor();
    expect(await checks().count()).toBe(0);
    const actions = page.getByRole('table', { name: 'Giải pháp và nhiệm vụ thực hiện' });
    const added = actions.locator('tr').filter({ hasText: actionTitle });
    await added.getByText(`${weakest.code}. ${weakest.name}`).waitFor();
    // The linked task leads to its page.
    const taskLink = added.getByRole('link', { name: taskTitle });
    expect(await taskLink.getAttribute('href')).toMatch(/#\/tasks\/.+\/show/);

    const { improvementPlans } = await server.graphql<{ improvementPlans: { nodes: PlanFacts[] } }>(
      `query ($unit: ID!) { improvementPlans(first: 5, filter: { unit: { equals: $unit }, year: { equals: 2026 } }) {
        nodes { ${planFields} } } }`,
      { unit: anNhon.unit.id },
      await server.token('committee'),
    );
    expect(improvementPlans.nodes[0]?.flagged).toBe(false);
  });

  test('the head submits the plan', async () => {
    await page.getByRole('button', { name: 'Gửi phê duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Gửi phê duyệt', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Chờ phê duyệt').first().waitFor();
    // Submitted, the plan is out of the unit's hands.
    await expect.poll(() => page.getByRole('link', { name: 'Sửa', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gửi phê duyệt', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).toBe(0);
    await signOut(page);
  });

  test('the committee approves it with a note', async () => {
    await signIn(page, server.baseUrl, 'committee');
    await page.goto(`${server.baseUrl}/#/improvementPlans/${encodeURIComponent(anNhon.id)}/show`);
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Ý kiến của Thường trực' }).fill(approvalNote);
    await dialog.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await page.getByText(approvalNote).waitFor();
    expect(await page.getByRole('button', { name: 'Trả lại', exact: true }).count()).toBe(0);
    await signOut(page);
  });

  test('the head sees the approval and the note', async () => {
    await signIn(page, server.baseUrl, 'head.annhon');
    await plansMenu().click();
    const row = page.locator('tbody tr').filter({ hasText: 'UBND xã An Nhơn' }).filter({ hasText: '2026' });
    await row.getByText('Đã phê duyệt').waitFor();
    await row.click();
    await page.getByText(approvalNote).waitFor();
    expect(await page.getByRole('link', { name: 'Sửa', exact: true }).count()).toBe(0);
    await signOut(page);
  });

  test('a plan whose year has scores shows target against actual per field', async () => {
    expect(scored.comparison.actualPercent).not.toBeNull();
    const withActual = scored.comparison.fields.filter((field) => field.actualPoints !== null);
    expect(withActual.length).toBe(scored.comparison.fields.length);
    expect(scored.comparison.fields[0]?.met).toBe(false);
    await signIn(page, server.baseUrl, 'analyst');
    await page.goto(`${server.baseUrl}/#/improvementPlans/${encodeURIComponent(scored.id)}/show`);
    const table = page.getByRole('table', { name: 'Mục tiêu và kết quả theo lĩnh vực' });
    await table.waitFor();
    for (const field of scored.comparison.fields) {
      const row = table.locator('tbody tr').filter({ hasText: new RegExp(`^${field.code}\\. `) });
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[3]).toBe(vi(field.targetPoints ?? NaN));
      expect(cells[4]).toBe(vi(field.actualPoints ?? NaN));
      expect(cells[5]).toBe(field.met ? 'Đạt' : 'Không đạt');
    }
    const total = await table.locator('tbody tr').last().locator('td').allInnerTexts();
    expect(total[4]).toBe(`${vi(scored.comparison.actualPercent ?? NaN)}%`);
    await signOut(page);
  });
});
