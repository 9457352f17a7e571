/**
 * Page side of the search scenario: synthetic contacts and queries generated in the page,
 * Tadamun's SearchIndex and MiniSearch 7.2 (the baseline) built, queried, serialized and
 * loaded on the same data, each with the same normalization and the same prefix and typo
 * rules. Timings use performance.now() in the page; memory is measured from Node over CDP.
 */
import MiniSearch from 'minisearch';
import { SearchIndex, tokenize, type SearchDocument } from '@core/search';
import { generateQueries, type QueryCategory } from '../fixtures/search-queries';
import { generateContacts, type SyntheticContact } from '../fixtures/synthetic-contacts';

export type SearchEngineName = 'tadamun' | 'minisearch';

/** Names weigh most, then organisation, then the rest. */
export const CONTACT_FIELD_WEIGHTS = {
  displayName: 3,
  givenName: 3,
  familyName: 3,
  organization: 2,
  title: 1.5,
  tags: 1.5,
  email: 1,
  notes: 1,
} as const;

const LIMIT = 20;

interface Engine {
  /** Ids of the best `LIMIT` hits. */
  search(query: string): string[];
  serialize(): string;
}

function contactDocument(contact: SyntheticContact): SearchDocument {
  return {
    id: contact.id,
    fields: {
      displayName: contact.displayName,
      givenName: contact.givenName,
      familyName: contact.familyName,
      organization: contact.organization,
      title: contact.title,
      tags: contact.tags.join(' '),
      email: contact.email,
      notes: contact.notes,
    },
  };
}

const miniSearchOptions = {
  fields: Object.keys(CONTACT_FIELD_WEIGHTS),
  extractField: (document: SearchDocument, field: string) =>
    field === 'id' ? document.id : (document.fields[field] ?? ''),
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { ...CONTACT_FIELD_WEIGHTS },
    prefix: (term: string) => term.length >= 3,
    fuzzy: (term: string) => (term.length < 4 ? false : term.length >= 8 ? 2 : 1),
    maxFuzzy: 2,
  },
};

function tadamun(index: SearchIndex): Engine {
  return {
    search: (query) => index.search(query, { limit: LIMIT }).map((hit) => hit.id),
    serialize: () => JSON.stringify(index),
  };
}

function miniSearch(index: MiniSearch<SearchDocument>): Engine {
  return {
    search: (query) =>
      index
        .search(query)
        .slice(0, LIMIT)
        .map((hit) => String(hit.id)),
    serialize: () => JSON.stringify(index),
  };
}

function buildEngine(name: SearchEngineName, documents: readonly SearchDocument[]): Engine {
  if (name === 'tadamun') {
    const index = new SearchIndex({ fields: CONTACT_FIELD_WEIGHTS });
    index.addAll(documents);
    return tadamun(index);
  }
  const index = new MiniSearch<SearchDocument>(miniSearchOptions);
  index.addAll(documents);
  return miniSearch(index);
}

function loadEngine(name: SearchEngineName, json: string): Engine {
  return name === 'tadamun'
    ? tadamun(SearchIndex.fromJSON(JSON.parse(json)))
    : miniSearch(MiniSearch.loadJSON<SearchDocument>(json, miniSearchOptions));
}

const state: {
  documents: SearchDocument[];
  queries: ReturnType<typeof generateQueries>;
  engine: Engine | undefined;
} = { documents: [], queries: [], engine: undefined };

function currentEngine(): Engine {
  if (!state.engine) throw new Error('No search engine built or loaded');
  return state.engine;
}

export interface QueryRun {
  /** Milliseconds per query, one array per timed pass, in query order. */
  latencies: number[][];
  /** Whether each query's intended contact was among the hits (last pass). */
  found: { category: QueryCategory; found: boolean }[];
}

export const searchBench = {
  async prepare(count: number): Promise<{ documents: number; queries: number; ms: number }> {
    const start = performance.now();
    const contacts = generateContacts(count);
    state.documents = contacts.map(contactDocument);
    state.queries = generateQueries(contacts);
    return {
      documents: state.documents.length,
      queries: state.queries.length,
      ms: performance.now() - start,
    };
  },

  /** Builds an index over the prepared contacts; the time includes a first search. */
  async build(name: SearchEngineName): Promise<{ ms: number }> {
    const start = performance.now();
    state.engine = buildEngine(name, state.documents);
    state.engine.search(state.queries[0]?.text ?? 'fatima');
    return { ms: performance.now() - start };
  },

  /** One untimed pass to warm up, then `passes` timed passes over all queries. */
  async runQueries(passes: number): Promise<QueryRun> {
    const engine = currentEngine();
    for (const query of state.queries) engine.search(query.text);
    const latencies: number[][] = [];
    let found: QueryRun['found'] = [];
    for (let pass = 0; pass < passes; pass += 1) {
      const times: number[] = [];
      found = [];
      for (const query of state.queries) {
        const start = performance.now();
        const ids = engine.search(query.text);
        times.push(performance.now() - start);
        found.push({ category: query.category, found: ids.includes(query.intendedId) });
      }
      latencies.push(times);
    }
    return { latencies, found };
  },

  async serialize(): Promise<string> {
    return currentEngine().serialize();
  },

  /** Loads a serialized index (from the JSON text); the time includes a first search. */
  async load(name: SearchEngineName, json: string, firstQuery: string): Promise<{ ms: number }> {
    const start = performance.now();
    state.engine = loadEngine(name, json);
    state.engine.search(firstQuery);
    return { ms: performance.now() - start };
  },

  async drop(): Promise<void> {
    state.engine = undefined;
  },
};
