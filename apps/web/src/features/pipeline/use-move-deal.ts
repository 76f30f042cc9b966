import type { StageDto, StageTotalDto } from '@crm/contracts';
import { useMutation, useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notifyError } from '../../components/notify';
import { stageDealsKey, stageTotalsKey, type DealPage } from './board-queries';
import { centsOf, decimalOf } from './money';
import type { DealCardData } from './pipeline-types';

export interface DealMove {
  deal: DealCardData;
  from: StageDto;
  to: StageDto;
}

type Snapshot = [QueryKey, unknown][];

function withoutDeal(data: InfiniteData<DealPage> | undefined, dealId: number): InfiniteData<DealPage> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, deals: page.deals.filter((d) => d.id !== dealId) })) };
}

/** The server lists a stage's deals most recently changed first, so a moved deal goes to the top. */
function withDealOnTop(data: InfiniteData<DealPage> | undefined, deal: DealCardData): InfiniteData<DealPage> | undefined {
  if (!data || data.pages.length === 0) return data;
  const [first, ...rest] = withoutDeal(data, deal.id)!.pages;
  return { ...data, pages: [{ ...first, deals: [deal, ...first.deals] }, ...rest] };
}

/** Totals after one deal leaves `from` and enters `to`: its count and value move with it, in its currency. */
export function totalsAfterMove(totals: StageTotalDto[] | undefined, deal: { value: string; currency: string }, fromId: number, toId: number): StageTotalDto[] | undefined {
  if (!totals) return totals;
  const change = (total: StageTotalDto, sign: 1n | -1n): StageTotalDto => {
    const values = total.values.map((v) => ({ ...v }));
    let entry = values.find((v) => v.currency === deal.currency);
    if (!entry) {
      entry = { currency: deal.currency, count: 0, value: '0.00' };
      values.push(entry);
    }
    entry.count += Number(sign);
    entry.value = decimalOf(centsOf(entry.value) + sign * centsOf(deal.value));
    return { ...total, count: total.count + Number(sign), values: values.filter((v) => v.count > 0) };
  };
  const result = totals.map((t) => (t.stage_id === fromId ? change(t, -1n) : t.stage_id === toId ? change(t, 1n) : t));
  if (!result.some((t) => t.stage_id === toId)) result.push(change({ stage_id: toId, count: 0, values: [] }, 1n));
  return result;
}

/**
 * Moves a deal to another stage (PUT /v2/deals/:id with stage_id). The card moves at once; if the
 * API refuses, the board goes back to how it was and the user sees Sell's message. Either way the
 * touched columns and totals are then read again, and contacts refreshed: a won deal makes its
 * contacts customers, a lost one changes their prospect status (server side).
 */
export function useMoveDeal(pipelineId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ deal, to }: DealMove) => api.put(`/v2/deals/${deal.id}`, { data: { stage_id: to.id } }),
    onMutate: async ({ deal, from, to }): Promise<Snapshot> => {
      const keys = [stageDealsKey(from.id), stageDealsKey(to.id), stageTotalsKey(pipelineId)];
      await Promise.all(keys.map((queryKey) => client.cancelQueries({ queryKey })));
      const snapshot: Snapshot = keys.map((key) => [key, client.getQueryData(key)]);
      const moved: DealCardData = { ...deal, stage_id: to.id, updated_at: new Date().toISOString() };
      client.setQueryData<InfiniteData<DealPage>>(stageDealsKey(from.id), (data) => withoutDeal(data, deal.id));
      client.setQueryData<InfiniteData<DealPage>>(stageDealsKey(to.id), (data) => withDealOnTop(data, moved));
      client.setQueryData<StageTotalDto[]>(stageTotalsKey(pipelineId), (totals) => totalsAfterMove(totals, deal, from.id, to.id));
      return snapshot;
    },
    onError: (error, { deal, to }, snapshot) => {
      for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
      notifyError(new Error(`“${deal.name}” was not moved to ${to.name}: ${error instanceof Error ? error.message : String(error)}`));
    },
    onSettled: async (_result, _error, { from, to }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: stageDealsKey(from.id) }),
        client.invalidateQueries({ queryKey: stageDealsKey(to.id) }),
        client.invalidateQueries({ queryKey: stageTotalsKey(pipelineId) }),
        client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/v2/contacts') }),
      ]);
    },
  });
}
