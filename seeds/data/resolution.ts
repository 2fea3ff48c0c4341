// Resolution 14 of the provincial Party Committee, its reform areas and objectives, worded from
// the source article (Báo Lâm Đồng, 16/09/2022, "Đạ Tẻh: Đẩy mạnh cải cách hành chính").

/** The code that marks the demo data as loaded. */
export const resolutionCode = '14-NQ/TU';

export const articleSource = 'Báo Lâm Đồng, 16/09/2022: "Đạ Tẻh: Đẩy mạnh cải cách hành chính"';

export const resolution = {
  code: resolutionCode,
  title:
    'Nghị quyết số 14-NQ/TU ngày 25/5/2022 của Tỉnh ủy Lâm Đồng về đẩy mạnh cải cách hành chính ' +
    'trên địa bàn tỉnh đến năm 2025, định hướng đến năm 2030',
  issuedBy: 'Tỉnh ủy Lâm Đồng',
  issuedOn: '2022-05-25',
  horizonYear: 2025,
  orientationYear: 2030,
  summary:
    'Đẩy mạnh cải cách hành chính (CCHC) trên địa bàn tỉnh đến năm 2025, định hướng đến năm 2030. ' +
    'Huyện ủy Đạ Tẻh xác định các nhiệm vụ trọng tâm: cải cách thể chế, cải cách thủ tục hành chính, ' +
    'cải cách tổ chức bộ máy hành chính nhà nước, cải cách chế độ công vụ, cải cách tài chính công, ' +
    'xây dựng và phát triển chính quyền điện tử, chính quyền số. Mục tiêu của huyện: chỉ số CCHC hằng năm ' +
    'đạt trên 92%, đến năm 2025 đạt 93% và thuộc nhóm 6 huyện, thành phố dẫn đầu tỉnh; chỉ số hài lòng ' +
    'của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt trên 90%; mức độ hài ' +
    'lòng về dịch vụ y tế, giáo dục công lập, lĩnh vực đất đai, xây dựng đạt tối thiểu 88%. Chủ tịch UBND ' +
    'huyện, chủ tịch UBND các xã, thị trấn và thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trực tiếp ' +
    'về kết quả CCHC của địa phương, cơ quan, đơn vị mình.',
};

export interface ReformAreaSeed {
  code: string;
  name: string;
  nameEn: string;
}

export const reformAreas = [
  { code: 'DIRECTION', name: 'Công tác chỉ đạo, điều hành CCHC', nameEn: 'Direction of PAR' },
  { code: 'INSTITUTIONS', name: 'Cải cách thể chế', nameEn: 'Institutional reform' },
  {
    code: 'ADMIN_PROCEDURES',
    name: 'Cải cách thủ tục hành chính',
    nameEn: 'Administrative procedure reform',
  },
  {
    code: 'APPARATUS',
    name: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    nameEn: 'Reform of the state administrative apparatus',
  },
  { code: 'CIVIL_SERVICE', name: 'Cải cách chế độ công vụ', nameEn: 'Civil service reform' },
  { code: 'PUBLIC_FINANCE', name: 'Cải cách tài chính công', nameEn: 'Public finance reform' },
  {
    code: 'DIGITAL_GOVERNMENT',
    name: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    nameEn: 'E-government and digital government',
  },
  {
    code: 'IMPACT',
    name: 'Tác động của CCHC đến người dân, tổ chức',
    nameEn: 'Impact of PAR on citizens and organisations',
  },
] as const satisfies readonly ReformAreaSeed[];

export type ReformAreaCode = (typeof reformAreas)[number]['code'];

export interface ObjectiveSeed {
  code: string;
  area: ReformAreaCode;
  title: string;
  description?: string;
}

