// Tasks drawn from the actions the article names. Every task is illustrative (the article names
// the actions, not these assignments). Tasks finished in past years have fixed dates; open and
// recent tasks have dates relative to the demo's today (numbers of days, see DaySpec), so that
// the demo always shows overdue, due-soon and future work. The loader builds each task's
// timeline (events, evidence, extension) from these fields; seeds/timeline.ts checks them.
import { TaskPriority, TaskStatus } from '../../generated/prisma/client.ts';
import type { DaySpec } from '../dates.ts';
import type { ObjectiveCode } from './resolution.ts';
import type { UnitCode } from './units.ts';

export type EvidenceSeed =
  | { kind: 'DOCUMENT'; title: string; number: string; issuer: string; date?: DaySpec }
  | { kind: 'LINK'; title: string; url: string; date?: DaySpec };

export interface ExtensionSeed {
  status: 'APPROVED' | 'PENDING' | 'REJECTED';
  requestedOn: DaySpec;
  /** The deadline asked for; an approved request makes it the task's deadline. */
  to: DaySpec;
  reason: string;
  decidedOn?: DaySpec;
  decisionNote?: string;
}

export interface TaskSeed {
  /** Stable key, used by improvement plan actions. */
  key: string;
  title: string;
  description: string;
  objective: ObjectiveCode;
  lead: UnitCode;
  support?: readonly UnitCode[];
  priority: TaskPriority;
  status: TaskStatus;
  progress: number;
  start: DaySpec;
  /** The deadline as first assigned. */
  deadline: DaySpec;
  extension?: ExtensionSeed;
  /** Day the unit reported the task done (SUBMITTED, RETURNED, COMPLETED); defaults to 3 days before completion. */
  submittedOn?: DaySpec;
  completedOn?: DaySpec;
  returnedOn?: DaySpec;
  returnReason?: string;
  cancelledOn?: DaySpec;
  cancelReason?: string;
  /** The latest progress report. */
  note?: string;
  evidence?: readonly EvidenceSeed[];
}

const { NOT_STARTED, IN_PROGRESS, SUBMITTED, COMPLETED, RETURNED, CANCELLED } = TaskStatus;
const { LOW, NORMAL, HIGH, URGENT } = TaskPriority;

const district = 'UBND huyện Đạ Tẻh';
const portal = 'https://dateh.lamdong.gov.vn';

