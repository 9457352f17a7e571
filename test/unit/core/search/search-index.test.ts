import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, tokenize, type SearchDocument } from '@core/search';

const FIELDS = { name: 3, organization: 2, notes: 1 };

function doc(id: string, name: string, organization = '', notes = ''): SearchDocument {
  return { id, fields: { name, organization, notes } };
}

const PEOPLE: SearchDocument[] = [
  doc('fatima', 'فاطمة الزهراء بن علي', 'جمعية حقوق الإنسان'),
  doc('ahmad', 'أحمد إبراهيم الهاشمي', 'المجلس البلدي'),
  doc('mustafa', 'مصطفى عبد الله', 'Rainbow Legal Aid'),
  doc('layla', 'ليلى آل سعود', 'نقابة الصحفيين'),
  doc('zoe', 'Zoë Béranger', 'Ville de Montréal'),
  doc('omalley', "Siobhán O'Malley", 'Dublin City Council'),
  doc('jonathan', 'Jonathan Fischer', 'Fischer & Partners', 'met with Fatima at the forum'),
  doc('john', 'John Fisher', 'Harbor Tenants Union'),
  doc('ibrahim', 'Ibrahim Haddad', 'Beirut Health Network'),
];

function built(documents = PEOPLE): SearchIndex {
  const index = new SearchIndex({ fields: FIELDS });
  index.addAll(documents);
  return index;
}

