// A small, fixed world for API tests: one resolution, two areas, a district with two agencies and a
// commune, their heads, one account per role, and a few tasks with known dates around 2026-03-10.
import { hashPassword } from '../../api/services/password.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { fixturePassword } from './api.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

export type Fixture = Awaited<ReturnType<typeof loadFixture>>;

export async function loadFixture(prisma: PrismaClient) {
  const passwordHash = await hashPassword(fixturePassword);
  const resolution = await prisma.resolution.create({
    data: {
      code: '14-NQ/TU',
      title: 'Nghị quyết về đẩy mạnh cải cách hành chính',
      issuedBy: 'Tỉnh ủy Lâm Đồng',
      issuedOn: day('2022-05-25'),
      horizonYear: 2025,
      orientationYear: 2030,
    },
  });
  const procedures = await prisma.reformArea.create({
    data: {
      code: 'ADMIN_PROCEDURES',
      name: 'Cải cách thủ tục hành chính',
      nameEn: 'Administrative procedures',
      sortOrder: 2,
    },
  });
  const digital = await prisma.reformArea.create({
    data: { code: 'DIGITAL_GOVERNMENT', name: 'Chính quyền số', nameEn: 'Digital government', sortOrder: 6 },
  });
  const oneStop = await prisma.objective.create({
    data: {
      resolutionId: resolution.id,
      reformAreaId: procedures.id,
      code: 'MT1',
      title: 'Một cửa, một cửa liên thông',
    },
  });
  const online = await prisma.objective.create({
    data: { resolutionId: resolution.id, reformAreaId: digital.id, code: 'MT2', title: 'Dịch vụ công trực tuyến' },
  });
  const district = await prisma.unit.create({ data: { code: 'DATEH', name: 'UBND huyện Đạ Tẻh', kind: 'DISTRICT' } });
  const homeAffairs = await prisma.unit.create({
    data: { code: 'PNV', name: 'Phòng Nội vụ', kind: 'AGENCY', parentId: district.id, sortOrder: 1 },
  });
  const justice = await prisma.unit.create({
    data: { code: 'PTP', name: 'Phòng Tư pháp', kind: 'AGENCY', parentId: district.id, sortOrder: 2 },
  });
  const anNhon = await prisma.unit.create({
    data: { code: 'XA_ANNHON', name: 'UBND xã An Nhơn', kind: 'COMMUNE', parentId: district.id, sortOrder: 3 },
  });
  const formerHead = await prisma.person.create({ data: { fullName: 'Người Đứng Đầu Cũ', illustrative: true } });
  const head = await prisma.person.create({ data: { fullName: 'Người Đứng Đầu Mới', illustrative: true } });
  const communeHead = await prisma.person.create({ data: { fullName: 'Chủ Tịch Xã', illustrative: true } });
  await prisma.headship.create({
    data: {
      unitId: homeAffairs.id,
      personId: formerHead.id,
      title: 'Trưởng phòng',
      startDate: day('2021-01-01'),
      endDate: day('2025-12-31'),
    },
  });
  await prisma.headship.create({
    data: { unitId: homeAffairs.id, personId: head.id, title: 'Trưởng phòng', startDate: day('2026-01-01') },
  });
  await prisma.headship.create({
    data: { unitId: anNhon.id, personId: communeHead.id, title: 'Chủ tịch UBND xã', startDate: day('2021-06-01') },
  });
  const account = (username: string, role: 'ADMIN' | 'COMMITTEE' | 'UNIT_HEAD' | 'ANALYST', unitId?: number) =>
    prisma.account.create({ data: { username, displayName: username, role, passwordHash, unitId: unitId ?? null } });
  const accounts = {
    admin: await account('admin', 'ADMIN', homeAffairs.id),
    committee: await account('committee', 'COMMITTEE'),
    head: await account('head.pnv', 'UNIT_HEAD', homeAffairs.id),
    communeHead: await account('head.annhon', 'UNIT_HEAD', anNhon.id),
    analyst: await account('analyst', 'ANALYST'),
  };
  const task = (data: {
    title: string;
    objectiveId: number;
    leadUnitId: number;
    startDate: string;
    deadline: string;
    originalDeadline?: string;
    status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'COMPLETED' | 'RETURNED' | 'CANCELLED';
    completedOn?: string;
    progress?: number;
    supportingUnitIds?: number[];
  }) =>
    prisma.task.create({
      data: {
        title: data.title,
        objectiveId: data.objectiveId,
        leadUnitId: data.leadUnitId,
        startDate: day(data.startDate),
        deadline: day(data.deadline),
        originalDeadline: day(data.originalDeadline ?? data.deadline),
        status: data.status ?? 'NOT_STARTED',
        completedOn: data.completedOn ? day(data.completedOn) : null,
        statusReason: data.status === 'CANCELLED' ? 'Không còn phù hợp sau sáp nhập' : null,
        progress: data.progress ?? (data.status === 'COMPLETED' ? 100 : 0),
        supportingUnits: { connect: (data.supportingUnitIds ?? []).map((id) => ({ id })) },
      },
    });
  // Today is 2026-03-10 in the district (the tests' clock).
  const tasks = {
    overdue: await task({
      title: 'Chuẩn hóa quy trình một cửa',
      objectiveId: oneStop.id,
      leadUnitId: homeAffairs.id,
      startDate: '2026-01-05',
      deadline: '2026-03-01',
      status: 'IN_PROGRESS',
      progress: 40,
    }),
    dueSoon: await task({
      title: 'Số hóa hồ sơ hộ tịch',
      objectiveId: online.id,
      leadUnitId: justice.id,
      startDate: '2026-02-01',
      deadline: '2026-03-15',
      supportingUnitIds: [homeAffairs.id],
    }),
    onTrack: await task({
      title: 'Thanh toán điện tử tại xã',
      objectiveId: online.id,
      leadUnitId: anNhon.id,
      startDate: '2026-02-01',
      deadline: '2026-06-30',
    }),
    onTime: await task({
      title: 'Kế hoạch CCHC năm 2025',
      objectiveId: oneStop.id,
      leadUnitId: homeAffairs.id,
      startDate: '2025-01-02',
      deadline: '2025-01-31',
      status: 'COMPLETED',
      completedOn: '2025-01-20',
    }),
    withinExtension: await task({
      title: 'Khảo sát sự hài lòng 2025',
      objectiveId: oneStop.id,
      leadUnitId: anNhon.id,
      startDate: '2025-03-01',
      originalDeadline: '2025-06-30',
      deadline: '2025-08-31',
      status: 'COMPLETED',
      completedOn: '2025-08-15',
    }),
    late: await task({
      title: 'Rà soát thủ tục hành chính 2025',
      objectiveId: oneStop.id,
      leadUnitId: justice.id,
      startDate: '2025-03-01',
      deadline: '2025-09-30',
      status: 'COMPLETED',
      completedOn: '2025-10-20',
    }),
    cancelled: await task({
      title: 'Nhiệm vụ đã hủy',
      objectiveId: online.id,
      leadUnitId: justice.id,
      startDate: '2025-05-01',
      deadline: '2025-12-31',
      status: 'CANCELLED',
    }),
  };
  return {
    resolution,
    areas: { procedures, digital },
    objectives: { oneStop, online },
    units: { district, homeAffairs, justice, anNhon },
    people: { formerHead, head, communeHead },
    accounts,
    tasks,
  };
}
