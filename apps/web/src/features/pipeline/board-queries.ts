import type { ContactDto, DealDto, StageTotalDto } from '@crm/contracts';
import { useInfiniteQuery, useQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { api, itemsOf, type SellCollection } from '../../api/client';
import { contactNameOf, type DealCardData } from './pipeline-types';

/** Cards per column per request: a stage may hold thousands of deals, the column loads more on demand. */
export const DEALS_PER_PAGE = 50;

export interface DealPage {
  deals: DealCardData[];
  hasNext: boolean;
}

// Keys start with '/v2/deals' so that a deal changed elsewhere in the app (useApiMutation
// invalidates by path prefix) refreshes the board too.
export const boardKey = ['/v2/deals', 'board'] as const;
export const stageDealsKey = (stageId: number): QueryKey => [...boardKey, 'stage', stageId];
export const stageTotalsKey = (pipelineId: number): QueryKey => [...boardKey, 'totals', pipelineId];

/** One page of a stage's deals, most recently changed first, with the names of their contacts (one more request). */
async function fetchDealPage(stageId: number, page: number): Promise<DealPage> {
  const collection = await api.get<SellCollection<DealDto>>('/v2/deals', { stage_id: stageId, page, per_page: DEALS_PER_PAGE, sort_by: 'updated_at:desc' });
  const deals = itemsOf(collection);
  const contactIds = [...new Set(deals.map((d) => d.contact_id).filter((id): id is number => id !== null))];
  const names = new Map<number, string>();
  if (contactIds.length > 0) {
    // Contacts the user may not see are simply missing from the answer: the card then shows no name.
    const contacts = await api.get<SellCollection<Pick<ContactDto, 'id' | 'name' | 'first_name' | 'last_name'>>>('/v2/contacts', { ids: contactIds, per_page: contactIds.length });
    for (const contact of itemsOf(contacts)) names.set(contact.id, contactNameOf(contact));
  }
  return {
    deals: deals.map((deal) => ({ ...deal, contact_name: deal.contact_id !== null ? (names.get(deal.contact_id) ?? null) : null })),
    hasNext: !!collection.meta.links.next_page,
  };
}

export function useStageDeals(stageId: number) {
  return useInfiniteQuery({
    queryKey: stageDealsKey(stageId),
    queryFn: ({ pageParam }) => fetchDealPage(stageId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last, _pages, lastPage) => (last.hasNext ? lastPage + 1 : undefined),
  });
}

/** The loaded cards of a column, each deal once (a deal changed while paging may show up on two pages). */
export function cardsOf(data: InfiniteData<DealPage> | undefined): DealCardData[] {
  const seen = new Set<number>();
  const cards: DealCardData[] = [];
  for (const page of data?.pages ?? []) {
    for (const deal of page.deals) {
      if (seen.has(deal.id)) continue;
      seen.add(deal.id);
      cards.push(deal);
    }
  }
  return cards;
}

export function useStageTotals(pipelineId: number) {
  return useQuery({
    queryKey: stageTotalsKey(pipelineId),
    queryFn: async () => itemsOf(await api.get<SellCollection<StageTotalDto>>(`/v2/pipelines/${pipelineId}/stage_totals`, { per_page: 100 })),
  });
}
