// PAR index frameworks and results. Only the 2021 district total and rank (92.20%, 1st of 12) are
// published figures (from the article); the frameworks' point weights, every later result and all
// per-criterion scores are illustrative. The frameworks follow the provincial pattern: 8 fields,
// 100 points, 32 of them from the sociological survey.
import { IndexLevel, ScoringMethod } from '../../generated/prisma/client.ts';
import type { ReformAreaCode } from './resolution.ts';
import type { UnitCode } from './units.ts';

export interface CriterionSeed {
  code: string;
  name: string;
  maxPoints: number;
  method: ScoringMethod;
}

/** A top-level field; its maximum is the sum of its criteria's. */
export interface FieldSeed {
  code: string;
  name: string;
  area: ReformAreaCode;
  criteria: CriterionSeed[];
}

export interface FrameworkSeed {
  level: IndexLevel;
  year: number;
  name: string;
  source: string;
  fields: FieldSeed[];
}

const fieldNames: Record<string, { name: string; area: ReformAreaCode }> = {
  '1': { name: 'Công tác chỉ đạo, điều hành CCHC', area: 'DIRECTION' },
  '2': { name: 'Cải cách thể chế', area: 'INSTITUTIONS' },
  '3': { name: 'Cải cách thủ tục hành chính', area: 'ADMIN_PROCEDURES' },
  '4': { name: 'Cải cách tổ chức bộ máy hành chính nhà nước', area: 'APPARATUS' },
  '5': { name: 'Cải cách chế độ công vụ', area: 'CIVIL_SERVICE' },
  '6': { name: 'Cải cách tài chính công', area: 'PUBLIC_FINANCE' },
  '7': { name: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', area: 'DIGITAL_GOVERNMENT' },
  '8': { name: 'Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội', area: 'IMPACT' },
};

const S = ScoringMethod.SURVEY;
const A = ScoringMethod.SELF_ASSESSED;

/** Criteria of the district-level index: code, name, scoring method. */
const districtCriteria: [string, string, ScoringMethod][] = [
  ['1.1', 'Kế hoạch CCHC năm và mức độ thực hiện kế hoạch', A],
  ['1.2', 'Báo cáo, kiểm tra, tuyên truyền CCHC', A],
  ['1.3', 'Đánh giá của người dân, tổ chức về sự chỉ đạo, điều hành CCHC', S],
  ['2.1', 'Xây dựng, ban hành văn bản quy phạm pháp luật', A],
  ['2.2', 'Rà soát, kiểm tra, xử lý văn bản quy phạm pháp luật', A],
  ['2.3', 'Đánh giá về tổ chức thực hiện văn bản quy phạm pháp luật', S],
  ['3.1', 'Công khai thủ tục hành chính', A],
  ['3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', A],
  ['3.3', 'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức', A],
  ['3.4', 'Đánh giá của người dân, tổ chức về chất lượng giải quyết thủ tục hành chính', S],
  ['4.1', 'Sắp xếp, kiện toàn tổ chức bộ máy', A],
  ['4.2', 'Quản lý, sử dụng biên chế', A],
  ['4.3', 'Thực hiện phân cấp, ủy quyền', A],
  ['4.4', 'Đánh giá về tác động của cải cách tổ chức bộ máy', S],
  ['5.1', 'Vị trí việc làm, cơ cấu ngạch công chức', A],
  ['5.2', 'Tuyển dụng, đào tạo, bồi dưỡng công chức', A],
  ['5.3', 'Kỷ luật, kỷ cương hành chính', A],
  ['5.4', 'Đánh giá của người dân, tổ chức về công chức', S],
  ['6.1', 'Quản lý, sử dụng ngân sách nhà nước', A],
  ['6.2', 'Tự chủ tài chính của đơn vị sự nghiệp công lập', A],
  ['6.3', 'Đánh giá về tác động của cải cách tài chính công', S],
  ['7.1', 'Hạ tầng, nền tảng, ứng dụng công nghệ thông tin', A],
  ['7.2', 'Cung cấp, sử dụng dịch vụ công trực tuyến', A],
  ['7.3', 'Thanh toán trực tuyến, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', A],
  ['7.4', 'Đánh giá về tác động của chính quyền điện tử, chính quyền số', S],
  ['8.1', 'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)', S],
  ['8.2', 'Thu hút đầu tư, phát triển doanh nghiệp', A],
  ['8.3', 'Thực hiện các chỉ tiêu phát triển kinh tế - xã hội', A],
];

/** Criteria of the commune-level index. */
const communeCriteria: [string, string, ScoringMethod][] = [
  ['1.1', 'Kế hoạch CCHC năm và mức độ thực hiện kế hoạch', A],
  ['1.2', 'Báo cáo, tuyên truyền CCHC', A],
  ['1.3', 'Đánh giá của người dân về sự chỉ đạo, điều hành CCHC', S],
  ['2.1', 'Thực hiện văn bản quy phạm pháp luật, Quy chế dân chủ ở cơ sở', A],
  ['2.2', 'Đánh giá về tổ chức thực hiện văn bản quy phạm pháp luật', S],
  ['3.1', 'Công khai thủ tục hành chính', A],
  ['3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', A],
  ['3.3', 'Tiếp nhận, xử lý phản ánh, kiến nghị', A],
  ['3.4', 'Đánh giá về chất lượng giải quyết thủ tục hành chính', S],
  ['4.1', 'Thực hiện chức năng, nhiệm vụ, quy chế làm việc', A],
  ['4.2', 'Đánh giá về tổ chức bộ máy', S],
  ['5.1', 'Bố trí cán bộ, công chức cấp xã', A],
  ['5.2', 'Đào tạo, bồi dưỡng cán bộ, công chức', A],
  ['5.3', 'Kỷ luật, kỷ cương hành chính', A],
  ['5.4', 'Đánh giá của người dân về cán bộ, công chức', S],
  ['6.1', 'Quản lý, sử dụng ngân sách xã', A],
  ['6.2', 'Công khai ngân sách xã', A],
  ['6.3', 'Đánh giá về quản lý tài chính công', S],
  ['7.1', 'Ứng dụng công nghệ thông tin trong hoạt động của UBND xã', A],
  ['7.2', 'Tiếp nhận hồ sơ trực tuyến, dịch vụ công trực tuyến', A],
  ['7.3', 'Thanh toán trực tuyến, số hóa hồ sơ', A],
  ['7.4', 'Đánh giá về tác động của chính quyền số', S],
  ['8.1', 'Mức độ hài lòng của người dân, tổ chức (SIPAS)', S],
  ['8.2', 'Thực hiện các chỉ tiêu kinh tế - xã hội của xã', A],
  ['8.3', 'Xây dựng nông thôn mới, giảm nghèo', A],
];

/** Builds the fields from a criteria catalogue and the year's weights (points per criterion). */
function buildFields(catalogue: [string, string, ScoringMethod][], weights: Record<string, number>): FieldSeed[] {
  const fields = new Map<string, FieldSeed>();
  for (const [code, name, method] of catalogue) {
    const maxPoints = weights[code];
    if (maxPoints === undefined) throw new Error(`No weight for criterion ${code}`);
    const fieldCode = code.split('.')[0] ?? '';
    const field = fieldNames[fieldCode];
    if (!field) throw new Error(`Unknown field ${fieldCode}`);
    let seed = fields.get(fieldCode);
    if (!seed) {
      seed = { code: fieldCode, name: field.name, area: field.area, criteria: [] };
      fields.set(fieldCode, seed);
    }
    seed.criteria.push({ code, name, maxPoints, method });
  }
  if (Object.keys(weights).length !== catalogue.length) throw new Error('Weights name unknown criteria');
  return [...fields.values()];
}

// Weights change between years, as the province revises its methodology (illustrative values).
const district2021 = {
  '1.1': 3.5, '1.2': 3.5, '1.3': 3,
  '2.1': 2.5, '2.2': 2.5, '2.3': 3,
  '3.1': 3, '3.2': 4, '3.3': 2, '3.4': 3,
  '4.1': 3, '4.2': 2, '4.3': 1, '4.4': 3,
  '5.1': 3, '5.2': 3, '5.3': 3, '5.4': 3,
  '6.1': 3, '6.2': 3, '6.3': 3,
  '7.1': 4, '7.2': 4, '7.3': 3, '7.4': 3,
  '8.1': 11, '8.2': 6, '8.3': 9,
};
const district2022 = {
  ...district2021,
  '1.1': 3, '1.2': 3,
  '3.2': 5,
  '7.2': 5,
  '8.3': 8,
};
const district2024 = {
  ...district2022,
  '3.2': 4,
  '7.3': 4,
};
const commune2024 = {
  '1.1': 3, '1.2': 2, '1.3': 3,
  '2.1': 3, '2.2': 3,
  '3.1': 3, '3.2': 6, '3.3': 3, '3.4': 4,
  '4.1': 3, '4.2': 3,
  '5.1': 3, '5.2': 3, '5.3': 3, '5.4': 3,
  '6.1': 3, '6.2': 2, '6.3': 3,
  '7.1': 4, '7.2': 4, '7.3': 3, '7.4': 3,
  '8.1': 10, '8.2': 10, '8.3': 10,
};

const districtWeights: Record<number, Record<string, number>> = {
  2021: district2021,
  2022: district2022,
  2023: district2022,
  2024: district2024,
  2025: district2024,
};

export const frameworks: FrameworkSeed[] = [
  ...[2021, 2022, 2023, 2024, 2025].map((year) => ({
    level: IndexLevel.DISTRICT,
    year,
    name: `Bộ chỉ số CCHC cấp huyện năm ${year}`,
    source: `Quyết định của UBND tỉnh Lâm Đồng ban hành Bộ chỉ số CCHC áp dụng năm ${year} (cơ cấu điểm minh họa)`,
    fields: buildFields(districtCriteria, districtWeights[year] ?? {}),
  })),
  ...[2024, 2025].map((year) => ({
    level: IndexLevel.COMMUNE,
    year,
    name: `Bộ chỉ số CCHC cấp xã năm ${year}`,
    source: `Quyết định của UBND huyện Đạ Tẻh ban hành Bộ chỉ số CCHC cấp xã năm ${year} (cơ cấu điểm minh họa)`,
    fields: buildFields(communeCriteria, commune2024),
  })),
];

export interface ResultSeed {
  unit: UnitCode;
  level: IndexLevel;
  year: number;
  /** Total in percent of the framework's maximum. */
  percent: number;
  /** Rank among peers; computed for commune results from the percents. */
  rank?: number;
  of?: number;
  publishedOn?: string;
  source: string;
  illustrative: boolean;
  /**
   * How heavily each field lost points (1 = in proportion to its maximum). Drives the illustrative
   * per-criterion scores, so that the improvement plan can name the weak fields.
   */
  weakFields?: Partial<Record<string, number>>;
}

export const districtResults: ResultSeed[] = [
  {
    unit: 'DATEH',
    level: IndexLevel.DISTRICT,
    year: 2021,
    percent: 92.2,
    rank: 1,
    of: 12,
    source: 'Báo Lâm Đồng, 16/09/2022',
    illustrative: false,
    weakFields: { '7': 2, '8': 1.5 },
  },
  {
    unit: 'DATEH',
    level: IndexLevel.DISTRICT,
    year: 2022,
    percent: 92.64,
    rank: 2,
    of: 12,
    publishedOn: '2023-03-15',
    source: 'Quyết định công bố Chỉ số CCHC năm 2022 của UBND tỉnh Lâm Đồng (số liệu minh họa)',
    illustrative: true,
    weakFields: { '7': 2, '2': 1.5 },
  },
  {
    // The dip below 92% that the tracker flags as a missed target.
    unit: 'DATEH',
    level: IndexLevel.DISTRICT,
    year: 2023,
    percent: 91.47,
    rank: 5,
    of: 12,
    publishedOn: '2024-03-12',
    source: 'Quyết định công bố Chỉ số CCHC năm 2023 của UBND tỉnh Lâm Đồng (số liệu minh họa)',
    illustrative: true,
    weakFields: { '3': 2.5, '7': 2, '8': 2 },
  },
  {
    unit: 'DATEH',
    level: IndexLevel.DISTRICT,
    year: 2024,
    percent: 92.35,
    rank: 4,
    of: 12,
    publishedOn: '2025-03-20',
    source: 'Quyết định công bố Chỉ số CCHC năm 2024 của UBND tỉnh Lâm Đồng (số liệu minh họa)',
    illustrative: true,
    weakFields: { '7': 2, '8': 1.5 },
  },
  {
    unit: 'DATEH',
    level: IndexLevel.DISTRICT,
    year: 2025,
    percent: 93.12,
    rank: 3,
    of: 12,
    publishedOn: '2026-02-26',
    source: 'Quyết định công bố Chỉ số CCHC năm 2025 của UBND tỉnh Lâm Đồng (số liệu minh họa)',
    illustrative: true,
    weakFields: { '7': 3, '8': 2.2, '3': 1.8, '2': 1.8 },
  },
];

/** Commune-level totals in percent (illustrative), with one tie per year. */
const communePercents: Record<number, [UnitCode, number][]> = {
  2024: [
    ['TT_DATEH', 91.35],
    ['XA_ANNHON', 84.1],
    ['XA_DAKHO', 88.72],
    ['XA_DALAY', 86.4],
    ['XA_DAPAL', 82.95],
    ['XA_HADONG', 89.6],
    ['XA_HUONGLAM', 87.25],
    ['XA_MYDUC', 90.18],
    ['XA_QUANGTRI', 87.25],
    ['XA_QUOCOAI', 83.7],
    ['XA_TRIEUHAI', 85.55],
  ],
  2025: [
    ['TT_DATEH', 92.4],
    ['XA_ANNHON', 83.85],
    ['XA_DAKHO', 89.3],
    ['XA_DALAY', 88.05],
    ['XA_DAPAL', 85.1],
    ['XA_HADONG', 90.25],
    ['XA_HUONGLAM', 88.05],
    ['XA_MYDUC', 91.1],
    ['XA_QUANGTRI', 87.6],
    ['XA_QUOCOAI', 84.95],
    ['XA_TRIEUHAI', 86.7],
  ],
};

/** Where An Nhơn lost points, which its draft improvement plan names. */
const communeWeakFields: Partial<Record<UnitCode, Partial<Record<string, number>>>> = {
  XA_ANNHON: { '7': 2.5, '3': 2, '8': 1.8 },
  XA_DAPAL: { '7': 2.2, '5': 1.5 },
  XA_QUOCOAI: { '7': 2, '8': 1.6 },
};

const communePublishedOn: Record<number, string> = { 2024: '2025-02-20', 2025: '2026-01-29' };

/** Competition ranking: equal totals share a rank and the next rank is skipped. */
export function rankByPercent<T extends { percent: number }>(rows: T[]): (T & { rank: number; of: number })[] {
  return rows.map((row) => ({
    ...row,
    rank: 1 + rows.filter((other) => other.percent > row.percent).length,
    of: rows.length,
  }));
}

export const communeResults: ResultSeed[] = Object.entries(communePercents).flatMap(([yearText, percents]) => {
  const year = Number(yearText);
  const rows = percents.map(([unit, percent]) => ({ unit, percent }));
  return rankByPercent(rows).map((row) => ({
    unit: row.unit,
    level: IndexLevel.COMMUNE,
    year,
    percent: row.percent,
    rank: row.rank,
    of: row.of,
    publishedOn: communePublishedOn[year],
    source: `Quyết định công bố Chỉ số CCHC cấp xã năm ${year} của UBND huyện Đạ Tẻh (số liệu minh họa)`,
    illustrative: true,
    weakFields: communeWeakFields[row.unit],
  }));
});
