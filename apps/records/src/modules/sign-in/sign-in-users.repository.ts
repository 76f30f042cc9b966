import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import type { UserEntity } from '../users/entities/user.entity';

/** A user row with its password hash, which never leaves this module. */
export interface UserWithPassword extends UserEntity {
  password_hash: string | null;
}

const USER_COLUMNS = `id, account_id, name, email, role, status, confirmed, phone_number, timezone, role_id, group_id,
  created_at, updated_at, password_hash`;

/** How many same-email users of different accounts a sign-in tries before giving up. */
const MAX_SIGN_IN_CANDIDATES = 5;

/**
 * The password columns of records.users. Kept out of UserEntity on purpose: the users module
 * saves whole entities, and a hash must never be written or read by accident there.
 */
@Injectable()
export class SignInUsersRepository {
  async find(tx: Tx, accountId: number, userId: number, lock = false): Promise<UserWithPassword | null> {
    const [row] = await tx.rows<UserWithPassword>(
      `SELECT ${USER_COLUMNS} FROM records.users WHERE account_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [accountId, userId],
    );
    return row ?? null;
  }

  /**
   * Who may sign in with this email: active users with a password, newest first. Emails are
   * unique per account only, so several accounts can have one; the caller tries them in order.
   */
  signInCandidates(tx: Tx, email: string): Promise<UserWithPassword[]> {
    return tx.rows<UserWithPassword>(
      `SELECT ${USER_COLUMNS} FROM records.users
        WHERE lower(email) = lower($1) AND status = 'active' AND password_hash IS NOT NULL
        ORDER BY created_at DESC, id DESC LIMIT ${MAX_SIGN_IN_CANDIDATES}`,
      [email],
    );
  }

  /** Users with this email (any status), in one account or in all. */
  withEmail(tx: Tx, email: string, accountId?: number): Promise<UserWithPassword[]> {
    return tx.rows<UserWithPassword>(
      `SELECT ${USER_COLUMNS} FROM records.users
        WHERE lower(email) = lower($1) AND ($2::int IS NULL OR account_id = $2) ORDER BY account_id, id`,
      [email, accountId ?? null],
    );
  }

  async firstAccountId(tx: Tx): Promise<number | null> {
    const [row] = await tx.rows<{ id: number }>(`SELECT min(id) AS id FROM records.accounts`);
    return row?.id ?? null;
  }

  /** Sets the password (and marks the user confirmed); returns the row as it is now. */
  async setPassword(tx: Tx, accountId: number, userId: number, passwordHash: string): Promise<UserWithPassword> {
    const [row] = await tx.rows<UserWithPassword>(
      `UPDATE records.users SET password_hash = $3, password_changed_at = now(), confirmed = true, updated_at = now()
        WHERE account_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}`,
      [accountId, userId, passwordHash],
    );
    return row;
  }
}