export const objectives = [
  {
    code: 'MT01',
    area: 'DIRECTION',
    title:
      'Chỉ số CCHC của huyện hằng năm đạt trên 92%; đến năm 2025 đạt 93% và thuộc nhóm 6 huyện, ' +
      'thành phố có chỉ số CCHC cao trong toàn tỉnh',
    description: 'Năm 2021 huyện đạt 92,20%, đứng thứ 1/12 huyện, thành phố; tiếp tục giữ vững thành quả.',
  },
  {
    code: 'MT02',
    area: 'DIRECTION',
    title:
      'Tăng cường sự lãnh đạo của cấp ủy, điều hành của chính quyền; người đứng đầu chịu trách ' +
      'nhiệm trực tiếp về kết quả CCHC của cơ quan, đơn vị, địa phương mình',
    description:
      'Chủ tịch UBND huyện, chủ tịch UBND các xã, thị trấn và thủ trưởng các cơ quan, đơn vị chịu ' +
      'trách nhiệm trực tiếp về kết quả thực hiện CCHC.',
  },
  {
    code: 'MT03',
    area: 'DIRECTION',
    title:
      'Hằng năm phân tích, đánh giá đầy đủ chỉ số CCHC cấp huyện, cấp xã, đề ra giải pháp để chỉ số ' +
      'năm sau cao hơn năm trước',
  },
  {
    code: 'MT04',
    area: 'DIRECTION',
    title:
      'Đổi mới đồng bộ trong hệ thống chính trị; thống nhất, liên thông CCHC của cơ quan nhà nước với ' +
      'CCHC của các cơ quan đảng, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội các cấp',
  },
  {
    code: 'MT05',
    area: 'INSTITUTIONS',
    title: 'Hoàn thiện hệ thống cơ chế, chính sách, đặc biệt là cơ chế, chính sách mang tính đặc thù của địa phương',
  },
  {
    code: 'MT06',
    area: 'INSTITUTIONS',
    title:
      'Thực hiện nghiêm việc công khai để Nhân dân biết, dân bàn, dân quyết định và dân giám sát, ' +
      'kiểm tra; thực hiện tốt Quy chế dân chủ ở cơ sở',
    description:
      'Phát huy vai trò của các tổ tự quản, tổ hòa giải, ban thanh tra Nhân dân, ban giám sát đầu tư ' +
      'cộng đồng trong tuyên truyền, triển khai Quy chế dân chủ ở cơ sở.',
  },
  {
    code: 'MT07',
    area: 'ADMIN_PROCEDURES',
    title: 'Kiểm soát chặt chẽ việc thực hiện các quy định thủ tục hành chính liên quan đến người dân, doanh nghiệp',
  },
  {
    code: 'MT08',
    area: 'ADMIN_PROCEDURES',
    title:
      'Tăng cường đổi mới việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; ' +
      '100% thủ tục hành chính được giải quyết qua cơ chế một cửa, một cửa liên thông',
    description:
      '9 tháng đầu năm 2022, huyện tiếp nhận và giải quyết 3.653 hồ sơ trên tất cả các lĩnh vực; ' +
      'tỷ lệ giải quyết theo cơ chế một cửa, một cửa liên thông đạt 100%.',
  },
  {
    code: 'MT09',
    area: 'ADMIN_PROCEDURES',
    title:
      'Nghiên cứu, triển khai các dịch vụ hành chính ngoài công lập để hỗ trợ các dịch vụ hành chính ' +
      'công, nâng cao chất lượng phục vụ người dân và doanh nghiệp',
  },
  {
    code: 'MT10',
    area: 'APPARATUS',
    title:
      'Củng cố, kiện toàn tổ chức bộ máy; Bộ phận tiếp nhận và trả kết quả hai cấp huyện, xã hoạt ' +
      'động hiệu quả, chất lượng',
  },
  {
    code: 'MT11',
    area: 'CIVIL_SERVICE',
    title:
      'Siết chặt kỷ luật, kỷ cương hành chính; lấy người dân, tổ chức, doanh nghiệp làm trọng tâm, ' +
      'không để xảy ra tình trạng cửa quyền, hách dịch, nhũng nhiễu',
  },
  {
    code: 'MT12',
    area: 'PUBLIC_FINANCE',
    title: 'Đẩy mạnh cải cách tài chính công: tự chủ tài chính của đơn vị sự nghiệp công lập, công khai ngân sách',
  },
  {
    code: 'MT13',
    area: 'DIGITAL_GOVERNMENT',
    title: 'Chuẩn hóa, điện tử hóa quy trình nghiệp vụ xử lý hồ sơ trên môi trường mạng',
  },
  {
    code: 'MT14',
    area: 'DIGITAL_GOVERNMENT',
    title: 'Phát triển, tích hợp các ứng dụng thanh toán điện tử một cách rộng rãi tới tất cả người dân',
  },
  {
    code: 'MT15',
    area: 'DIGITAL_GOVERNMENT',
    title:
      'Tăng cường sử dụng dịch vụ công trực tuyến, lấy kết quả triển khai dịch vụ công trực tuyến làm ' +
      'tiêu chí đánh giá, bình xét thi đua khen thưởng hằng năm',
    description: 'Áp dụng đối với các cơ quan, đơn vị liên quan và UBND các xã, thị trấn.',
  },
  {
    code: 'MT16',
    area: 'DIGITAL_GOVERNMENT',
    title:
      'Nâng cao chất lượng, hiệu quả ứng dụng công nghệ thông tin trong hoạt động của cơ quan hành ' +
      'chính nhà nước và Trang thông tin điện tử huyện',
  },
  {
    code: 'MT17',
    area: 'IMPACT',
    title:
      'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt ' +
      'trên 90%; mức độ hài lòng về dịch vụ y tế, giáo dục công lập, lĩnh vực đất đai, xây dựng đạt tối thiểu 88%',
  },
  {
    code: 'MT18',
    area: 'IMPACT',
    title:
      'Tạo môi trường đầu tư thông thoáng, hấp dẫn, thúc đẩy khởi nghiệp, đầu tư, kinh doanh phát ' +
      'triển để Đạ Tẻh trở thành điểm đến được doanh nghiệp lựa chọn',
  },
] as const satisfies readonly ObjectiveSeed[];

export type ObjectiveCode = (typeof objectives)[number]['code'];
