import { describe, expect, it } from 'vitest';
import { convertRows, convertRowsInSlices, guessMapping, parseDelimited } from '@core/transfer';

const preview = (text: string) => {
  const table = parseDelimited(text);
  return convertRows(table, guessMapping(table.headers));
};

describe('rows → contacts', () => {
  it('reads every field, lists, labels, Arabic values and yes/no', () => {
    const result = preview(
      'الاسم الأول,اسم العائلة,النوع,الجنس,المجلس,البريد الإلكتروني,Phone,Tags,Sensitive,Language,Address,City\n' +
        'ليلى,حداد,نائبة,أنثى,مجلس النواب,"work: l@x.org; l2@x.org","+961 1 234, ٠٣ ١٢٣",' +
        '"صحة، حقوق; press",نعم,Arabic,"12 Main St\nFloor 2",Beirut\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.valid).toEqual([
      expect.objectContaining({
        givenName: 'ليلى',
        familyName: 'حداد',
        kind: 'official',
        formOfAddress: 'feminine',
        chamber: 'lower',
        emails: [{ label: 'work', value: 'l@x.org' }, { value: 'l2@x.org' }],
        phones: [{ value: '+961 1 234' }, { value: '٠٣ ١٢٣' }],
        tags: ['صحة', 'حقوق', 'press'],
        sensitive: true,
        preferredLanguage: 'ar',
        addresses: [{ lines: ['12 Main St', 'Floor 2'], locality: 'Beirut' }],
      }),
    ]);
  });

  it('stores partial addresses: a city, a country or a postcode alone', () => {
    const result = preview(
      'الاسم,المدينة,الدولة,Postal code,Address label\n' +
        'ليلى حداد,بيروت,,,\n' +
        'Omar,,Jordan,,\n' +
        'Sara,,,11511,\n' +
        'Nour,,,,home\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.valid.map((input) => input.addresses)).toEqual([
      [{ lines: [], locality: 'بيروت' }],
      [],
      [{ lines: [], postalCode: '11511' }],
      [],
    ]);
    expect(result.valid[1]?.country).toBe('Jordan');
  });

  it('names the row, column and value of each problem and keeps the good rows', () => {
    const result = preview(
      'Name,Email,Kind,Phone\n' +
        'Layla Haddad,layla@x.org,ally,\n' +
        'Omar,not-an-email,ally,\n' +
        ',,ally,+1 555\n' +
        'Sara,s@x.org,astronaut,\n' +
        'Nour,n@x.org,member,call me\n',
    );
    expect(result.valid.map((input) => input.displayName)).toEqual(['Layla Haddad']);
    expect(result.validRows).toEqual([2]);
    expect(result.invalidCount).toBe(4);
    expect(result.problems).toEqual([
      {
        code: 'invalid-email',
        row: 3,
        column: 'Email',
        columnIndex: 1,
        value: 'not-an-email',
        person: 'Omar',
      },
      { code: 'missing-name', row: 4, column: 'Name', columnIndex: 0 },
      {
        code: 'unknown-kind',
        row: 5,
        column: 'Kind',
        columnIndex: 2,
        value: 'astronaut',
        person: 'Sara',
      },
      {
        code: 'invalid-phone',
        row: 6,
        column: 'Phone',
        columnIndex: 3,
        value: 'call me',
        person: 'Nour',
      },
    ]);
  });

  it('names the name column when a row leaves it empty', () => {
    const result = preview('Name,Email\n,a@x.org\n');
    expect(result.problems).toEqual([
      { code: 'missing-name', row: 2, column: 'Name', columnIndex: 0 },
    ]);
    const unnamed = preview('Email\na@x.org\n');
    expect(unnamed.problems).toEqual([{ code: 'missing-name', row: 2 }]);
    const mapped = preview('First name,Last name,Email\n" ",,a@x.org\n');
    expect(mapped.problems[0]).toMatchObject({
      code: 'missing-name',
      row: 2,
      column: 'First name',
    });
  });

  it('reports values that are too long and bad yes/no and language cells', () => {
    const result = preview(
      `Name,Title,Do not contact,Language\nA,${'x'.repeat(201)},maybe,Klingon\n`,
    );
    expect(result.problems.map((problem) => [problem.code, problem.column])).toEqual([
      ['invalid-yes-no', 'Do not contact'],
      ['invalid-language', 'Language'],
    ]);
    const long = preview(`Name,Title\nA,${'x'.repeat(201)}\n`);
    expect(long.problems).toEqual([
      expect.objectContaining({ code: 'too-long', row: 2, column: 'Title' }),
    ]);
  });

  it('a row the parser flagged stays out even when its cells look fine', () => {
    const result = preview('Name,Email\nLayla,l@x.org,surprise\nOmar,o@x.org\n');
    expect(result.valid.map((input) => input.displayName)).toEqual(['Omar']);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'too-many-cells', row: 2 })]);
  });

  it('strips the apostrophe Tadamun puts before formula-like cells', () => {
    const result = preview("Name,Phone\n'=cmd,'+961 1 234\n");
    expect(result.valid[0]).toMatchObject({
      displayName: '=cmd',
      phones: [{ value: '+961 1 234' }],
    });
  });

  it('applies the mapping defaults where no column gives the field', () => {
    const table = parseDelimited('Name,Chamber\nA,Senate\nB,البرلمان\n');
    const result = convertRows(table, guessMapping(table.headers, 'officials'));
    expect(result.valid.map((input) => [input.kind, input.chamber])).toEqual([
      ['official', 'upper'],
      ['official', 'unicameral'],
    ]);
  });

  it('checks a long file a slice at a time, reporting progress, with the same result', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 2500; i += 1)
      lines.push(`Person ${i},${i % 500 === 0 ? 'bad' : `p${i}@x.org`}`);
    const table = parseDelimited(lines.join('\n'));
    const mapping = guessMapping(table.headers);
    const progress: number[] = [];
    const sliced = await convertRowsInSlices(table, mapping, (done) => progress.push(done), 1000);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(sliced).toEqual(convertRows(table, mapping));
    expect(sliced.valid).toHaveLength(2495);
    expect(sliced.problems.map((problem) => problem.row)).toEqual([2, 502, 1002, 1502, 2002]);
  });
});
