let sequence = 0;
const next = () => ++sequence;

/** Attribute sets for API requests, unique per call. */
export const factories = {
  lead: (overrides: Record<string, unknown> = {}) => {
    const n = next();
    return { first_name: 'Lena', last_name: `Lead ${n}`, email: `lead${n}-${Date.now()}@example.com`, ...overrides };
  },
  person: (overrides: Record<string, unknown> = {}) => {
    const n = next();
    return { first_name: 'Carl', last_name: `Contact ${n}`, email: `contact${n}-${Date.now()}@example.com`, ...overrides };
  },
  organization: (overrides: Record<string, unknown> = {}) => ({ is_organization: true, name: `Org ${next()}`, ...overrides }),
  deal: (overrides: Record<string, unknown> = {}) => ({ name: `Deal ${next()}`, value: '1000.50', ...overrides }),
  user: (overrides: Record<string, unknown> = {}) => {
    const n = next();
    return { name: `User ${n}`, email: `user${n}-${Date.now()}@example.com`, ...overrides };
  },
};
