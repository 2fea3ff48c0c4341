// Units of Đạ Tẻh district. Parents come before their children (the loader creates them in order).
// The 2025 mergers follow the reorganisation of district agencies from 1 March 2025.
import { UnitKind } from '../../generated/prisma/client.ts';

export interface UnitSeed {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  /** The unit that took over when this one was merged. */
  successor?: string;
  establishedOn?: string;
  dissolvedOn?: string;
}

/** The day of the 2025 mergers of district agencies. */
export const mergerDay = '2025-03-01';

export const units = [
  { code: 'DATEH', name: 'UBND huyện Đạ Tẻh', kind: UnitKind.DISTRICT },
  { code: 'HU', name: 'Huyện ủy Đạ Tẻh', kind: UnitKind.COMMITTEE },
  { code: 'BCD_CCHC', name: 'Ban Chỉ đạo CCHC huyện', kind: UnitKind.COMMITTEE, parent: 'DATEH' },

  { code: 'VP', name: 'Văn phòng HĐND và UBND huyện', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PNV', name: 'Phòng Nội vụ', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PTP', name: 'Phòng Tư pháp', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PTCKH', name: 'Phòng Tài chính – Kế hoạch', kind: UnitKind.AGENCY, parent: 'DATEH' },
  {
    code: 'PTNMT',
    name: 'Phòng Tài nguyên và Môi trường',
    kind: UnitKind.AGENCY,
    parent: 'DATEH',
    successor: 'PNNMT',
    dissolvedOn: mergerDay,
  },
  { code: 'PKTHT', name: 'Phòng Kinh tế và Hạ tầng', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PGDDT', name: 'Phòng Giáo dục và Đào tạo', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PYT', name: 'Phòng Y tế', kind: UnitKind.AGENCY, parent: 'DATEH' },
  { code: 'PVHTT', name: 'Phòng Văn hóa và Thông tin', kind: UnitKind.AGENCY, parent: 'DATEH' },
  {
    code: 'PLDTBXH',
    name: 'Phòng Lao động – Thương binh và Xã hội',
    kind: UnitKind.AGENCY,
    parent: 'DATEH',
    successor: 'PNV',
    dissolvedOn: mergerDay,
  },
  {
    code: 'PNNPTNT',
    name: 'Phòng Nông nghiệp và Phát triển nông thôn',
    kind: UnitKind.AGENCY,
    parent: 'DATEH',
    successor: 'PNNMT',
    dissolvedOn: mergerDay,
  },
  { code: 'TTRA', name: 'Thanh tra huyện', kind: UnitKind.AGENCY, parent: 'DATEH' },
  {
    code: 'PNNMT',
    name: 'Phòng Nông nghiệp và Môi trường',
    kind: UnitKind.AGENCY,
    parent: 'DATEH',
    establishedOn: mergerDay,
  },

  { code: 'TT_DATEH', name: 'UBND thị trấn Đạ Tẻh', kind: UnitKind.TOWNSHIP, parent: 'DATEH' },
  { code: 'XA_ANNHON', name: 'UBND xã An Nhơn', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_DAKHO', name: 'UBND xã Đạ Kho', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_DALAY', name: 'UBND xã Đạ Lây', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_DAPAL', name: 'UBND xã Đạ Pal', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_HADONG', name: 'UBND xã Hà Đông', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_HUONGLAM', name: 'UBND xã Hương Lâm', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_MYDUC', name: 'UBND xã Mỹ Đức', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_QUANGTRI', name: 'UBND xã Quảng Trị', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_QUOCOAI', name: 'UBND xã Quốc Oai', kind: UnitKind.COMMUNE, parent: 'DATEH' },
  { code: 'XA_TRIEUHAI', name: 'UBND xã Triệu Hải', kind: UnitKind.COMMUNE, parent: 'DATEH' },
] as const satisfies readonly UnitSeed[];

export type UnitCode = (typeof units)[number]['code'];

/** Commune-level units (township and communes), ranked together in the commune PAR index. */
export const communeLevelUnits = units
  .filter((unit) => unit.kind === UnitKind.COMMUNE || unit.kind === UnitKind.TOWNSHIP)
  .map((unit) => unit.code);
