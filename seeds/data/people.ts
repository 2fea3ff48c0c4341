// All names below are INVENTED for the demo data; they are not the district's real officials, and
// any likeness to a real person is coincidental. Every person is stored with illustrative = true.
// Contact details are left out on purpose: invented phone numbers could belong to someone.
import { mergerDay, type UnitCode } from './units.ts';

export interface PersonSeed {
  key: string;
  fullName: string;
}

export const people = [
  { key: 'chair', fullName: 'Lê Minh Khang' },
  { key: 'secretary', fullName: 'Phạm Thị Hồng Nhung' },
  { key: 'vp', fullName: 'Đỗ Quang Vinh' },
  { key: 'pnv', fullName: 'Trịnh Thị Thu Hà' },
  { key: 'ptp1', fullName: 'Hồ Văn Lộc' },
  { key: 'ptp2', fullName: 'Nguyễn Thị Bích Ngọc' },
  { key: 'ptckh', fullName: 'Vũ Đức Tâm' },
  { key: 'ptnmt', fullName: 'Bùi Văn Hiếu' },
  { key: 'pktht1', fullName: 'Lương Văn Phúc' },
  { key: 'pktht2', fullName: 'Đặng Minh Tuấn' },
  { key: 'pgddt', fullName: 'Mai Thị Thanh Xuân' },
  { key: 'pyt', fullName: 'Tạ Quốc Bảo' },
  { key: 'pvhtt1', fullName: 'Ninh Văn Sơn' },
  { key: 'pvhtt2', fullName: 'Châu Thị Mỹ Linh' },
  { key: 'pldtbxh', fullName: 'Kiều Thị Hằng' },
  { key: 'pnnptnt', fullName: 'Huỳnh Văn Tài' },
  { key: 'ttra', fullName: 'Quách Minh Đức' },
  { key: 'ttdateh', fullName: 'Phan Thanh Tùng' },
  { key: 'annhon', fullName: 'Võ Thị Kim Oanh' },
  { key: 'dakho1', fullName: 'Lâm Văn Được' },
  { key: 'dakho2', fullName: 'Hà Thị Phương' },
  { key: 'dalay', fullName: 'Trương Công Hậu' },
  { key: 'dapal', fullName: 'Đinh Văn Khải' },
  { key: 'hadong', fullName: 'Cao Thị Lệ Thu' },
  { key: 'huonglam', fullName: 'Lại Văn Hưng' },
  { key: 'myduc', fullName: 'Doãn Minh Trí' },
  { key: 'quangtri', fullName: 'Phùng Văn Quý' },
  { key: 'quocoai', fullName: 'Khúc Thị Hoa' },
  { key: 'trieuhai', fullName: 'Mạc Văn Nghĩa' },
] as const satisfies readonly PersonSeed[];

export type PersonKey = (typeof people)[number]['key'];

export interface HeadshipSeed {
  unit: UnitCode;
  person: PersonKey;
  title: string;
  start: string;
  /** Last day in post; absent while in post. */
  end?: string;
  acting?: boolean;
}

/** The last day before the 2025 mergers: heads of merged agencies leave office then. */
const lastDayBeforeMerger = '2025-02-28';

// Terms of one unit never overlap (a trigger refuses it): a successor starts the day after.
export const headships: readonly HeadshipSeed[] = [
  { unit: 'DATEH', person: 'chair', title: 'Chủ tịch UBND huyện', start: '2021-06-25' },
  // The chair of the district heads the PAR steering committee too.
  { unit: 'BCD_CCHC', person: 'chair', title: 'Trưởng Ban Chỉ đạo CCHC huyện', start: '2021-07-15' },
  { unit: 'HU', person: 'secretary', title: 'Bí thư Huyện ủy', start: '2021-01-04' },
  { unit: 'VP', person: 'vp', title: 'Chánh Văn phòng', start: '2021-03-01' },
  { unit: 'PNV', person: 'pnv', title: 'Trưởng phòng', start: '2021-02-01' },
  { unit: 'PTP', person: 'ptp1', title: 'Trưởng phòng', start: '2021-01-15', end: '2023-06-30' },
  { unit: 'PTP', person: 'ptp2', title: 'Trưởng phòng', start: '2023-07-01' },
  { unit: 'PTCKH', person: 'ptckh', title: 'Trưởng phòng', start: '2021-04-01' },
  { unit: 'PTNMT', person: 'ptnmt', title: 'Trưởng phòng', start: '2021-05-10', end: lastDayBeforeMerger },
  // The head of the former environment office heads the merged office.
  { unit: 'PNNMT', person: 'ptnmt', title: 'Trưởng phòng', start: mergerDay },
  { unit: 'PKTHT', person: 'pktht1', title: 'Trưởng phòng', start: '2021-02-01', end: '2024-04-14' },
  { unit: 'PKTHT', person: 'pktht2', title: 'Trưởng phòng', start: '2024-04-15' },
  { unit: 'PGDDT', person: 'pgddt', title: 'Trưởng phòng', start: '2021-08-01' },
  { unit: 'PYT', person: 'pyt', title: 'Trưởng phòng', start: '2021-03-15' },
  { unit: 'PVHTT', person: 'pvhtt1', title: 'Trưởng phòng', start: '2021-01-04', end: '2023-09-30' },
  {
    unit: 'PVHTT',
    person: 'pvhtt2',
    title: 'Phó Trưởng phòng phụ trách',
    start: '2023-10-01',
    end: '2024-03-31',
    acting: true,
  },
  { unit: 'PVHTT', person: 'pvhtt2', title: 'Trưởng phòng', start: '2024-04-01' },
  { unit: 'PLDTBXH', person: 'pldtbxh', title: 'Trưởng phòng', start: '2021-06-01', end: lastDayBeforeMerger },
  { unit: 'PNNPTNT', person: 'pnnptnt', title: 'Trưởng phòng', start: '2021-02-15', end: lastDayBeforeMerger },
  { unit: 'TTRA', person: 'ttra', title: 'Chánh Thanh tra', start: '2021-09-01' },
  { unit: 'TT_DATEH', person: 'ttdateh', title: 'Chủ tịch UBND thị trấn', start: '2021-06-28' },
  { unit: 'XA_ANNHON', person: 'annhon', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_DAKHO', person: 'dakho1', title: 'Chủ tịch UBND xã', start: '2021-06-28', end: '2024-09-30' },
  { unit: 'XA_DAKHO', person: 'dakho2', title: 'Chủ tịch UBND xã', start: '2024-10-01' },
  { unit: 'XA_DALAY', person: 'dalay', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_DAPAL', person: 'dapal', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_HADONG', person: 'hadong', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_HUONGLAM', person: 'huonglam', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_MYDUC', person: 'myduc', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_QUANGTRI', person: 'quangtri', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_QUOCOAI', person: 'quocoai', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
  { unit: 'XA_TRIEUHAI', person: 'trieuhai', title: 'Chủ tịch UBND xã', start: '2021-06-28' },
];