export const tasks = [
  // ------------------------------------------------------------ completed in 2022–2025 (fixed)
  {
    key: 'resolution14-plan',
    title: 'Tham mưu Kế hoạch của UBND huyện thực hiện Nghị quyết số 14-NQ/TU của Tỉnh ủy',
    description:
      'Cụ thể hóa Nghị quyết số 14-NQ/TU ngày 25/5/2022 của Tỉnh ủy thành kế hoạch của huyện: mục tiêu, ' +
      'chỉ tiêu hằng năm, nhiệm vụ trọng tâm và phân công cơ quan chủ trì, phối hợp.',
    objective: 'MT02',
    lead: 'PNV',
    support: ['VP'],
    priority: URGENT,
    status: COMPLETED,
    progress: 100,
    start: '2022-06-06',
    deadline: '2022-07-15',
    submittedOn: '2022-07-05',
    completedOn: '2022-07-08',
    note: 'Đã trình UBND huyện ban hành Kế hoạch thực hiện Nghị quyết số 14-NQ/TU.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Kế hoạch thực hiện Nghị quyết số 14-NQ/TU ngày 25/5/2022 của Tỉnh ủy trên địa bàn huyện',
        number: '125/KH-UBND',
        issuer: district,
        date: '2022-07-04',
      },
    ],
  },
  {
    key: 'district-one-stop-desk',
    title: 'Củng cố, kiện toàn Bộ phận tiếp nhận và trả kết quả cấp huyện',
    description:
      'Rà soát nhân sự, trang thiết bị và quy chế hoạt động của Bộ phận tiếp nhận và trả kết quả huyện; ' +
      'bảo đảm 100% thủ tục hành chính được giải quyết theo cơ chế một cửa, một cửa liên thông.',
    objective: 'MT10',
    lead: 'VP',
    support: ['PNV'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2022-06-15',
    deadline: '2022-09-30',
    completedOn: '2022-09-20',
    note: 'Đã kiện toàn nhân sự, bổ sung máy tính, máy quét và ban hành quy chế hoạt động mới.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Quyết định kiện toàn Bộ phận tiếp nhận và trả kết quả huyện Đạ Tẻh',
        number: '1450/QĐ-UBND',
        issuer: district,
        date: '2022-09-16',
      },
    ],
  },
  {
    key: 'myduc-one-stop-desk',
    title: 'Kiện toàn Bộ phận tiếp nhận và trả kết quả xã Mỹ Đức',
    description:
      'Bố trí công chức có chuyên môn phù hợp tại Bộ phận một cửa xã, niêm yết đầy đủ thủ tục hành chính ' +
      'và bảo đảm cơ sở vật chất theo quy định.',
    objective: 'MT10',
    lead: 'XA_MYDUC',
    support: ['PNV'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2022-07-01',
    deadline: '2022-09-30',
    completedOn: '2022-10-12',
    note: 'Đã bố trí đủ công chức và niêm yết thủ tục; hoàn thành chậm do chờ sửa chữa phòng làm việc.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Quyết định kiện toàn Bộ phận tiếp nhận và trả kết quả xã Mỹ Đức',
        number: '86/QĐ-UBND',
        issuer: 'UBND xã Mỹ Đức',
        date: '2022-10-05',
      },
    ],
  },
  {
    key: 'procedure-publicity-2022',
    title: 'Công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa và Trang thông tin điện tử huyện',
    description:
      'Cập nhật danh mục thủ tục hành chính thuộc thẩm quyền của UBND huyện, niêm yết tại Bộ phận một cửa ' +
      'và đăng tải trên Trang thông tin điện tử huyện để người dân dễ tra cứu.',
    objective: 'MT07',
    lead: 'VP',
    support: ['PVHTT'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2022-07-11',
    deadline: '2022-09-30',
    completedOn: '2022-09-26',
    note: 'Đã công khai toàn bộ thủ tục hành chính cấp huyện trên Trang thông tin điện tử.',
    evidence: [
      {
        kind: 'LINK',
        title: 'Chuyên mục công khai thủ tục hành chính trên Trang thông tin điện tử huyện',
        url: `${portal}/thu-tuc-hanh-chinh`,
        date: '2022-09-22',
      },
    ],
  },
  {
    key: 'legal-document-review-2022',
    title: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành',
    description:
      'Rà soát toàn bộ văn bản quy phạm pháp luật còn hiệu lực, đề xuất bãi bỏ, sửa đổi văn bản không ' +
      'còn phù hợp; công bố danh mục văn bản hết hiệu lực.',
    objective: 'MT05',
    lead: 'PTP',
    support: ['VP'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2022-08-01',
    deadline: '2022-11-30',
    completedOn: '2022-11-25',
    note: 'Đã rà soát 46 văn bản, đề xuất bãi bỏ 5 văn bản không còn phù hợp.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2022',
        number: '248/BC-UBND',
        issuer: district,
        date: '2022-11-21',
      },
    ],
  },
  {
    key: 'satisfaction-survey-2022',
    title: 'Tổ chức khảo sát mức độ hài lòng của người dân, tổ chức năm 2022',
    description:
      'Khảo sát sự hài lòng đối với sự phục vụ của cơ quan hành chính và các dịch vụ y tế, giáo dục công ' +
      'lập, đất đai, xây dựng; tổng hợp kiến nghị của người dân.',
    objective: 'MT17',
    lead: 'PNV',
    support: ['VP', 'PYT', 'PGDDT'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2022-09-19',
    deadline: '2022-11-30',
    completedOn: '2022-12-07',
    note: 'Đã khảo sát 420 phiếu; chậm tiến độ do một số xã thu phiếu muộn.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả khảo sát mức độ hài lòng của người dân, tổ chức năm 2022',
        number: '265/BC-UBND',
        issuer: district,
        date: '2022-12-02',
      },
    ],
  },
  {
    key: 'online-services-emulation-criterion',
    title: 'Đưa kết quả triển khai dịch vụ công trực tuyến vào tiêu chí bình xét thi đua, khen thưởng hằng năm',
    description:
      'Bổ sung tiêu chí về tỷ lệ hồ sơ trực tuyến vào bộ tiêu chí thi đua của các cơ quan chuyên môn và ' +
      'UBND các xã, thị trấn.',
    objective: 'MT15',
    lead: 'PNV',
    support: ['VP'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2022-10-03',
    deadline: '2022-12-31',
    completedOn: '2022-12-28',
    note: 'Bộ tiêu chí thi đua mới đã có tiêu chí tỷ lệ hồ sơ nộp trực tuyến.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title:
          'Quyết định ban hành tiêu chí bình xét thi đua, khen thưởng, trong đó có kết quả sử dụng dịch vụ công trực tuyến',
        number: '2890/QĐ-UBND',
        issuer: district,
        date: '2022-12-23',
      },
    ],
  },
  {
    key: 'index-analysis-2022',
    title: 'Phân tích kết quả Chỉ số CCHC năm 2022 của huyện, đề ra giải pháp nâng cao năm 2023',
    description:
      'Phân tích từng lĩnh vực, tiêu chí bị trừ điểm của Chỉ số CCHC năm 2022; xây dựng kế hoạch để chỉ ' +
      'số năm 2023 cao hơn năm 2022.',
    objective: 'MT03',
    lead: 'PNV',
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2023-03-20',
    deadline: '2023-04-30',
    completedOn: '2023-04-25',
    note: 'Đã xác định các tiêu chí mất điểm ở lĩnh vực chính quyền số và thể chế.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Kế hoạch nâng cao Chỉ số CCHC năm 2023 của huyện Đạ Tẻh',
        number: '62/KH-UBND',
        issuer: district,
        date: '2023-04-20',
      },
    ],
  },
  {
    key: 'land-records-digitisation',
    title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực đất đai',
    description:
      'Số hóa hồ sơ đất đai còn lưu trữ giấy và kết quả giải quyết thủ tục để tái sử dụng dữ liệu, giảm ' +
      'giấy tờ người dân phải nộp lại.',
    objective: 'MT13',
    lead: 'PTNMT',
    support: ['VP'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2023-02-01',
    deadline: '2023-09-30',
    extension: {
      status: 'APPROVED',
      requestedOn: '2023-09-18',
      to: '2023-12-31',
      reason: 'Khối lượng hồ sơ đất đai lưu trữ giấy lớn, máy quét chuyên dụng được cấp chậm.',
      decidedOn: '2023-09-22',
      decisionNote: 'Đồng ý gia hạn đến 31/12/2023; yêu cầu báo cáo tiến độ hằng tháng.',
    },
    submittedOn: '2023-12-19',
    completedOn: '2023-12-22',
    note: 'Đã số hóa toàn bộ hồ sơ đất đai lưu trữ từ năm 2015 đến nay.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực đất đai',
        number: '215/BC-TNMT',
        issuer: 'Phòng Tài nguyên và Môi trường huyện Đạ Tẻh',
        date: '2023-12-18',
      },
    ],
  },
  {
    key: 'cashless-hospital-fees',
    title: 'Triển khai thanh toán viện phí không dùng tiền mặt tại Trung tâm Y tế huyện',
    description:
      'Phối hợp ngân hàng triển khai thanh toán viện phí bằng mã QR và thẻ; hướng dẫn người bệnh sử dụng.',
    objective: 'MT14',
    lead: 'PYT',
    support: ['PTCKH'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2023-03-01',
    deadline: '2023-10-31',
    completedOn: '2023-10-20',
    note: 'Trung tâm Y tế huyện đã nhận thanh toán viện phí qua mã QR tại tất cả quầy thu.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả triển khai thanh toán viện phí không dùng tiền mặt',
        number: '46/BC-PYT',
        issuer: 'Phòng Y tế huyện Đạ Tẻh',
        date: '2023-10-17',
      },
      {
        kind: 'LINK',
        title: 'Tin bài: Trung tâm Y tế huyện triển khai thanh toán viện phí không dùng tiền mặt',
        url: `${portal}/tin-tuc/thanh-toan-vien-phi-khong-dung-tien-mat`,
        date: '2023-10-16',
      },
    ],
  },
  {
    key: 'cashless-school-fees',
    title: 'Thu học phí và các khoản thu trong trường học không dùng tiền mặt',
    description:
      'Triển khai thu học phí, các khoản thu thỏa thuận qua ngân hàng, ví điện tử tại các trường học trên địa bàn.',
    objective: 'MT14',
    lead: 'PGDDT',
    support: ['PTCKH'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2023-08-14',
    deadline: '2023-12-31',
    submittedOn: '2024-01-15',
    completedOn: '2024-01-19',
    note: 'Các trường đã thu học phí học kỳ I không dùng tiền mặt; hoàn thành trễ do chờ ký hợp đồng với ngân hàng.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả thu học phí không dùng tiền mặt học kỳ I năm học 2023 - 2024',
        number: '12/BC-PGDĐT',
        issuer: 'Phòng Giáo dục và Đào tạo huyện Đạ Tẻh',
        date: '2024-01-12',
      },
    ],
  },
  {
    key: 'public-finance-autonomy',
    title: 'Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập giai đoạn 2023 - 2025',
    description:
      'Rà soát mức độ tự chủ của các đơn vị sự nghiệp công lập thuộc huyện, trình giao quyền tự chủ về ' +
      'tài chính giai đoạn ổn định 2023 - 2025.',
    objective: 'MT12',
    lead: 'PTCKH',
    support: ['PNV', 'PGDDT'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2023-01-09',
    deadline: '2023-06-30',
    completedOn: '2023-06-16',
    note: 'Đã trình giao tự chủ tài chính cho các đơn vị sự nghiệp công lập thuộc huyện.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Quyết định giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập giai đoạn 2023 - 2025',
        number: '1120/QĐ-UBND',
        issuer: district,
        date: '2023-06-12',
      },
    ],
  },
  {
    key: 'civil-service-inspection-2023',
    title: 'Kiểm tra công vụ, kỷ luật, kỷ cương hành chính tại Bộ phận một cửa các xã, thị trấn năm 2023',
    description:
      'Kiểm tra việc chấp hành giờ giấc, thái độ phục vụ và giải quyết hồ sơ đúng hạn; phát hiện, chấn ' +
      'chỉnh biểu hiện cửa quyền, hách dịch, nhũng nhiễu.',
    objective: 'MT11',
    lead: 'TTRA',
    support: ['PNV'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2023-05-02',
    deadline: '2023-10-31',
    completedOn: '2023-10-27',
    note: 'Đã kiểm tra 11/11 xã, thị trấn; không phát hiện trường hợp nhũng nhiễu.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Kết luận kiểm tra công vụ tại Bộ phận tiếp nhận và trả kết quả các xã, thị trấn',
        number: '05/KL-TTr',
        issuer: 'Thanh tra huyện Đạ Tẻh',
        date: '2023-10-23',
      },
    ],
  },
  {
    key: 'benefits-paid-to-accounts',
    title: 'Chi trả trợ cấp xã hội, ưu đãi người có công qua tài khoản',
    description:
      'Vận động đối tượng bảo trợ xã hội và người có công mở tài khoản, chuyển dần việc chi trả sang ' +
      'hình thức không dùng tiền mặt.',
    objective: 'MT14',
    lead: 'PLDTBXH',
    support: ['XA_QUOCOAI', 'XA_DAPAL'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2023-04-03',
    deadline: '2023-12-31',
    completedOn: '2023-12-15',
    note: 'Đã chuyển chi trả qua tài khoản cho phần lớn đối tượng ở các xã.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả chi trả trợ cấp xã hội, ưu đãi người có công qua tài khoản',
        number: '98/BC-LĐTBXH',
        issuer: 'Phòng Lao động – Thương binh và Xã hội huyện Đạ Tẻh',
        date: '2023-12-11',
      },
    ],
  },
  {
    key: 'hadong-grassroots-democracy',
    title: 'Triển khai Luật Thực hiện dân chủ ở cơ sở tại xã Hà Đông',
    description:
      'Công khai để Nhân dân biết, dân bàn, dân quyết định và dân giám sát, kiểm tra; phát huy vai trò ban ' +
      'thanh tra nhân dân, ban giám sát đầu tư cộng đồng.',
    objective: 'MT06',
    lead: 'XA_HADONG',
    support: ['PTP'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2023-07-03',
    deadline: '2023-12-31',
    completedOn: '2023-12-20',
    note: 'Đã tổ chức hội nghị ở tất cả các thôn và công khai các nội dung theo Luật.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2023',
        number: '142/BC-UBND',
        issuer: 'UBND xã Hà Đông',
        date: '2023-12-15',
      },
    ],
  },
  {
    key: 'index-analysis-2023',
    title: 'Phân tích nguyên nhân Chỉ số CCHC năm 2023 giảm, xây dựng kế hoạch khắc phục',
    description:
      'Chỉ số CCHC năm 2023 giảm xuống dưới 92%; phân tích các tiêu chí mất điểm, xác định trách nhiệm ' +
      'của từng cơ quan và đề ra giải pháp để năm 2024 cao hơn năm 2023.',
    objective: 'MT03',
    lead: 'PNV',
    support: ['VP'],
    priority: URGENT,
    status: COMPLETED,
    progress: 100,
    start: '2024-03-18',
    deadline: '2024-04-30',
    submittedOn: '2024-04-24',
    completedOn: '2024-04-26',
    note: 'Mất điểm chủ yếu ở lĩnh vực thủ tục hành chính, chính quyền số và mức độ hài lòng về đất đai.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo phân tích kết quả Chỉ số CCHC năm 2023 và giải pháp khắc phục',
        number: '88/BC-UBND',
        issuer: district,
        date: '2024-04-22',
      },
      {
        kind: 'DOCUMENT',
        title: 'Kế hoạch nâng cao Chỉ số CCHC năm 2024 của huyện Đạ Tẻh',
        number: '71/KH-UBND',
        issuer: district,
        date: '2024-04-24',
      },
    ],
  },
  {
    key: 'non-public-services-pilot',
    title: 'Thí điểm dịch vụ hành chính ngoài công lập: tiếp nhận hồ sơ, trả kết quả qua bưu chính công ích',
    description:
      'Phối hợp Bưu điện huyện tiếp nhận hồ sơ, trả kết quả thủ tục hành chính tại nhà cho người dân ở ' +
      'các thôn xa trung tâm, hỗ trợ dịch vụ hành chính công.',
    objective: 'MT09',
    lead: 'VP',
    support: ['PNV', 'TT_DATEH'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2024-03-04',
    deadline: '2024-09-30',
    completedOn: '2024-09-20',
    note: 'Thí điểm tại thị trấn Đạ Tẻh đạt kết quả tốt, đề xuất nhân rộng ra các xã.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả thí điểm tiếp nhận hồ sơ, trả kết quả thủ tục hành chính qua bưu chính công ích',
        number: '196/BC-UBND',
        issuer: district,
        date: '2024-09-16',
      },
    ],
  },
  {
    key: 'agency-merger-scheme',
    title: 'Xây dựng đề án sắp xếp, tổ chức lại các cơ quan chuyên môn thuộc UBND huyện',
    description:
      'Sáp nhập Phòng Lao động – TB&XH vào Phòng Nội vụ; hợp nhất Phòng Tài nguyên và Môi trường với Phòng ' +
      'Nông nghiệp và PTNT thành Phòng Nông nghiệp và Môi trường từ ngày 01/3/2025.',
    objective: 'MT10',
    lead: 'PNV',
    support: ['PTNMT', 'PNNPTNT', 'PLDTBXH'],
    priority: URGENT,
    status: COMPLETED,
    progress: 100,
    start: '2024-12-16',
    deadline: '2025-02-14',
    completedOn: '2025-02-24',
    note: 'Đề án đã được thông qua; hoàn thành chậm do chờ hướng dẫn của tỉnh về vị trí việc làm.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Đề án sắp xếp, tổ chức lại các cơ quan chuyên môn thuộc UBND huyện Đạ Tẻh',
        number: '01/ĐA-UBND',
        issuer: district,
        date: '2025-02-18',
      },
    ],
  },
  {
    key: 'agriculture-workflows',
    title: 'Chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực nông nghiệp',
    description:
      'Xây dựng quy trình nội bộ, quy trình điện tử cho các thủ tục lĩnh vực nông nghiệp và phát triển ' +
      'nông thôn trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.',
    objective: 'MT13',
    lead: 'PNNPTNT',
    support: ['VP'],
    priority: NORMAL,
    status: CANCELLED,
    progress: 30,
    start: '2024-09-03',
    deadline: '2025-06-30',
    cancelledOn: '2025-02-26',
    cancelReason:
      'Phòng Nông nghiệp và PTNT hợp nhất vào Phòng Nông nghiệp và Môi trường từ 01/3/2025; nhiệm vụ được ' +
      'giao lại cho đơn vị mới.',
    note: 'Đã chuẩn hóa 9/30 quy trình.',
  },
  {
    key: 'land-interlinked-one-stop',
    title: 'Ban hành quy chế phối hợp giải quyết thủ tục đất đai theo cơ chế một cửa liên thông',
    description:
      'Phối hợp giữa Phòng Nông nghiệp và Môi trường, Chi nhánh Văn phòng đăng ký đất đai và cơ quan thuế ' +
      'để rút ngắn thời gian giải quyết hồ sơ đất đai sau khi hợp nhất phòng.',
    objective: 'MT08',
    lead: 'PNNMT',
    support: ['VP'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: '2025-03-10',
    deadline: '2025-08-31',
    completedOn: '2025-09-12',
    note: 'Quy chế phối hợp đã ban hành; chậm do phải lấy ý kiến cơ quan thuế.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Quyết định ban hành Quy chế phối hợp giải quyết thủ tục hành chính lĩnh vực đất đai',
        number: '1675/QĐ-UBND',
        issuer: district,
        date: '2025-09-05',
      },
    ],
  },
  {
    key: 'quangtri-digitisation',
    title: 'Số hóa hồ sơ thủ tục hành chính tại Bộ phận một cửa xã Quảng Trị',
    description: 'Số hóa 100% hồ sơ tiếp nhận và kết quả giải quyết thủ tục hành chính tại Bộ phận một cửa xã.',
    objective: 'MT13',
    lead: 'XA_QUANGTRI',
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: '2025-01-06',
    deadline: '2025-06-30',
    completedOn: '2025-06-27',
    note: 'Toàn bộ hồ sơ tiếp nhận từ đầu năm đã được số hóa.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả số hóa hồ sơ thủ tục hành chính tại Bộ phận một cửa xã Quảng Trị',
        number: '58/BC-UBND',
        issuer: 'UBND xã Quảng Trị',
        date: '2025-06-23',
      },
    ],
  },
  {
    key: 'index-analysis-2025',
    title: 'Phân tích kết quả Chỉ số CCHC năm 2025, xây dựng Kế hoạch nâng cao chỉ số năm 2026',
    description:
      'Phân tích đầy đủ các tiêu chí bị trừ điểm của Chỉ số CCHC năm 2025; đề ra giải pháp để chỉ số năm ' +
      '2026 cao hơn năm 2025.',
    objective: 'MT03',
    lead: 'PNV',
    support: ['VP'],
    priority: URGENT,
    status: COMPLETED,
    progress: 100,
    start: '2026-02-27',
    deadline: '2026-03-31',
    submittedOn: '2026-03-26',
    completedOn: '2026-03-27',
    note: 'Đã trình Kế hoạch nâng cao Chỉ số CCHC năm 2026.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Kế hoạch nâng cao Chỉ số CCHC năm 2026 của huyện Đạ Tẻh',
        number: '45/KH-UBND',
        issuer: district,
        date: '2026-03-26',
      },
    ],
  },

  // ------------------------------------------------------------ completed recently (relative)
  {
    key: 'township-procedure-publicity',
    title: 'Rà soát, công khai thủ tục hành chính thuộc thẩm quyền của UBND thị trấn',
    description: 'Cập nhật danh mục thủ tục mới, niêm yết tại Bộ phận một cửa và đăng trên trang thông tin của thị trấn.',
    objective: 'MT07',
    lead: 'TT_DATEH',
    support: ['VP'],
    priority: NORMAL,
    status: COMPLETED,
    progress: 100,
    start: -75,
    deadline: -10,
    submittedOn: -14,
    completedOn: -12,
    note: 'Đã cập nhật và công khai đầy đủ danh mục thủ tục hành chính cấp xã.',
    evidence: [
      {
        kind: 'LINK',
        title: 'Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND thị trấn Đạ Tẻh',
        url: `${portal}/thi-tran-da-teh/thu-tuc-hanh-chinh`,
      },
    ],
  },
  {
    key: 'commune-par-inspection',
    title: 'Kiểm tra công tác CCHC tại các xã, thị trấn',
    description:
      'Kiểm tra việc thực hiện kế hoạch CCHC, trách nhiệm của chủ tịch UBND xã, thị trấn và hoạt động của ' +
      'Bộ phận một cửa; kiến nghị khắc phục tồn tại.',
    objective: 'MT02',
    lead: 'PNV',
    support: ['TTRA', 'VP'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: -95,
    deadline: -21,
    submittedOn: -8,
    completedOn: -6,
    note: 'Đã kiểm tra 11/11 xã, thị trấn; chậm do lịch kiểm tra trùng đợt cao điểm giải quyết hồ sơ.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả kiểm tra công tác CCHC tại các xã, thị trấn',
        number: '215/BC-NV',
        issuer: 'Phòng Nội vụ huyện Đạ Tẻh',
      },
    ],
  },
  {
    key: 'annhon-digitisation',
    title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận một cửa xã An Nhơn',
    description: 'Số hóa hồ sơ tiếp nhận và kết quả giải quyết thủ tục, lưu trên kho dữ liệu của tỉnh để tái sử dụng.',
    objective: 'MT13',
    lead: 'XA_ANNHON',
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: -120,
    deadline: -14,
    submittedOn: -18,
    completedOn: -16,
    note: 'Đã số hóa toàn bộ hồ sơ tiếp nhận trong năm.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
        number: '131/BC-UBND',
        issuer: 'UBND xã An Nhơn',
      },
    ],
  },
  {
    key: 'online-fee-payment',
    title: 'Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính',
    description:
      'Tích hợp thanh toán trực tuyến phí, lệ phí trên Cổng Dịch vụ công; hướng dẫn người dân thanh toán ' +
      'qua ngân hàng và ví điện tử.',
    objective: 'MT14',
    lead: 'PTCKH',
    support: ['VP'],
    priority: HIGH,
    status: COMPLETED,
    progress: 100,
    start: -100,
    deadline: -3,
    submittedOn: -6,
    completedOn: -4,
    note: 'Tất cả thủ tục có phí, lệ phí đã cho phép thanh toán trực tuyến.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính',
        number: '77/BC-TCKH',
        issuer: 'Phòng Tài chính – Kế hoạch huyện Đạ Tẻh',
      },
      {
        kind: 'LINK',
        title: 'Hướng dẫn thanh toán trực tuyến phí, lệ phí thủ tục hành chính',
        url: `${portal}/tin-tuc/huong-dan-thanh-toan-truc-tuyen-phi-le-phi`,
      },
    ],
  },

  // ------------------------------------------------------------ submitted, waiting for review
  {
    key: 'annhon-budget-publicity',
    title: 'Công khai thu, chi ngân sách xã và các công trình đầu tư tại nhà văn hóa thôn',
    description:
      'Thực hiện công khai để Nhân dân biết, dân bàn, dân quyết định và dân giám sát, kiểm tra; niêm yết ' +
      'tại trụ sở UBND xã và nhà văn hóa các thôn.',
    objective: 'MT06',
    lead: 'XA_ANNHON',
    priority: NORMAL,
    status: SUBMITTED,
    progress: 100,
    start: -60,
    deadline: 5,
    submittedOn: -2,
    note: 'Đã niêm yết công khai tại trụ sở UBND xã và nhà văn hóa các thôn.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo công khai thu, chi ngân sách xã và các công trình đầu tư',
        number: '118/BC-UBND',
        issuer: 'UBND xã An Nhơn',
      },
      {
        kind: 'LINK',
        title: 'Thông báo công khai ngân sách xã An Nhơn',
        url: `${portal}/xa-an-nhon/cong-khai-ngan-sach`,
      },
    ],
  },
  {
    key: 'legal-document-review',
    title: 'Rà soát văn bản quy phạm pháp luật của HĐND, UBND huyện còn hiệu lực',
    description:
      'Rà soát văn bản sau khi sắp xếp các cơ quan chuyên môn; đề xuất sửa đổi văn bản còn quy định theo ' +
      'tên cơ quan cũ.',
    objective: 'MT05',
    lead: 'PTP',
    support: ['VP'],
    priority: HIGH,
    status: SUBMITTED,
    progress: 100,
    start: -80,
    deadline: -1,
    submittedOn: -3,
    note: 'Đã rà soát xong, đề xuất sửa đổi 7 văn bản.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả rà soát văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành',
        number: '302/BC-UBND',
        issuer: district,
      },
    ],
  },
  {
    key: 'education-online-services',
    title: 'Đưa thủ tục hành chính lĩnh vực giáo dục đủ điều kiện lên dịch vụ công trực tuyến toàn trình',
    description: 'Rà soát thủ tục lĩnh vực giáo dục và đào tạo, cấu hình dịch vụ công trực tuyến toàn trình, hướng dẫn phụ huynh sử dụng.',
    objective: 'MT15',
    lead: 'PGDDT',
    support: ['VP'],
    priority: NORMAL,
    status: SUBMITTED,
    progress: 100,
    start: -150,
    deadline: 10,
    submittedOn: -4,
    note: 'Các thủ tục đủ điều kiện đã cung cấp trực tuyến toàn trình.',
    evidence: [
      {
        kind: 'LINK',
        title: 'Danh mục dịch vụ công trực tuyến toàn trình lĩnh vực giáo dục và đào tạo',
        url: `${portal}/dich-vu-cong/giao-duc-dao-tao`,
      },
    ],
  },
  {
    key: 'online-services-emulation-report',
    title: 'Tổng hợp kết quả sử dụng dịch vụ công trực tuyến làm căn cứ bình xét thi đua',
    description:
      'Tổng hợp tỷ lệ hồ sơ trực tuyến của từng cơ quan, xã, thị trấn để đưa vào bình xét thi đua, khen ' +
      'thưởng cuối năm.',
    objective: 'MT15',
    lead: 'PNV',
    support: ['VP'],
    priority: HIGH,
    status: SUBMITTED,
    progress: 100,
    start: -40,
    deadline: 12,
    submittedOn: -1,
    note: 'Đã tổng hợp số liệu của 11 xã, thị trấn và các cơ quan chuyên môn.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo tổng hợp kết quả sử dụng dịch vụ công trực tuyến của các cơ quan, đơn vị, xã, thị trấn',
        number: '238/BC-NV',
        issuer: 'Phòng Nội vụ huyện Đạ Tẻh',
      },
    ],
  },
  {
    key: 'dakho-one-stop-desk',
    title: 'Bố trí lại Bộ phận một cửa xã Đạ Kho, niêm yết đầy đủ thủ tục hành chính',
    description: 'Bố trí lại khu vực tiếp nhận, bổ sung ghế chờ, máy tra cứu và niêm yết đầy đủ thủ tục hành chính cấp xã.',
    objective: 'MT08',
    lead: 'XA_DAKHO',
    support: ['VP'],
    priority: NORMAL,
    status: SUBMITTED,
    progress: 100,
    start: -70,
    deadline: -5,
    submittedOn: -3,
    note: 'Đã bố trí lại Bộ phận một cửa và niêm yết thủ tục.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả bố trí lại Bộ phận tiếp nhận và trả kết quả xã Đạ Kho',
        number: '96/BC-UBND',
        issuer: 'UBND xã Đạ Kho',
      },
    ],
  },

  // ------------------------------------------------------------ returned for rework
  {
    key: 'annhon-feedback-handling',
    title: 'Tiếp nhận, xử lý phản ánh, kiến nghị của người dân qua hộp thư góp ý và đường dây nóng',
    description:
      'Lập sổ theo dõi, xử lý và trả lời phản ánh, kiến nghị của người dân về thủ tục hành chính đúng thời hạn.',
    objective: 'MT07',
    lead: 'XA_ANNHON',
    priority: HIGH,
    status: RETURNED,
    progress: 90,
    start: -90,
    deadline: 3,
    submittedOn: -15,
    returnedOn: -10,
    returnReason:
      'Báo cáo chưa có số liệu phản ánh đã xử lý theo từng tháng; đề nghị bổ sung sổ theo dõi và văn bản ' +
      'trả lời người dân.',
    note: 'Đã xử lý các phản ánh nhận được, đang hoàn thiện báo cáo.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân',
        number: '104/BC-UBND',
        issuer: 'UBND xã An Nhơn',
      },
    ],
  },
  {
    key: 'late-land-dossiers',
    title: 'Rà soát hồ sơ đất đai trễ hạn, thực hiện xin lỗi người dân theo quy định',
    description:
      'Rà soát hồ sơ đất đai giải quyết quá hạn, gửi thư xin lỗi người dân, làm rõ trách nhiệm của công chức ' +
      'và cam kết thời hạn trả kết quả mới.',
    objective: 'MT11',
    lead: 'PNNMT',
    support: ['VP'],
    priority: URGENT,
    status: RETURNED,
    progress: 80,
    start: -100,
    deadline: -7,
    submittedOn: -20,
    returnedOn: -14,
    returnReason:
      'Chưa có thư xin lỗi đối với 12 hồ sơ trễ hạn; số liệu chưa khớp với Hệ thống thông tin giải quyết ' +
      'thủ tục hành chính của tỉnh.',
    note: 'Đã rà soát toàn bộ hồ sơ quá hạn trong năm.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo rà soát hồ sơ đất đai giải quyết trễ hạn',
        number: '87/BC-NNMT',
        issuer: 'Phòng Nông nghiệp và Môi trường huyện Đạ Tẻh',
      },
    ],
  },
  {
    key: 'information-security',
    title: 'Bảo đảm an toàn thông tin cho Hệ thống quản lý văn bản và điều hành',
    description:
      'Rà soát tài khoản, phân quyền và sao lưu dữ liệu của Hệ thống quản lý văn bản và điều hành; khắc ' +
      'phục các điểm yếu được cảnh báo.',
    objective: 'MT16',
    lead: 'VP',
    support: ['PVHTT'],
    priority: NORMAL,
    status: RETURNED,
    progress: 85,
    start: -120,
    deadline: 20,
    submittedOn: -9,
    returnedOn: -5,
    returnReason: 'Thiếu biên bản kiểm tra của đơn vị chuyên trách về an toàn thông tin; đề nghị bổ sung.',
    note: 'Đã rà soát tài khoản và thiết lập sao lưu hằng tuần.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo kết quả bảo đảm an toàn thông tin Hệ thống quản lý văn bản và điều hành',
        number: '289/BC-VP',
        issuer: 'Văn phòng HĐND và UBND huyện Đạ Tẻh',
      },
    ],
  },

  // ------------------------------------------------------------ in progress
  {
    key: 'index-improvement',
    title: 'Triển khai Kế hoạch nâng cao Chỉ số CCHC của huyện',
    description:
      'Theo dõi, đôn đốc các cơ quan, xã, thị trấn thực hiện các giải pháp của Kế hoạch nâng cao Chỉ số CCHC; ' +
      'báo cáo Ban Chỉ đạo CCHC huyện hằng quý.',
    objective: 'MT01',
    lead: 'PNV',
    support: ['VP', 'BCD_CCHC'],
    priority: URGENT,
    status: IN_PROGRESS,
    progress: 70,
    start: -180,
    deadline: 34,
    note: 'Đã triển khai 14/20 giải pháp; các tiêu chí về chính quyền số còn thấp.',
    evidence: [
      {
        kind: 'DOCUMENT',
        title: 'Báo cáo tiến độ thực hiện Kế hoạch nâng cao Chỉ số CCHC',
        number: '205/BC-NV',
        issuer: 'Phòng Nội vụ huyện Đạ Tẻh',
        date: -30,
      },
    ],
  },
  {
    key: 'land-online-dossiers',
    title: 'Nâng tỷ lệ hồ sơ đất đai nộp trực tuyến',
    description:
      'Hướng dẫn người dân, tổ chức nộp hồ sơ đất đai qua Cổng Dịch vụ công; bố trí công chức hỗ trợ tại ' +
      'Bộ phận một cửa.',
    objective: 'MT15',
    lead: 'PNNMT',
    support: ['VP', 'TT_DATEH'],
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 65,
    start: -150,
    deadline: -12,
    note: 'Tỷ lệ hồ sơ đất đai nộp trực tuyến mới đạt 46%, chưa đạt mức 60% theo kế hoạch.',
  },
  {
    key: 'e-payment-for-all',
    title: 'Mở rộng thanh toán điện tử tới tất cả người dân',
    description:
      'Phát triển, tích hợp thanh toán điện tử cho phí, lệ phí, học phí, viện phí, tiền điện nước; tuyên ' +
      'truyền để người dân ở các xã vùng sâu sử dụng.',
    objective: 'MT14',
    lead: 'PTCKH',
    support: ['VP', 'TT_DATEH', 'XA_ANNHON'],
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 80,
    start: -170,
    deadline: 6,
    note: 'Đã có 9/11 xã, thị trấn triển khai thanh toán không dùng tiền mặt cho phí, lệ phí.',
  },
  {
    key: 'agriculture-environment-workflows',
    title: 'Chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực nông nghiệp và môi trường',
    description:
      'Tiếp nhận nhiệm vụ của Phòng Nông nghiệp và PTNT cũ; chuẩn hóa, điện tử hóa quy trình xử lý hồ sơ ' +
      'trên Hệ thống thông tin giải quyết thủ tục hành chính.',
    objective: 'MT13',
    lead: 'PNNMT',
    support: ['VP'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 55,
    start: -210,
    deadline: -40,
    extension: {
      status: 'APPROVED',
      requestedOn: -46,
      to: 25,
      reason: 'Bộ thủ tục hành chính lĩnh vực nông nghiệp và môi trường được tỉnh công bố lại, phải xây dựng lại quy trình.',
      decidedOn: -43,
      decisionNote: 'Đồng ý gia hạn; không gia hạn thêm.',
    },
    note: 'Đã chuẩn hóa 21/38 quy trình theo bộ thủ tục mới.',
  },
  {
    key: 'satisfaction-survey',
    title: 'Khảo sát mức độ hài lòng của người dân về y tế, giáo dục, đất đai, xây dựng',
    description:
      'Khảo sát sự hài lòng theo 5 yếu tố: tiếp cận dịch vụ, thủ tục hành chính, công chức, kết quả và tiếp ' +
      'nhận, xử lý phản ánh; phân tích các lĩnh vực dưới 88%.',
    objective: 'MT17',
    lead: 'PNV',
    support: ['PYT', 'PGDDT', 'PNNMT'],
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 60,
    start: -45,
    deadline: 4,
    note: 'Đã thu 310/460 phiếu khảo sát.',
  },
  {
    key: 'building-permits',
    title: 'Rút ngắn thời gian cấp giấy phép xây dựng nhà ở riêng lẻ',
    description:
      'Công khai quy trình, rút ngắn thời gian thẩm định hồ sơ cấp phép xây dựng để nâng mức hài lòng của ' +
      'người dân về lĩnh vực xây dựng.',
    objective: 'MT17',
    lead: 'PKTHT',
    support: ['VP'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 40,
    start: -120,
    deadline: 45,
  },
  {
    key: 'annhon-online-services-help',
    title: 'Hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán điện tử tại Bộ phận một cửa xã An Nhơn',
    description:
      'Bố trí đoàn viên thanh niên hỗ trợ người dân tạo tài khoản, nộp hồ sơ trực tuyến và thanh toán phí, ' +
      'lệ phí không dùng tiền mặt.',
    objective: 'MT15',
    lead: 'XA_ANNHON',
    support: ['VP'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 70,
    start: -100,
    deadline: -3,
    extension: {
      status: 'PENDING',
      requestedOn: -6,
      to: 20,
      reason: 'Người dân ở các thôn xa chưa có tài khoản định danh điện tử; cần thêm thời gian hướng dẫn tại thôn.',
    },
    note: 'Tỷ lệ hồ sơ trực tuyến của xã đạt 38%, tăng so với quý trước.',
  },
  {
    key: 'investment-policies',
    title: 'Đề xuất cơ chế, chính sách đặc thù thu hút đầu tư, hỗ trợ khởi nghiệp',
    description:
      'Nghiên cứu, đề xuất chính sách đặc thù của huyện nhằm tạo môi trường đầu tư thông thoáng, hấp dẫn, ' +
      'thúc đẩy khởi nghiệp, đầu tư, kinh doanh.',
    objective: 'MT18',
    lead: 'PTCKH',
    support: ['PKTHT', 'PNNMT'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 35,
    start: -130,
    deadline: 60,
  },
  {
    key: 'one-stop-discipline-checks',
    title: 'Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính tại Bộ phận một cửa',
    description: 'Kiểm tra đột xuất giờ giấc, thái độ phục vụ, việc giải quyết hồ sơ đúng hạn tại Bộ phận một cửa huyện và các xã.',
    objective: 'MT11',
    lead: 'TTRA',
    support: ['PNV'],
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 75,
    start: -30,
    deadline: 2,
    note: 'Đã kiểm tra 8/11 xã, thị trấn.',
  },
  {
    key: 'job-positions',
    title: 'Hoàn thiện đề án vị trí việc làm sau sắp xếp các phòng chuyên môn',
    description: 'Rà soát, điều chỉnh vị trí việc làm và cơ cấu ngạch công chức của Phòng Nội vụ và Phòng Nông nghiệp và Môi trường sau hợp nhất.',
    objective: 'MT10',
    lead: 'PNV',
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 85,
    start: -160,
    deadline: -25,
    extension: {
      status: 'REJECTED',
      requestedOn: -30,
      to: 30,
      reason: 'Chờ ý kiến thẩm định của Sở Nội vụ.',
      decidedOn: -27,
      decisionNote: 'Không đồng ý gia hạn: cần hoàn thành trước kỳ đánh giá, xếp loại cuối năm.',
    },
    note: 'Đã hoàn thiện dự thảo, chờ ý kiến thẩm định.',
  },
  {
    key: 'public-postal-service',
    title: 'Mở rộng tiếp nhận hồ sơ, trả kết quả qua bưu chính công ích tại các xã',
    description: 'Nhân rộng mô hình thí điểm dịch vụ hành chính ngoài công lập ra các xã vùng sâu, vùng xa.',
    objective: 'MT09',
    lead: 'VP',
    support: ['PNV', 'XA_DAPAL', 'XA_QUOCOAI'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 25,
    start: -90,
    deadline: 90,
  },
  {
    key: 'portal-par-section',
    title: 'Nâng cấp chuyên mục CCHC trên Trang thông tin điện tử huyện',
    description: 'Bổ sung chuyên mục tra cứu hồ sơ, hỏi đáp thủ tục hành chính, công khai kết quả giải quyết hồ sơ.',
    objective: 'MT16',
    lead: 'PVHTT',
    support: ['VP'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 50,
    start: -60,
    deadline: 28,
  },
  {
    key: 'township-grassroots-democracy',
    title: 'Phát huy vai trò ban thanh tra nhân dân, tổ hòa giải, tổ tự quản tại thị trấn',
    description:
      'Củng cố ban thanh tra nhân dân, tổ hòa giải, tổ tự quản; phối hợp tuyên truyền, thực hiện dân chủ ở ' +
      'cơ sở, hòa giải kịp thời mâu thuẫn trong Nhân dân.',
    objective: 'MT06',
    lead: 'TT_DATEH',
    support: ['PTP'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 90,
    start: -75,
    deadline: -2,
    note: 'Đã kiện toàn 12/13 tổ hòa giải.',
  },
  {
    key: 'party-state-par-link',
    title: 'Thống nhất, liên thông CCHC giữa cơ quan nhà nước với cơ quan đảng, Mặt trận Tổ quốc',
    description:
      'Xây dựng quy chế phối hợp, liên thông văn bản điện tử giữa UBND huyện với Huyện ủy, Ủy ban Mặt trận ' +
      'Tổ quốc và các tổ chức chính trị - xã hội.',
    objective: 'MT04',
    lead: 'VP',
    support: ['HU'],
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 45,
    start: -110,
    deadline: 15,
  },
  {
    key: 'health-satisfaction',
    title: 'Nâng cao sự hài lòng của người bệnh tại Trung tâm Y tế huyện và trạm y tế xã',
    description: 'Cải thiện quy trình khám bệnh, giảm thời gian chờ, đặt lịch khám trực tuyến; tiếp nhận phản ánh của người bệnh.',
    objective: 'MT17',
    lead: 'PYT',
    priority: HIGH,
    status: IN_PROGRESS,
    progress: 55,
    start: -140,
    deadline: 50,
  },
  {
    key: 'dalay-electronic-id',
    title: 'Hướng dẫn người dân kích hoạt tài khoản định danh điện tử để nộp hồ sơ trực tuyến',
    description: 'Phối hợp công an xã hướng dẫn người dân kích hoạt tài khoản định danh điện tử, sử dụng dịch vụ công trực tuyến.',
    objective: 'MT15',
    lead: 'XA_DALAY',
    priority: NORMAL,
    status: IN_PROGRESS,
    progress: 60,
    start: -50,
    deadline: 9,
  },

  // ------------------------------------------------------------ not started
  {
    key: 'annhon-index-plan',
    title: 'Xây dựng kế hoạch khắc phục hạn chế, nâng cao Chỉ số CCHC xã An Nhơn',
    description: 'Phân tích các tiêu chí bị trừ điểm của xã và đề ra giải pháp để chỉ số năm sau cao hơn năm trước.',
    objective: 'MT03',
    lead: 'XA_ANNHON',
    support: ['PNV'],
    priority: HIGH,
    status: NOT_STARTED,
    progress: 0,
    start: -10,
    deadline: 20,
  },
  {
    key: 'one-stop-digital-skills',
    title: 'Bồi dưỡng kỹ năng số, kỹ năng giao tiếp cho công chức Bộ phận một cửa hai cấp',
    description: 'Mở lớp bồi dưỡng kỹ năng số, văn hóa công vụ cho công chức Bộ phận một cửa cấp huyện và cấp xã.',
    objective: 'MT11',
    lead: 'PNV',
    support: ['VP'],
    priority: NORMAL,
    status: NOT_STARTED,
    progress: 0,
    start: -20,
    deadline: 40,
  },
  {
    key: 'quocoai-e-payment',
    title: 'Tuyên truyền, hướng dẫn đồng bào dân tộc thiểu số sử dụng thanh toán điện tử',
    description: 'Tổ chức tuyên truyền tại các thôn đồng bào dân tộc thiểu số về mở tài khoản, thanh toán không dùng tiền mặt.',
    objective: 'MT14',
    lead: 'XA_QUOCOAI',
    support: ['PTCKH'],
    priority: NORMAL,
    status: NOT_STARTED,
    progress: 0,
    start: -25,
    deadline: -1,
  },
  {
    key: 'heads-responsibility-inspection',
    title: 'Thanh tra trách nhiệm người đứng đầu trong thực hiện CCHC tại một số cơ quan chuyên môn',
    description: 'Thanh tra trách nhiệm của thủ trưởng cơ quan chuyên môn đối với kết quả CCHC của cơ quan mình.',
    objective: 'MT02',
    lead: 'TTRA',
    support: ['PNV'],
    priority: NORMAL,
    status: NOT_STARTED,
    progress: 0,
    start: -5,
    deadline: 85,
  },
  {
    key: 'dapal-equipment',
    title: 'Trang bị máy tính, máy quét cho Bộ phận một cửa xã Đạ Pal',
    description: 'Bổ sung trang thiết bị để số hóa hồ sơ tại Bộ phận một cửa và hỗ trợ người dân nộp hồ sơ trực tuyến.',
    objective: 'MT13',
    lead: 'XA_DAPAL',
    support: ['VP'],
    priority: NORMAL,
    status: NOT_STARTED,
    progress: 0,
    start: -15,
    deadline: 30,
  },
  {
    key: 'trieuhai-procedure-publicity',
    title: 'Niêm yết thủ tục hành chính, hướng dẫn người dân tra cứu hồ sơ trực tuyến',
    description: 'Niêm yết mã QR tra cứu thủ tục và tình trạng hồ sơ tại Bộ phận một cửa xã Triệu Hải.',
    objective: 'MT07',
    lead: 'XA_TRIEUHAI',
    priority: LOW,
    status: NOT_STARTED,
    progress: 0,
    start: -8,
    deadline: 22,
  },
  {
    key: 'district-budget-publicity',
    title: 'Công khai dự toán, quyết toán ngân sách huyện trên Trang thông tin điện tử',
    description: 'Đăng tải dự toán, quyết toán ngân sách huyện và các biểu mẫu công khai theo quy định.',
    objective: 'MT12',
    lead: 'PTCKH',
    support: ['VP'],
    priority: NORMAL,
    status: NOT_STARTED,
    progress: 0,
    start: -12,
    deadline: 6,
  },
  {
    key: 'huonglam-staff-review',
    title: 'Rà soát chức năng, nhiệm vụ của công chức xã Hương Lâm',
    description: 'Rà soát, phân công lại nhiệm vụ của công chức văn phòng - thống kê, tư pháp - hộ tịch sau khi có biến động nhân sự.',
    objective: 'MT10',
    lead: 'XA_HUONGLAM',
    support: ['PNV'],
    priority: LOW,
    status: NOT_STARTED,
    progress: 0,
    start: -30,
    deadline: 15,
  },

  // ------------------------------------------------------------ cancelled (relative)
  {
    key: 'myduc-one-stop-software',
    title: 'Triển khai phần mềm một cửa riêng của xã Mỹ Đức',
    description: 'Mua sắm phần mềm quản lý hồ sơ một cửa riêng cho xã.',
    objective: 'MT13',
    lead: 'XA_MYDUC',
    priority: LOW,
    status: CANCELLED,
    progress: 10,
    start: -100,
    deadline: 20,
    cancelledOn: -35,
    cancelReason:
      'Dừng thực hiện: tỉnh đã triển khai Hệ thống thông tin giải quyết thủ tục hành chính dùng chung, ' +
      'không đầu tư phần mềm riêng.',
    note: 'Đã khảo sát nhu cầu, chưa mua sắm.',
  },
] as const satisfies readonly TaskSeed[];

export type TaskKey = (typeof tasks)[number]['key'];
