// Improvement plans (kế hoạch nâng cao chỉ số), all illustrative: the article asks every unit to
// analyse its PAR index each year and act so that next year's is higher. Per-field target points
// are computed by the loader from the last result, so they always sum to the plan's target.
import { IndexLevel, PlanStatus } from '../../generated/prisma/client.ts';
import type { TaskKey } from './tasks.ts';
import type { UnitCode } from './units.ts';

export interface PlanActionSeed {
  /** Node code in the framework of the result the plan builds on. */
  node: string;
  title: string;
  description: string;
  tasks: readonly TaskKey[];
}

export interface PlanSeed {
  unit: UnitCode;
  /** The year whose index the plan aims to lift. */
  year: number;
  /** The result the plan analyses: level and year of its framework. */
  basedOn: { level: IndexLevel; year: number };
  targetPercent: number;
  status: PlanStatus;
  /** Day of approval (by the committee account) for approved plans. */
  approvedOn?: string;
  analysis: string;
  actions: readonly PlanActionSeed[];
}

export const plans: readonly PlanSeed[] = [
  {
    unit: 'DATEH',
    year: 2026,
    basedOn: { level: IndexLevel.DISTRICT, year: 2025 },
    targetPercent: 93.8,
    status: PlanStatus.APPROVED,
    approvedOn: '2026-03-27',
    analysis:
      'Năm 2025 huyện đạt 93,12%, xếp thứ 3/12, đạt chỉ tiêu 93% của Nghị quyết số 14-NQ/TU. Điểm bị trừ ' +
      'nhiều nhất ở lĩnh vực xây dựng chính quyền điện tử, chính quyền số: tỷ lệ hồ sơ nộp trực tuyến, ' +
      'thanh toán trực tuyến và số hóa kết quả giải quyết còn thấp, nhất là lĩnh vực đất đai. Tiếp đến là ' +
      'tác động của CCHC: mức độ hài lòng về đất đai, xây dựng chỉ vừa đạt 88%. Lĩnh vực thủ tục hành ' +
      'chính mất điểm do còn hồ sơ đất đai trễ hạn chưa xin lỗi người dân, xử lý phản ánh, kiến nghị chưa ' +
      'kịp thời; lĩnh vực thể chế mất điểm do rà soát văn bản quy phạm pháp luật sau sắp xếp bộ máy chậm.',
    actions: [
      {
        node: '7.2',
        title: 'Nâng tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến',
        description: 'Tập trung lĩnh vực đất đai, giáo dục; lấy kết quả làm tiêu chí bình xét thi đua.',
        tasks: [
          'land-online-dossiers',
          'education-online-services',
          'dalay-electronic-id',
          'online-services-emulation-report',
        ],
      },
      {
        node: '7.3',
        title: 'Mở rộng thanh toán trực tuyến và số hóa hồ sơ',
        description: 'Thanh toán điện tử tới tất cả người dân; trang bị thiết bị số hóa cho các xã còn thiếu.',
        tasks: ['e-payment-for-all', 'online-fee-payment', 'dapal-equipment'],
      },
      {
        node: '8.1',
        title: 'Nâng mức hài lòng về đất đai, xây dựng, y tế',
        description: 'Khảo sát, phân tích lĩnh vực dưới mức trung bình; rút ngắn thời gian giải quyết hồ sơ.',
        tasks: ['satisfaction-survey', 'building-permits', 'health-satisfaction'],
      },
      {
        node: '3.3',
        title: 'Xử lý kịp thời phản ánh, kiến nghị; xin lỗi người dân khi trễ hạn',
        description: 'Không để hồ sơ trễ hạn mà không có văn bản xin lỗi; trả lời phản ánh đúng thời hạn.',
        tasks: ['late-land-dossiers', 'annhon-feedback-handling'],
      },
      {
        node: '2.2',
        title: 'Hoàn thành rà soát văn bản quy phạm pháp luật sau sắp xếp bộ máy',
        description: 'Sửa đổi, bãi bỏ văn bản còn quy định theo tên cơ quan trước sắp xếp.',
        tasks: ['legal-document-review'],
      },
    ],
  },
  {
    unit: 'XA_ANNHON',
    year: 2026,
    basedOn: { level: IndexLevel.COMMUNE, year: 2025 },
    targetPercent: 86.5,
    status: PlanStatus.DRAFT,
    analysis:
      'Năm 2025 xã đạt 83,85%, thấp nhất trong 11 xã, thị trấn. Mất điểm nhiều ở chính quyền số (tỷ lệ hồ ' +
      'sơ trực tuyến, thanh toán không dùng tiền mặt thấp), thủ tục hành chính (xử lý phản ánh, kiến nghị ' +
      'chậm) và mức độ hài lòng của người dân.',
    actions: [
      {
        node: '7.2',
        title: 'Hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa',
        description: 'Bố trí người hỗ trợ thường trực; hướng dẫn tại các thôn xa.',
        tasks: ['annhon-online-services-help'],
      },
      {
        node: '7.3',
        title: 'Số hóa toàn bộ hồ sơ, kết quả giải quyết',
        description: 'Duy trì số hóa 100% hồ sơ tiếp nhận.',
        tasks: ['annhon-digitisation'],
      },
      {
        node: '3.3',
        title: 'Lập sổ theo dõi, trả lời phản ánh, kiến nghị đúng hạn',
        description: 'Công khai kết quả trả lời trên bảng tin của xã.',
        tasks: ['annhon-feedback-handling'],
      },
      {
        node: '1.1',
        title: 'Xây dựng kế hoạch khắc phục, giao trách nhiệm từng công chức',
        description: 'Chủ tịch UBND xã chịu trách nhiệm trực tiếp về kết quả.',
        tasks: ['annhon-index-plan'],
      },
    ],
  },
];
