import type {
  EmailDto,
  MailboxAction,
  MailboxCountsDto,
  MailboxEmailDto,
  MailboxTab,
  SuggestedPeopleAction,
  SuggestedPeopleActionDto,
  SuggestedPersonDto,
} from '@crm/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation, useCollection, useResource } from '../../../api/queries';
import type { OwnerChoice } from '../../../components/OwnerPicker';

const EMAILS = '/v2/communications/emails';
const PEOPLE = '/v2/communications/suggested_people';

/**
 * Every Communication Center email query starts with this path, so one invalidation refreshes
 * the tabs, their counts and Suggested people after any change.
 */
const MAILBOX_KEYS = [['/v2/communications']];

export const PAGE_SIZE = 25;

/** Mail arrives while the screen is open: the counts are asked again every half minute. */
export function useMailboxCounts() {
  return useQuery({
    queryKey: [`${EMAILS}/counts`, {}],
    queryFn: async () => (await api.get<SellEnvelope<MailboxCountsDto>>(`${EMAILS}/counts`)).data,
    refetchInterval: 30_000,
  });
}

export function useMailboxEmails(tab: MailboxTab, page: number, q: string, unreadOnly: boolean) {
  return useCollection<MailboxEmailDto>(EMAILS, { tab, page, per_page: PAGE_SIZE, q: q || undefined, unread: unreadOnly ? true : undefined });
}

/** A suggested person's own emails (address search over the Suggested tab). */
export function useSuggestedPersonEmails(email: string, enabled: boolean) {
  return useCollection<MailboxEmailDto>(EMAILS, { tab: 'suggested', q: email, per_page: 10 }, { enabled });
}

export function useSuggestedPeople(page: number, q: string) {
  return useCollection<SuggestedPersonDto>(PEOPLE, { page, per_page: PAGE_SIZE, q: q || undefined });
}

export function useEmailMessage(id: number | null) {
  return useResource<EmailDto>(id === null ? null : `/v2/emails/${id}`);
}

function runEmailAction(action: MailboxAction, ids: number[]) {
  switch (action) {
    case 'mark_read':
      return api.post(`${EMAILS}/mark`, { data: { ids, read: true } });
    case 'mark_unread':
      return api.post(`${EMAILS}/mark`, { data: { ids, read: false } });
    case 'archive':
      return api.post(`${EMAILS}/archive`, { data: { ids } });
    case 'unarchive':
      return api.post(`${EMAILS}/unarchive`, { data: { ids } });
  }
}

export function useEmailAction() {
  return useApiMutation(({ action, ids }: { action: MailboxAction; ids: number[] }) => runEmailAction(action, ids), MAILBOX_KEYS);
}

export function usePeopleAction() {
  return useApiMutation(
    async ({ action, emails, owner }: { action: SuggestedPeopleAction; emails: string[]; owner?: OwnerChoice | null }) =>
      (await api.post<SellEnvelope<SuggestedPeopleActionDto>>(`${PEOPLE}/${action}`, { data: { emails, ...(owner ?? {}) } })).data,
    // New leads and contacts appear in their lists too.
    [...MAILBOX_KEYS, ['/v2/leads'], ['/v2/contacts']],
  );
}
