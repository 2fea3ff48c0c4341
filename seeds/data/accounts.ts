// Demo sign-in accounts. They all share one password, printed here on purpose so that the README
// and tests can name it: it is for demo databases only.
import { Role } from '../../generated/prisma/client.ts';
import type { UnitCode } from './units.ts';

export const demoPassword = 'DaTeh@PAR2022';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** The account's unit; a unit head's account must have one. */
  unitCode: UnitCode | null;
  /** True when the account belongs to the unit's current head (the person is linked). */
  currentHead: boolean;
  password: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    username: 'admin',
    role: Role.ADMIN,
    displayName: 'Phòng Nội vụ (Thư ký CCHC)',
    unitCode: 'PNV',
    currentHead: false,
    password: demoPassword,
  },
  {
    username: 'committee',
    role: Role.COMMITTEE,
    displayName: 'Thường trực Huyện ủy',
    unitCode: 'HU',
    currentHead: false,
    password: demoPassword,
  },
  {
    username: 'head.annhon',
    role: Role.UNIT_HEAD,
    displayName: 'Chủ tịch UBND xã An Nhơn',
    unitCode: 'XA_ANNHON',
    currentHead: true,
    password: demoPassword,
  },
  {
    username: 'head.pnv',
    role: Role.UNIT_HEAD,
    displayName: 'Trưởng phòng Nội vụ',
    unitCode: 'PNV',
    currentHead: true,
    password: demoPassword,
  },
  {
    username: 'analyst',
    role: Role.ANALYST,
    displayName: 'Chuyên viên phân tích',
    unitCode: null,
    currentHead: false,
    password: demoPassword,
  },
];

/** Who acts in a task's history: the lead unit's head account when there is one, else the secretariat. */
export const headAccountByUnit: Partial<Record<UnitCode, string>> = {
  XA_ANNHON: 'head.annhon',
  PNV: 'head.pnv',
};
export const secretariatAccount = 'admin';
export const reviewerAccount = 'committee';
