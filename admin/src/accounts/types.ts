// An account as the secretariat's pages read it (resources.ts, `accounts`).
import type { Role } from '../enums';

export interface AccountRecord {
  id: string;
  username: string | null;
  displayName: string;
  role: Role;
  disabled: boolean | null;
  lastLoginAt: string | null;
  passwordChangedAt?: string | null;
  createdAt?: string;
  unit: { id: string; name: string } | null;
  person: { id: string; fullName: string } | null;
  /** What the signed-in account may do to this one now, from the API. */
  allowedActions?: AccountAction[];
}

/** The steps on an account, as the API's AccountAction enum names them. */
export type AccountAction = 'UPDATE' | 'DISABLE' | 'ENABLE' | 'RESET_PASSWORD' | 'UNLOCK_SIGN_IN';
