/**
 * Smooth weighted round robin (as nginx balances upstreams): every eligible member gains its
 * weight, the one with the most is chosen and gives back the total. With equal weights this is
 * plain rotation in member order, continuing after whoever got the last record; with weights
 * 2:1 the first gets two of every three, interleaved rather than in bursts. Members that are
 * skipped (paused, inactive, at their cap) neither gain nor lose, so nobody is owed a catch-up
 * burst when they return.
 */
export interface Candidate {
  userId: number;
  position: number;
  weight: number;
  currentWeight: number;
  /** How many more it may take now (daily cap left); Infinity without a cap. */
  remaining: number;
}

export interface Pick {
  userId: number;
  /** Members passed over for this pick because they reached their daily cap. */
  atCap: number[];
}

/** Choose `count` owners in order, updating the candidates' state in place. */
export function pickOwners(candidates: Candidate[], count: number): Pick[] | undefined {
  const picks: Pick[] = [];
  const ordered = [...candidates].sort((a, b) => a.position - b.position);
  for (let i = 0; i < count; i++) {
    const eligible = ordered.filter((c) => c.remaining > 0);
    if (eligible.length === 0) return undefined;
    const total = eligible.reduce((sum, c) => sum + c.weight, 0);
    let best: Candidate | undefined;
    for (const candidate of eligible) {
      candidate.currentWeight += candidate.weight;
      if (!best || candidate.currentWeight > best.currentWeight) best = candidate;
    }
    best!.currentWeight -= total;
    best!.remaining -= 1;
    picks.push({ userId: best!.userId, atCap: ordered.filter((c) => c.remaining <= 0 && c !== best).map((c) => c.userId) });
  }
  return picks;
}
