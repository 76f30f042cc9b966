/** Users and roles as the API returns them (`/v2/users`, `/v2/roles`). */

export interface User {
  id: number;
  name: string;
  email: string;
  /** Sell's coarse role: admin when the user's role may manage users. */
  role: 'admin' | 'user';
  status: 'active' | 'inactive';
  role_id: number | null;
  created_at: string;
}

export interface Role {
  id: number;
  name: string;
  permissions: Permission[];
  /** Admin, Manager and Sales rep: every account has them; they cannot be changed or deleted. */
  system: boolean;
}

/** `POST /v2/users/:id/invitation`: a single-use link where the user chooses a password. */
export interface Invitation {
  invitation_url: string;
  expires_at: string;
}

// The API's permission names (records' PERMISSIONS); the web app does not import the server's contracts.
export const PERMISSIONS = [
  { value: 'manage_settings', label: 'Manage settings', description: 'Pools, forms, imports, phone numbers, mailboxes' },
  { value: 'manage_users', label: 'Manage users and roles', description: 'Invite, deactivate, change roles (makes the user an admin)' },
  { value: 'reassign_records', label: 'Reassign records', description: "Give leads, contacts and deals to other users or pools" },
  { value: 'delete_records', label: 'Delete records', description: '' },
  { value: 'see_all_records', label: 'See all records', description: 'Otherwise only their own' },
] as const;

export type Permission = (typeof PERMISSIONS)[number]['value'];

export function permissionLabel(permission: string): string {
  return PERMISSIONS.find((p) => p.value === permission)?.label ?? permission;
}
