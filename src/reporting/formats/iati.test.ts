import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IATI_CAPS, parseIatiActivities, type IatiLookup } from './iati.js';

const ENTITIES: Record<string, string> = {
  'XM-EXAMPLE-UNODC': 'UNODC',
  'XM-EXAMPLE-UNOCT': 'UNOCT',
  'Office of the High Commissioner for Human Rights': 'OHCHR',
};

const lookup: IatiLookup = {
  entity: (ref, name) =>
    (ref === null ? null : ENTITIES[ref]) ?? (name === null ? null : ENTITIES[name]) ?? null,
  region: (code, vocabulary) => (code === 'SAHEL-EXAMPLE' && vocabulary === '99' ? 'sahel' : null),
};

/** A file of the given activities. */
const file = (...activities: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${activities.join('\n')}\n</iati-activities>`;

/** An activity with an identifier, a title and a matched implementer, plus `inner`. */
const activity = (inner: string, attributes = 'default-currency="USD"') =>
  `<iati-activity ${attributes}>
    <iati-identifier>XM-EXAMPLE-T-1</iati-identifier>
    <title><narrative>T</narrative></title>
    <participating-org ref="XM-EXAMPLE-UNODC" role="4"/>
    ${inner}
  </iati-activity>`;

/** The one row read from a file holding one activity. */
function one(inner: string, attributes?: string, using: IatiLookup = lookup) {
  const parsed = parseIatiActivities(file(activity(inner, attributes)), using);
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toHaveLength(1);
  return parsed.rows[0]!;
}

describe('parseIatiActivities: the illustrative fixture', () => {
  const xml = readFileSync(new URL('./fixtures/iati-activities.xml', import.meta.url), 'utf8');
  const parsed = parseIatiActivities(xml, lookup);

  it('reads one row per activity, numbered by position', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.ref, r.idempotencyKey])).toEqual([
      [1, 'XM-EXAMPLE-CT-001', 'iati:XM-EXAMPLE-CT-001'],
      [2, 'XM-EXAMPLE-CT-002', 'iati:XM-EXAMPLE-CT-002'],
      [3, null, null],
    ]);
  });

  it('maps the first activity into a full report', () => {
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.report).toEqual({
      title: 'Criminal justice & foreign terrorist fighters in the Sahel',
      summary: 'Trains prosecutors and judges in Mali and Niger.',
      codes: ['XM-EXAMPLE-CT-001'],
      pillars: [],
      implementers: [
        { entity: 'UNOCT', role: 'funder' },
        { entity: 'UNODC', role: 'lead' },
        { entity: 'OHCHR', role: 'partner' },
      ],
      beneficiaries: ['MLI', 'NER'],
      regions: [],
      global: false,
      themes: ['criminal-justice'],
      period: { start: 2019, end: 2021 },
      status: 'ongoing',
      // 2019 revised (120000) replaces 2019 original (100000); plus 2020 (150000).
      budget: { amount: 270000, currency: 'USD' },
      recommendations: [],
      resolutions: [],
    });
  });

  it('warns about what the first activity leaves out', () => {
    expect(parsed.rows[0]?.warnings.map((w) => [w.path, w.value])).toEqual([
      ['participating-org.1', 'XM-EXAMPLE-DONOR'],
      ['participating-org.5', 'Example NGO'],
      ['recipient-region.0', '289'],
      ['sector.1', '15113'],
      ['sector.2', '152'],
    ]);
    expect(parsed.rows[0]?.warnings[0]?.message).toBe(
      'no ctkg entity for ref "XM-EXAMPLE-DONOR", name "Example Donor Ministry"; left out',
    );
  });

  it('reports the unknown country of the second activity', () => {
    expect(parsed.rows[1]).toMatchObject({
      line: 2,
      report: null,
      problems: [
        {
          path: 'recipient-country.1',
          value: 'ZZ',
          message: 'not an ISO 3166-1 alpha-2 country code',
        },
      ],
    });
  });

  it('reports the missing identifier of the third activity', () => {
    expect(parsed.rows[2]).toMatchObject({
      line: 3,
      report: null,
      problems: [{ path: 'iati-identifier', value: null }],
    });
  });
});

describe('parseIatiActivities: mapping', () => {
  it('takes the identifier as ref, first code and idempotency key', () => {
    const row = one('');
    expect(row.ref).toBe('XM-EXAMPLE-T-1');
    expect(row.idempotencyKey).toBe('iati:XM-EXAMPLE-T-1');
    expect(row.report?.codes).toEqual(['XM-EXAMPLE-T-1']);
  });

  it('reads no recommendations or resolutions: IATI has none', () => {
    expect(one('').report).toMatchObject({ recommendations: [], resolutions: [], pillars: [] });
  });

  describe('title', () => {
    const titled = (narratives: string, attributes = '') =>
      parseIatiActivities(
        file(
          `<iati-activity ${attributes}><iati-identifier>X</iati-identifier>
            <title>${narratives}</title><participating-org ref="XM-EXAMPLE-UNODC" role="4"/>
          </iati-activity>`,
        ),
        lookup,
      ).rows[0]?.report?.title;

    it('prefers the English narrative', () => {
      expect(
        titled(
          '<narrative xml:lang="fr">Titre</narrative><narrative xml:lang="en">Title</narrative>',
        ),
      ).toBe('Title');
    });

    it('counts an untagged narrative in the default language', () => {
      expect(
        titled(
          '<narrative xml:lang="fr">Titre</narrative><narrative>Title</narrative>',
          'xml:lang="en"',
        ),
      ).toBe('Title');
    });

    it('falls back to the default language, then to the first narrative', () => {
      expect(
        titled(
          '<narrative xml:lang="es">Título</narrative><narrative xml:lang="fr">Titre</narrative>',
          'xml:lang="fr"',
        ),
      ).toBe('Titre');
      expect(
        titled(
          '<narrative xml:lang="es">Título</narrative><narrative xml:lang="fr">Titre</narrative>',
        ),
      ).toBe('Título');
    });

    it('decodes predefined and character references but keeps CDATA literal', () => {
      expect(titled('<narrative>A &amp;amp; B &#233;&#x41; &lt;x&gt;</narrative>')).toBe(
        'A &amp; B éA <x>',
      );
      expect(titled('<narrative><![CDATA[R&amp;D <b>]]></narrative>')).toBe('R&amp;D <b>');
    });

    it('reports a missing title through the report schema', () => {
      const parsed = parseIatiActivities(
        file(
          '<iati-activity><iati-identifier>X</iati-identifier><participating-org ref="XM-EXAMPLE-UNODC" role="4"/></iati-activity>',
        ),
        lookup,
      );
      expect(parsed.rows[0]?.problems).toEqual([
        expect.objectContaining({ path: 'title', value: null }),
      ]);
    });
  });

  describe('summary', () => {
    it('takes the general description (type 1 or no type), trimmed', () => {
      expect(
        one(
          '<description type="3"><narrative>Target groups</narrative></description><description><narrative>  General  </narrative></description>',
        ).report?.summary,
      ).toBe('General');
    });

    it('cuts a description longer than the schema allows, with a warning', () => {
      const row = one(
        `<description type="1"><narrative>${'a'.repeat(2500)}</narrative></description>`,
      );
      expect(row.problems).toEqual([]);
      expect(row.report?.summary).toHaveLength(2000);
      expect(row.report?.summary?.endsWith('a…')).toBe(true);
      expect(row.warnings).toEqual([
        expect.objectContaining({
          path: 'description',
          message: 'description cut from 2500 to 2000 characters',
        }),
      ]);
    });
  });

  describe('participating organisations', () => {
    const orgs = (xml: string, using: IatiLookup = lookup) =>
      parseIatiActivities(
        file(
          `<iati-activity><iati-identifier>X</iati-identifier><title><narrative>T</narrative></title>${xml}</iati-activity>`,
        ),
        using,
      ).rows[0]!;

    it('makes role 1 a funder, the first matched of roles 2-4 the lead and the rest partners', () => {
      const row = orgs(`
        <participating-org ref="XM-EXAMPLE-UNOCT" role="1"/>
        <participating-org ref="XM-EXAMPLE-NOBODY" role="2"/>
        <participating-org ref="XM-EXAMPLE-UNOCT" role="3"/>
        <participating-org ref="XM-EXAMPLE-UNODC" role="4"/>
        <participating-org role="4"><narrative>Office of the High Commissioner for Human Rights</narrative></participating-org>`);
      expect(row.report?.implementers).toEqual([
        { entity: 'UNOCT', role: 'funder' },
        { entity: 'UNOCT', role: 'lead' },
        { entity: 'UNODC', role: 'partner' },
        { entity: 'OHCHR', role: 'partner' },
      ]);
    });

    it('lists an entity once per role', () => {
      const row = orgs(`
        <participating-org ref="XM-EXAMPLE-UNODC" role="2"/>
        <participating-org ref="XM-EXAMPLE-UNODC" role="4"/>
        <participating-org ref="XM-EXAMPLE-UNOCT" role="3"/>
        <participating-org ref="XM-EXAMPLE-UNOCT" role="4"/>
        <participating-org ref="XM-EXAMPLE-UNOCT" role="1"/>
        <participating-org ref="XM-EXAMPLE-UNOCT" role="1"/>`);
      expect(row.problems).toEqual([]);
      expect(row.report?.implementers).toEqual([
        { entity: 'UNODC', role: 'lead' },
        { entity: 'UNOCT', role: 'partner' },
        { entity: 'UNOCT', role: 'funder' },
      ]);
    });

    it('passes the ref and the name to the lookup', () => {
      const calls: [string | null, string | null][] = [];
      orgs(
        '<participating-org ref=" R-1 " role="4"><narrative>Name &amp; Co</narrative></participating-org><participating-org role="4"/>',
        {
          entity: (ref, name) => {
            calls.push([ref, name]);
            return 'UNODC';
          },
        },
      );
      expect(calls).toEqual([
        ['R-1', 'Name & Co'],
        [null, null],
      ]);
    });

    it('warns about an org with a role outside 1-4', () => {
      const row = orgs(
        '<participating-org ref="XM-EXAMPLE-UNODC" role="4"/><participating-org ref="XM-EXAMPLE-UNOCT" role="9"/>',
      );
      expect(row.warnings).toEqual([
        expect.objectContaining({ path: 'participating-org.1', value: '9' }),
      ]);
    });

    it('leaves the report without implementers a problem when no org matches', () => {
      const row = orgs(
        '<participating-org ref="XM-EXAMPLE-NOBODY" role="4"><narrative>Nobody</narrative></participating-org>',
      );
      expect(row.report).toBeNull();
      expect(row.problems).toEqual([expect.objectContaining({ path: 'implementers' })]);
      expect(row.warnings).toEqual([
        {
          path: 'participating-org.0',
          value: 'XM-EXAMPLE-NOBODY',
          message: 'no ctkg entity for ref "XM-EXAMPLE-NOBODY", name "Nobody"; left out',
        },
      ]);
    });
  });

  describe('countries and regions', () => {
    it('turns alpha-2 recipient countries into alpha-3 beneficiaries, once each', () => {
      const row = one(
        '<recipient-country code="ML"/><recipient-country code="ne"/><recipient-country code="ML"/>',
      );
      expect(row.report?.beneficiaries).toEqual(['MLI', 'NER']);
    });

    it.each(['ZZ', 'MLI', ''])('reports the country code %j', (code) => {
      const row = one(`<recipient-country code="${code}"/>`);
      expect(row.report).toBeNull();
      expect(row.problems).toEqual([
        expect.objectContaining({ path: 'recipient-country.0', value: code === '' ? null : code }),
      ]);
    });

    it('maps recipient regions through the lookup with their vocabulary', () => {
      const calls: [string, string | null][] = [];
      const row = one(
        '<recipient-region code="SAHEL-EXAMPLE" vocabulary="99"/><recipient-region code="289"/>',
        undefined,
        {
          ...lookup,
          region: (code, vocabulary) => {
            calls.push([code, vocabulary]);
            return lookup.region!(code, vocabulary);
          },
        },
      );
      expect(calls).toEqual([
        ['SAHEL-EXAMPLE', '99'],
        ['289', null],
      ]);
      expect(row.report?.regions).toEqual(['sahel']);
      expect(row.warnings).toEqual([
        expect.objectContaining({ path: 'recipient-region.1', value: '289' }),
      ]);
    });

    it('warns about every region when the lookup has no region mapping', () => {
      const row = one('<recipient-region code="SAHEL-EXAMPLE" vocabulary="99"/>', undefined, {
        entity: (ref, name) => lookup.entity(ref, name),
      });
      expect(row.report?.regions).toEqual([]);
      expect(row.warnings).toEqual([expect.objectContaining({ path: 'recipient-region.0' })]);
    });
  });

  describe('sectors', () => {
    it.each([
      ['15130', 'criminal-justice'],
      ['15160', 'human-rights'],
      ['15170', 'gender'],
      ['15220', 'conflict-prevention-peacebuilding'],
      ['15240', 'small-arms-explosives'],
    ])('maps DAC sector %s to %s', (code, theme) => {
      expect(one(`<sector code="${code}" vocabulary="1"/>`).report?.themes).toEqual([theme]);
    });

    it('reads a sector without vocabulary as DAC 5-digit, and lists a theme once', () => {
      expect(one('<sector code="15130"/><sector code="15131"/>').report?.themes).toEqual([
        'criminal-justice',
      ]);
    });

    it('warns about unmapped sectors and other vocabularies', () => {
      const row = one(
        '<sector code="15113"/><sector code="15210" vocabulary="1"/><sector code="152" vocabulary="2"/>',
      );
      expect(row.report?.themes).toEqual([]);
      expect(row.warnings.map((w) => [w.path, w.value, w.message])).toEqual([
        ['sector.0', '15113', 'DAC sector "15113" has no ctkg thematic area; left out'],
        ['sector.1', '15210', 'DAC sector "15210" has no ctkg thematic area; left out'],
        ['sector.2', '152', 'sector vocabulary 2 is not mapped; left out'],
      ]);
    });
  });

  describe('dates', () => {
    const period = (dates: string) => one(dates).report?.period;

    it('lets actual dates win over planned ones', () => {
      expect(
        period(`<activity-date type="4" iso-date="2022-06-30"/><activity-date type="1" iso-date="2018-01-01"/>
          <activity-date type="3" iso-date="2021-12-31"/><activity-date type="2" iso-date="2019-02-01"/>`),
      ).toEqual({ start: 2019, end: 2022 });
    });

    it('uses planned dates when there are no actual ones', () => {
      expect(
        period(
          '<activity-date type="1" iso-date="2018-01-01"/><activity-date type="3" iso-date="2020-12-31"/>',
        ),
      ).toEqual({ start: 2018, end: 2020 });
    });

    it('keeps a period with only a start, and none without dates', () => {
      expect(period('<activity-date type="2" iso-date="2019-02-01"/>')).toEqual({
        start: 2019,
        end: null,
      });
      expect(period('')).toBeNull();
    });

    it('reports a date that is not YYYY-MM-DD', () => {
      const row = one('<activity-date type="2" iso-date="01/02/2019"/>');
      expect(row.problems).toEqual([
        expect.objectContaining({ path: 'activity-date.0', value: '01/02/2019' }),
      ]);
    });

    it('reports an end before the start through the report schema', () => {
      const row = one(
        '<activity-date type="2" iso-date="2020-01-01"/><activity-date type="4" iso-date="2019-01-01"/>',
      );
      expect(row.problems).toEqual([expect.objectContaining({ path: 'period.end' })]);
    });
  });

  describe('status', () => {
    it.each([
      ['1', 'pipeline'],
      ['2', 'ongoing'],
      ['3', 'ongoing'],
      ['4', 'completed'],
      ['5', 'suspended'],
      ['6', 'suspended'],
    ])('maps activity-status %s to %s', (code, status) => {
      expect(one(`<activity-status code="${code}"/>`).report?.status).toBe(status);
    });

    it('says so when a cancelled activity is recorded as suspended', () => {
      expect(one('<activity-status code="5"/>').warnings).toEqual([
        expect.objectContaining({
          path: 'activity-status',
          value: '5',
          message: expect.stringMatching(/cancelled/),
        }),
      ]);
      expect(one('<activity-status code="6"/>').warnings).toEqual([]);
    });

    it('reports an unknown status code', () => {
      expect(one('<activity-status code="9"/>').problems).toEqual([
        expect.objectContaining({ path: 'activity-status', value: '9' }),
      ]);
    });

    it('leaves the status unknown without an activity-status', () => {
      expect(one('').report?.status).toBe('unknown');
    });
  });

  describe('budget', () => {
    const budget = (period: string, value: string, type = '1') =>
      `<budget type="${type}"><period-start iso-date="${period}-01-01"/><period-end iso-date="${period}-12-31"/>${value}</budget>`;

    it('takes one budget with its currency and the year of its period start', () => {
      const row = one(budget('2019', '<value currency="EUR">1500.50</value>'));
      expect(row.report?.budget).toEqual({ amount: 1500.5, currency: 'EUR', year: 2019 });
    });

    it('falls back to the activity default currency', () => {
      expect(
        one(budget('2019', '<value>10</value>'), 'default-currency="GBP"').report?.budget,
      ).toEqual({
        amount: 10,
        currency: 'GBP',
        year: 2019,
      });
    });

    it('adds up the periods, a revised budget replacing the original, with no single year', () => {
      const row = one(
        budget('2019', '<value>100</value>', '2') +
          budget('2019', '<value>90</value>', '1') +
          budget('2020', '<value>50</value>', '1'),
      );
      expect(row.report?.budget).toEqual({ amount: 150, currency: 'USD' });
    });

    it('adds up nothing across currencies, and warns', () => {
      const row = one(
        budget('2019', '<value>100</value>') + budget('2020', '<value currency="EUR">50</value>'),
      );
      expect(row.report?.budget).toBeNull();
      expect(row.warnings).toEqual([
        expect.objectContaining({ path: 'budget', value: 'USD, EUR' }),
      ]);
    });

    it.each(['abc', '-5', '1e5', '', '9'.repeat(400)])('reports the budget value %j', (value) => {
      const row = one(budget('2019', `<value>${value}</value>`));
      expect(row.report).toBeNull();
      expect(row.problems).toEqual([expect.objectContaining({ path: 'budget.0.value' })]);
    });

    it('reports a budget with no currency anywhere', () => {
      const row = one(budget('2019', '<value>10</value>'), '');
      expect(row.problems).toEqual([
        expect.objectContaining({
          path: 'budget.0.value',
          value: '10',
          message: expect.stringMatching(/no currency/),
        }),
      ]);
    });
  });

  it('reports an identifier used twice on the later activity', () => {
    const parsed = parseIatiActivities(file(activity(''), activity('')), lookup);
    expect(parsed.rows.map((r) => r.problems)).toEqual([
      [],
      [
        {
          path: 'iati-identifier',
          value: 'XM-EXAMPLE-T-1',
          message: 'the identifier is also used by activity 1',
        },
      ],
    ]);
  });
});

describe('parseIatiActivities: hostile and broken files', () => {
  const fileProblem = (xml: string) => {
    const parsed = parseIatiActivities(xml, lookup);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.path).toBe('file');
    return parsed.problems[0]!.message;
  };

  it('refuses a DOCTYPE with an entity bomb without expanding it', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<iati-activities><iati-activity><iati-identifier>&lol3;</iati-identifier></iati-activity></iati-activities>`;
    expect(fileProblem(bomb)).toMatch(/DOCTYPE and ENTITY declarations are not accepted/);
  });

  it('refuses an external entity declaration', () => {
    expect(fileProblem('<!ENTITY xxe SYSTEM "file:///etc/passwd"><iati-activities/>')).toMatch(
      /not accepted/,
    );
  });

  it('leaves an undeclared entity reference as text', () => {
    const parsed = parseIatiActivities(
      file(activity('').replace('<narrative>T</narrative>', '<narrative>&xxe; T</narrative>')),
      lookup,
    );
    expect(parsed.rows[0]?.report?.title).toBe('&xxe; T');
  });

  it('refuses a file over the size cap', () => {
    expect(fileProblem(file(`<!-- ${'x'.repeat(IATI_CAPS.chars)} -->`))).toMatch(
      /the limit is 5000000/,
    );
  });

  it('refuses more activities than the cap', () => {
    const many = Array.from({ length: IATI_CAPS.activities + 1 }, () => activity(''));
    expect(fileProblem(file(...many))).toMatch(/1001 activities; the limit is 1000/);
  });

  it('names the line and column of XML that is not well-formed', () => {
    expect(fileProblem('<iati-activities>\n  <iati-activity>\n  </iati-activities>')).toMatch(
      /^not well-formed XML at line 3, column \d+: /,
    );
  });

  it.each([
    ['plain text', 'ref,title,lead\nR1,T,UNODC'],
    ['JSON', '{"iati-activities": []}'],
    ['an empty string', ''],
  ])('reports %s as not XML', (_name, text) => {
    expect(fileProblem(text)).toMatch(/^not well-formed XML at line 1/);
  });

  it('reports a root that is not iati-activities', () => {
    expect(fileProblem('<iati-organisations><iati-activity/></iati-organisations>')).toBe(
      'the root element must be <iati-activities>',
    );
  });

  it('reports a file without activities', () => {
    expect(fileProblem('<iati-activities version="2.03"></iati-activities>')).toBe(
      'the file has no <iati-activity>',
    );
  });

  it('reports nesting deeper than the parser allows', () => {
    const deep = file(activity(`${'<x>'.repeat(200)}${'</x>'.repeat(200)}`));
    expect(fileProblem(deep)).toMatch(/^unreadable XML: /);
  });

  it('reports a prototype-polluting element name and pollutes nothing', () => {
    const message = fileProblem(file(activity('<__proto__><polluted>yes</polluted></__proto__>')));
    expect(message).toMatch(/^unreadable XML: /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseIatiActivities(`\uFEFF${file(activity(''))}`, lookup).rows).toHaveLength(1);
  });
});
