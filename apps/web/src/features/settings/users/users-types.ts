import type { Permission } from '@crm/contracts';

/**
 * `POST /v2/users/:id/invitation`: a single-use link where the user chooses a password. Not a
 * contracts type: the gateway builds it from records' InvitationIssued, the token turned into a link.
 */
export interface Invitation {
  invitation_url: string;
  expires_at: string;
}

/** What each of the API's permissions means to an admin; typed by the contract's list so none is missed or invented. */
const PERMISSION_TEXTS: Record<Permission, { label: string; description: string }> = {
  manage_settings: { label: 'Manage settings', description: 'Pools, forms, imports, phone numbers, mailboxes' },
  manage_users: { label: 'Manage users and roles', description: 'Invite, deactivate, change roles (makes the user an admin)' },
  reassign_records: { label: 'Reassign records', description: 'Give leads, contacts and deals to other users or pools' },
  delete_records: { label: 'Delete records', description: '' },
  see_all_records: { label: 'See all records', description: 'Otherwise only their own' },
};

export const PERMISSIONS = (Object.keys(PERMISSION_TEXTS) as Permission[]).map((value) => ({ value, ...PERMISSION_TEXTS[value] }));

export function permissionLabel(permission: string): string {
  return PERMISSIONS.find((p) => p.value === permission)?.label ?? permission;
}
