/* eslint-disable @typescript-eslint/no-non-null-assertion -- the fixtures are created a few lines above */
import { copyFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { campaignReportDocx, contactName } from '@core/index';
import { artifactPath } from '../../../helpers/artifacts';
import { checkDocx, renderPng } from '../../../helpers/docx-check';
import { validateDocx } from '../../../helpers/ooxml-validate';
import { demoWorkspace } from './demo-report';

const demo = demoWorkspace();
const { inputFor } = demo;

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('campaignReportDocx', () => {
  it('writes an English report LibreOffice opens, with the stance table and whip count', async () => {
    const input = inputFor('en');
    const bytes = await campaignReportDocx(input);
    const checked = await checkDocx(bytes, 'report-en.docx');
    const text = squash(checked.text);
    expect(text).toContain(input.campaign.name);
    expect(text).toContain('Whip count');
    const stances = {
      champion: 'Champion',
      supportive: 'Supportive',
      undecided: 'Undecided',
      opposed: 'Opposed',
      hostile: 'Hostile',
      unknown: 'Unknown',
    };
    expect(input.targets.length).toBeGreaterThan(3);
    // Each stance-table row reads name, title, stance, priority in this order.
    for (const target of input.targets) {
      const contact = demo.core.contacts.get(target.contactId)!;
      const row = [
        contactName(contact),
        contact.title ?? '',
        stances[target.stance],
        String(target.priority),
      ]
        .filter(Boolean)
        .join(' ');
      expect(text).toContain(row);
    }
    const supportive = input.targets.filter(
      (t) => t.stance === 'champion' || t.stance === 'supportive',
    ).length;
    expect(text).toContain(`${supportive} for,`);
    await copyFile(checked.pdfPath, artifactPath('campaign-report-en.pdf'));
    await renderPng(checked.pdfPath, artifactPath('campaign-report-en'), 60);
  }, 120_000);

  it('leaves sensitive contacts unnamed unless asked, and says how many', async () => {
    const base = inputFor('en');
    const sensitiveIds = new Set(base.targets.slice(0, 2).map((t) => t.contactId));
    const contacts = base.contacts.map((c) =>
      sensitiveIds.has(c.id) ? { ...c, sensitive: true } : c,
    );
    const input = { ...base, contacts };
    const sensitive = contacts.filter((c) => c.sensitive && sensitiveIds.has(c.id));
    expect(sensitive).toHaveLength(2);
    const document = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
    const hidden = document(await campaignReportDocx(input));
    for (const contact of sensitive) expect(hidden).not.toContain(contactName(contact));
    expect(hidden).toContain(`${sensitive.length} targets marked sensitive`);
    const shown = document(await campaignReportDocx({ ...input, includeSensitive: true }));
    for (const contact of sensitive) expect(shown).toContain(contactName(contact));
  });

  it('writes an Arabic report right to left: bidi paragraphs and tables, RTL runs', async () => {
    const input = inputFor('ar');
    const bytes = await campaignReportDocx(input);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toContain('<w:rtl/>');
    const checked = await checkDocx(bytes, 'report-ar.docx');
    const text = squash(checked.text);
    expect(text).toContain('إحصاء الأصوات');
    // pdftotext splits Arabic with tashkeel and lam-alef: check plain words and names.
    for (const heading of ['المستهدفون', 'سجل التواصل', 'الأولوية'])
      expect(text).toContain(heading);
    for (const target of input.targets) {
      const name = contactName(demo.core.contacts.get(target.contactId)!);
      if (!/[\u064B-\u0652]/.test(name)) expect(text).toContain(name);
    }
    await copyFile(checked.pdfPath, artifactPath('campaign-report-ar.pdf'));
    await renderPng(checked.pdfPath, artifactPath('campaign-report-ar'), 60);
  }, 120_000);

  it('keeps no hidden author: the document properties name the organization only when asked', async () => {
    const input = inputFor('en');
    const props = (settingsName?: string, letterAuthor: 'none' | 'organization' = 'none') =>
      campaignReportDocx({
        ...input,
        settings: {
          ...input.settings,
          letterAuthor,
          organizationProfile: { ...input.settings.organizationProfile, name: settingsName },
        },
      }).then((bytes) => strFromU8(unzipSync(bytes)['docProps/core.xml']!));
    const anonymous = await props(undefined);
    expect(anonymous).not.toMatch(/Un-named/);
    expect(anonymous).not.toContain('dc:creator');
    expect(anonymous).not.toContain('lastModifiedBy>');
    // The "document author" setting: nobody by default, even with an organization name.
    const unnamed = await props('Rainbow Coalition');
    expect(unnamed).not.toContain('Rainbow Coalition');
    expect(unnamed).not.toContain('dc:creator');
    const named = await props('Rainbow Coalition', 'organization');
    expect(named).toContain('<dc:creator>Rainbow Coalition</dc:creator>');
    expect(named).toContain('<cp:lastModifiedBy>Rainbow Coalition</cp:lastModifiedBy>');
  });

  it('handles a campaign with nothing in it', async () => {
    const campaign = await demo.core.campaigns.create({ name: 'Empty' });
    const bytes = await campaignReportDocx({
      ...inputFor('en'),
      campaign,
      targets: [],
      interactions: [],
    });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('No targets.');
    expect(xml).toContain('No interactions logged.');
    expect(xml).toContain('No milestones.');
  });

  it('writes every paragraph and table cell aligned to its start, and Latin pieces as LTR runs', async () => {
    const input = inputFor('ar');
    const bytes = await campaignReportDocx(input);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(p).toMatch(/<w:jc w:val="start"\/>/);
    expect(xml).not.toMatch(/<w:jc w:val="(left|right)"\/>/);
    expect(xml).toContain('<w:lang w:val="en-GB" w:bidi="ar-EG"/>');
  });

  it('passes the strict OOXML validator in English and Arabic', async () => {
    const result = await validateDocx({
      'report-en': await campaignReportDocx(inputFor('en')),
      'report-ar': await campaignReportDocx(inputFor('ar')),
      'report-ar-indic': await campaignReportDocx({
        ...inputFor('ar'),
        settings: { ...inputFor('ar').settings, arabicDigits: 'arabic-indic' },
      }),
    });
    expect(result.ok, result.report).toBe(true);
  }, 60_000);
});

/** The report's dates in each Arabic region: month names and digits as the region writes them. */
describe.each([
  { region: 'levant-iraq', month: 'تشرين الثاني', digits: /٢٠٢٦/, lang: 'ar-LB' },
  { region: 'egypt-gulf', month: 'نوفمبر', digits: /٢٠٢٦/, lang: 'ar-EG' },
  { region: 'tunisia-algeria', month: 'نوفمبر', digits: /2026/, lang: 'ar-TN' },
  { region: 'morocco', month: 'نونبر', digits: /2026/, lang: 'ar-MA' },
] as const)('the Arabic report for $region', ({ region, month, digits, lang }) => {
  it('writes its month names, digits and language tag', async () => {
    const base = inputFor('ar');
    const input = {
      ...base,
      settings: { ...base.settings, arabicRegion: region, arabicDigits: 'region' as const },
    };
    const xml = strFromU8(unzipSync(await campaignReportDocx(input))['word/document.xml']!);
    const generated = xml.indexOf(month);
    expect(generated).toBeGreaterThan(0);
    expect(xml.slice(generated, generated + 600)).toMatch(digits);
    expect(xml).toContain(`w:bidi="${lang}"`);
  });
});
