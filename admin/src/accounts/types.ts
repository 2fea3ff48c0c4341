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
}
