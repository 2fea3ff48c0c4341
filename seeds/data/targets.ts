// Targets (chỉ tiêu) of the article with their yearly planned values. Target values, the 2021 PAR
// index (92.20%, rank 1 of 12) and the 2022 one-stop rate (100%) come from the article. The actual
// values of the PAR index and satisfaction targets are not stored here: the API derives them from the
// district's index results (seeds/data/par-index.ts) and SIPAS results (seeds/data/satisfaction.ts),
// so the views cannot disagree. Only the one-stop rate (a MANUAL target) records its actuals.
import { Comparator, ServiceSector, SipasElement, TargetMetric } from '../../generated/prisma/client.ts';
import { districtResults } from './par-index.ts';
import { articleSource, type ObjectiveCode } from './resolution.ts';
import { satisfactionResults } from './satisfaction.ts';
import type { UnitCode } from './units.ts';

export interface TargetYearSeed {
  year: number;
  planned?: number;
  actual?: number;
  note?: string;
  illustrative: boolean;
}

export interface TargetSeed {
  code: string;
  objective: ObjectiveCode;
  unit?: UnitCode;
  indicator: string;
  measure: string;
  comparator: Comparator;
  metric: TargetMetric;
  sector?: ServiceSector;
  baseline?: { value: number; year: number };
  targetValue: number;
  targetYear: number;
  source: string;
  years: TargetYearSeed[];
}

const planYears = [2022, 2023, 2024, 2025];

/** The years of the district's results with their planned values; the actual values are derived. */
function parIndexYears(planned: (year: number) => number | undefined): TargetYearSeed[] {
  return districtResults.map((result) => ({
    year: result.year,
    planned: planned(result.year),
    note: result.illustrative ? undefined : `Số liệu đã công bố (${result.source})`,
    illustrative: result.illustrative,
  }));
}

function satisfactionYears(sector: ServiceSector, planned: number): TargetYearSeed[] {
  return satisfactionResults
    .filter((row) => row.unit === 'DATEH' && row.sector === sector && row.element === SipasElement.OVERALL)
    .map((row) => ({ year: row.year, planned, illustrative: true }));
}

const sectorTargets: [string, ServiceSector, string][] = [
  ['CT05', ServiceSector.HEALTH, 'Mức độ hài lòng của người dân về cung cấp dịch vụ y tế công lập'],
  ['CT06', ServiceSector.EDUCATION, 'Mức độ hài lòng của người dân về cung cấp dịch vụ giáo dục công lập'],
  ['CT07', ServiceSector.LAND, 'Mức độ hài lòng của người dân về giải quyết thủ tục lĩnh vực đất đai'],
  ['CT08', ServiceSector.CONSTRUCTION, 'Mức độ hài lòng của người dân về giải quyết thủ tục lĩnh vực xây dựng'],
];

export const targets: TargetSeed[] = [
  {
    code: 'CT01',
    objective: 'MT01',
    unit: 'DATEH',
    indicator: 'Chỉ số CCHC của huyện hằng năm đạt trên 92%',
    measure: '%',
    comparator: Comparator.GT,
    baseline: { value: 92.2, year: 2021 },
    targetValue: 92,
    targetYear: 2025,
    source: articleSource,
    metric: TargetMetric.PAR_INDEX_PERCENT,
    years: parIndexYears((year) => (planYears.includes(year) ? 92 : undefined)),
  },
  {
    code: 'CT02',
    objective: 'MT01',
    unit: 'DATEH',
    indicator: 'Đến năm 2025, chỉ số CCHC của huyện đạt 93%',
    measure: '%',
    comparator: Comparator.GTE,
    baseline: { value: 92.2, year: 2021 },
    targetValue: 93,
    targetYear: 2025,
    source: articleSource,
    metric: TargetMetric.PAR_INDEX_PERCENT,
    years: parIndexYears((year) => (year === 2025 ? 93 : undefined)),
  },
  {
    code: 'CT03',
    objective: 'MT01',
    unit: 'DATEH',
    indicator: 'Đến năm 2025, huyện thuộc nhóm 6 huyện, thành phố có chỉ số CCHC cao nhất tỉnh',
    measure: 'hạng',
    comparator: Comparator.LTE,
    baseline: { value: 1, year: 2021 },
    targetValue: 6,
    targetYear: 2025,
    source: articleSource,
    metric: TargetMetric.PAR_INDEX_RANK,
    years: parIndexYears((year) => (year === 2025 ? 6 : undefined)),
  },
  {
    code: 'CT04',
    objective: 'MT17',
    unit: 'DATEH',
    indicator: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
    measure: '%',
    comparator: Comparator.GT,
    targetValue: 90,
    targetYear: 2025,
    source: articleSource,
    metric: TargetMetric.SATISFACTION_PERCENT,
    sector: ServiceSector.OVERALL,
    years: satisfactionYears(ServiceSector.OVERALL, 90),
  },
  ...sectorTargets.map(([code, sector, indicator]) => ({
    code,
    objective: 'MT17' as const,
    unit: 'DATEH' as const,
    indicator,
    measure: '%',
    comparator: Comparator.GTE,
    targetValue: 88,
    targetYear: 2025,
    source: articleSource,
    metric: TargetMetric.SATISFACTION_PERCENT,
    sector,
    years: satisfactionYears(sector, 88),
  })),
  {
    code: 'CT09',
    objective: 'MT08',
    unit: 'DATEH',
    indicator: 'Tỷ lệ thủ tục hành chính giải quyết theo cơ chế một cửa, một cửa liên thông',
    measure: '%',
    comparator: Comparator.EQ,
    metric: TargetMetric.MANUAL,
    targetValue: 100,
    targetYear: 2025,
    source: articleSource,
    years: [
      {
        year: 2022,
        planned: 100,
        actual: 100,
        note: '9 tháng đầu năm 2022: tiếp nhận và giải quyết 3.653 hồ sơ trên tất cả các lĩnh vực',
        illustrative: false,
      },
      { year: 2023, planned: 100, actual: 100, illustrative: true },
      { year: 2024, planned: 100, actual: 100, illustrative: true },
      { year: 2025, planned: 100, actual: 100, illustrative: true },
    ],
  },
];