const ids = (index: SearchIndex, query: string, limit = 20) =>
  index.search(query, { limit }).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('finds Arabic names whatever diacritics, alef, yaa or taa marbuta forms were typed', () => {
    const index = built();
    expect(ids(index, 'فاطِمَه')[0]).toBe('fatima');
    expect(ids(index, 'احمد ابراهيم')[0]).toBe('ahmad');
    expect(ids(index, 'إبراهيم')).toContain('ahmad');
    expect(ids(index, 'مصطفي')[0]).toBe('mustafa');
    expect(ids(index, 'ليـلي')[0]).toBe('layla');
  });

  it('finds Latin names without accents, in any case, with or without apostrophes', () => {
    const index = built();
    expect(ids(index, 'zoe beranger')[0]).toBe('zoe');
    expect(ids(index, 'SIOBHAN omalley')[0]).toBe('omalley');
    expect(ids(index, 'Montreal')).toEqual(['zoe']);
  });

  it('matches prefixes of three letters or more, not shorter ones', () => {
    const index = built();
    expect(ids(index, 'Jon')).toContain('jonathan');
    expect(ids(index, 'مصط')).toEqual(['mustafa']);
    expect(ids(index, 'Jo')).toEqual([]);
  });

  it('tolerates one typo in words of four letters or more, and ranks the exact name first', () => {
    const index = built();
    expect(ids(index, 'Ibrahin Hadad')[0]).toBe('ibrahim');
    expect(ids(index, 'Fisher')[0]).toBe('john');
    expect(ids(index, 'Fisher')).toContain('jonathan');
    expect(ids(index, 'مصطقى')).toContain('mustafa');
    expect(ids(index, 'Jhon')[0]).toBe('john');
    expect(ids(index, 'Jhn')).toEqual([]);
  });

  it('ranks a name match above the same word in notes, and more matched words higher', () => {
    const index = built([...PEOPLE, doc('fatima-en', 'Fatima Rahman', 'Harbor Tenants Union')]);
    const hits = ids(index, 'Fatima');
    expect(hits[0]).toBe('fatima-en');
    expect(hits).toContain('jonathan');
    expect(ids(index, 'Harbor Fatima')[0]).toBe('fatima-en');
  });

  it('matches with or without the Arabic article, and the bare "ال" of آل does not flood results', () => {
    const index = built();
    expect(ids(index, 'هاشمي')).toContain('ahmad');
    // Only the word آل itself: not every الـ name by prefix.
    expect(ids(index, 'ال')).toEqual(['layla']);
    expect(ids(index, 'آل سعود')[0]).toBe('layla');
  });

  it('follows adds, replacements and removals', () => {
    const index = built();
    index.replace(doc('john', 'John Fisher-Nakamura', 'Harbor Tenants Union'));
    expect(ids(index, 'Nakamura')).toEqual(['john']);
    expect(index.remove('john')).toBe(true);
    expect(index.remove('john')).toBe(false);
    expect(ids(index, 'Nakamura')).toEqual([]);
    index.add(doc('new', 'Nour Nakamura'));
    expect(ids(index, 'nakamura')).toEqual(['new']);
    expect(() => index.add(doc('new', 'again'))).toThrow(/new/);
    expect(index.size).toBe(PEOPLE.length);
  });

  it('round-trips through JSON and keeps answering the same way', () => {
    const index = built();
    index.remove('zoe');
    index.add(doc('extra', 'Rania Khoury', 'Beirut Health Network'));
    const loaded = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    for (const query of ['Beirut', 'فاطمه', 'Ibrahin', 'Zoe', 'Jon', 'مصطفي']) {
      expect(loaded.search(query)).toEqual(index.search(query));
    }
    expect(loaded.size).toBe(index.size);
  });

  it('refuses a damaged serialized index', () => {
    const good = JSON.parse(JSON.stringify(built()));
    expect(() => SearchIndex.fromJSON({ ...good, format: 'other' })).toThrow();
    // The postings' text cut short (version 2 keeps it in parts).
    const cut = [good.postings[0].slice(0, 5)];
    expect(() => SearchIndex.fromJSON({ ...good, postings: cut })).toThrow();
    expect(() => SearchIndex.fromJSON({ ...good, ids: [...good.ids, good.ids[0]] })).toThrow();
  });

  it('gives exactly the documents holding a word, through any sequence of writes (model-based)', () => {
    const words = ['دانة', 'سامي', 'nour', 'layal', 'rami', 'هدى', 'jo', 'ka', 'زين'];
    const text = fc
      .array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 })
      .map((list) => list.join(' '));
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 40 }), text }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (operations) => {
        let index = new SearchIndex({ fields: { name: 1 } });
        const model = new Map<string, string>();
        for (const op of operations) {
          if (op.kind === 'put') {
            index.replace({ id: `d${op.id}`, fields: { name: op.text } });
            model.set(`d${op.id}`, op.text);
          } else if (op.kind === 'remove') {
            expect(index.remove(`d${op.id}`)).toBe(model.delete(`d${op.id}`));
          } else {
            index = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index)));
          }
        }
        expect(index.size).toBe(model.size);
        for (const word of ['jo', 'ka']) {
          const expected = [...model]
            .filter(([, value]) => tokenize(value).includes(word))
            .map(([id]) => id)
            .sort();
          expect(ids(index, word, 100).sort()).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ranks documents not yet merged exactly as merged ones: same hits, same scores (property)', () => {
    const words = ['دانة', 'الدانة', 'سامي', 'nour', 'noura', 'layal', 'rami', 'ramy', 'هدى', 'jo'];
    const text = fc
      .array(fc.constantFrom(...words), { maxLength: 5 })
      .map((list) => list.join(' '));
    const document = fc.record({ name: text, organization: text, notes: text });
    const query = fc.constantFrom('nour', 'nou', 'ram', 'rami', 'layl', 'لدانة', 'دانة', 'سامى jo');
    fc.assert(
      fc.property(
        fc.array(document, { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        (fieldsList, mergedCount, queries) => {
          const documents = fieldsList.map((fields, n) => ({ id: `d${n}`, fields }));
          // Some documents in the frozen segment (loaded from a copy), the rest in the delta.
          const mixed = SearchIndex.fromJSON(built(documents.slice(0, mergedCount)).toJSON());
          mixed.addAll(documents.slice(mergedCount));
          const merged = SearchIndex.fromJSON(built(documents).toJSON());
          for (const words of queries) {
            const hits = mixed.search(words, { limit: 100 });
            expect(hits).toEqual(merged.search(words, { limit: 100 }));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('indexes a bulk batch in slices, merging in slices, to the same answers as at once', async () => {
    const many = Array.from({ length: 12_000 }, (_, n) =>
      doc(`p${n}`, `${n % 2 ? 'فاطمة' : 'Anna'} w${n} x${n % 97}`, `Org ${n % 13}`),
    );
    const atOnce = built([...PEOPLE, ...many]);
    const sliced = built();
    let pauses = 0;
    await sliced.addAllInSlices(many, async () => {
      pauses += 1;
    });
    // One pause per document, then more while the merge runs in steps.
    expect(pauses).toBeGreaterThan(many.length);
    for (const query of ['w1234', 'فاطمه', 'anna x5', 'org 7', 'Ibrahin', 'w11999']) {
      expect(ids(sliced, query, 50)).toEqual(ids(atOnce, query, 50));
    }
    expect(sliced.toJSON()).toEqual(atOnce.toJSON());
  });

  it('indexes documents made one at a time, skipping ids it holds, to the same answers', async () => {
    const many = Array.from({ length: 3000 }, (_, n) =>
      doc(`p${n}`, `${n % 2 ? 'فاطمة' : 'Anna'} w${n} x${n % 97}`, `Org ${n % 13}`),
    );
    const atOnce = built([...PEOPLE, ...many]);
    const sliced = built([...PEOPLE, ...many.slice(0, 10)]);
    let made = 0;
    function* documents() {
      for (const document of many) {
        made += 1;
        yield document;
      }
    }
    let pauses = 0;
    let midway: string[] = [];
    await sliced.addEachInSlices(documents(), async () => {
      // Each document is made only when the one before it is indexed.
      expect(made).toBe(Math.min(pauses + 1, many.length));
      pauses += 1;
      // Not merged yet: a term of one posting (w1001) is found in the delta as one of many.
      if (pauses === 2000) midway = [...ids(sliced, 'w1001', 1), ...ids(sliced, 'anna', 3000)];
    });
    expect(midway[0]).toBe('p1001');
    expect(midway.filter((id) => id !== 'p1001')).toHaveLength(1000);
    expect(sliced.size).toBe(PEOPLE.length + many.length);
    for (const query of ['w1234', 'فاطمه', 'anna x5', 'org 7', 'Ibrahin', 'w2999']) {
      expect(ids(sliced, query, 50)).toEqual(ids(atOnce, query, 50));
    }
    expect(sliced.toJSON()).toEqual(atOnce.toJSON());
  });

  it('merges what was added since in steps while serializing, and keeps it when a write comes meanwhile', () => {
    const many = Array.from({ length: 12_000 }, (_, n) => doc(`p${n}`, `Anna w${n}`));
    const withDelta = () => {
      const index = built([...PEOPLE, ...many]);
      index.add(doc('late', 'Rania Khoury', 'Beirut Health Network'));
      return index;
    };
    const stepsOf = (steps: Generator<void, unknown>) => {
      let count = 0;
      while (!steps.next().done) count += 1;
      return count;
    };
    const merged = withDelta();
    const expected = merged.toJSON();
    // The same index with its merge pending takes more steps: the merge is among them.
    const pending = withDelta();
    expect(stepsOf(pending.serializing())).toBeGreaterThan(stepsOf(merged.serializing()) + 2);
    expect(withDelta().toJSON()).toEqual(expected);

    const written = withDelta();
    const serializing = written.serializing();
    serializing.next();
    written.add(doc('during', 'Yusuf Nasser', 'Harbor Tenants Union'));
    let result = serializing.next();
    while (!result.done) result = serializing.next();
    expect(result.value).toBeUndefined();
    expect(ids(written, 'Rania')).toEqual(['late']);
    expect(ids(written, 'Yusuf')).toEqual(['during']);
    expect(ids(written, 'w11999', 1)).toEqual(['p11999']);
    expect(written.size).toBe(PEOPLE.length + many.length + 2);
    const again = SearchIndex.fromJSON(written.toJSON());
    expect(ids(again, 'Rania')).toEqual(['late']);
    expect(ids(again, 'Yusuf')).toEqual(['during']);
  });

  it('ranks every hit the same way whether it asks for a few or for all of them', () => {
    const many = Array.from({ length: 3000 }, (_, n) =>
      doc(`p${n}`, `${n % 3 ? 'فاطمة' : 'Anna'} w${n % 50} x${n % 7}`, `Org ${n % 11}`),
    );
    const index = built([...PEOPLE, ...many]);
    for (const query of ['فاطمه', 'anna x3', 'w1 org', 'org 7 x2', 'Ibrahin']) {
      const all = ids(index, query, 100_000);
      for (const limit of [1, 20, 64, 65, 500]) {
        expect(ids(index, query, limit)).toEqual(all.slice(0, limit));
      }
      const scores = index.search(query, { limit: 100_000 }).map((hit) => hit.score);
      expect(scores.length).toBe(all.length);
    }
    expect(ids(index, 'فاطمه', 100_000)).toHaveLength(2000 + 1);
  });

  it('answers blank queries and a limit below one with nothing', () => {
    const index = built();
    expect(index.search('   ')).toEqual([]);
    expect(index.search('Fatima', { limit: 0 })).toEqual([]);
    expect(new SearchIndex({ fields: FIELDS }).search('Fatima')).toEqual([]);
  });
});
