/**
 * The header rows of the exports people bring: Google Contacts CSV (the older "Given Name …
 * Group Membership" shape and the newer "First Name … Labels" one), Outlook CSV and
 * Thunderbird CSV (test/fixtures/imports/README.md says where each shape was taken from).
 * When a header row is one of these, every column is read by its exact header and the
 * others are left out: guessing on words would take Outlook's "Manager's Name" for the
 * display name or "Office Location" for the title.
 */
import {
  MAX_ADDRESS_SLOTS,
  addressField,
  type AddressPart,
  type ImportField,
  type SimpleField,
} from './import-fields';

export type VendorFormat = 'google' | 'outlook' | 'thunderbird';

interface Column {
  field: ImportField;
  label?: string;
}

/** "E-mail 2 - Type" → "e mail 2 type": how vendor headers are compared. */
export const headerKey = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const FIELDS: Readonly<Record<string, SimpleField>> = {
  name: 'displayName',
  'display name': 'displayName',
  'given name': 'givenName',
  'first name': 'givenName',
  'additional name': 'middleName',
  'middle name': 'middleName',
  'family name': 'familyName',
  'last name': 'familyName',
  'name prefix': 'honorific',
  // Outlook's "Title" is Mr./Dr.; its job title is "Job Title".
  title: 'honorific',
  'name suffix': 'nameSuffix',
  suffix: 'nameSuffix',
  nickname: 'nickname',
  company: 'organizationName',
  organization: 'organizationName',
  'organization name': 'organizationName',
  'organization 1 name': 'organizationName',
  'job title': 'title',
  'organization title': 'title',
  'organization 1 title': 'title',
  department: 'department',
  'organization department': 'department',
  'organization 1 department': 'department',
  notes: 'notes',
  categories: 'tags',
  'group membership': 'tags',
  labels: 'tags',
  gender: 'formOfAddress',
  'e mail address': 'emails',
  'e mail 2 address': 'emails',
  'e mail 3 address': 'emails',
  'primary email': 'emails',
  'secondary email': 'emails',
  'web page': 'websites',
  'web page 1': 'websites',
  'web page 2': 'websites',
};

/** Outlook's and Thunderbird's phone columns, with the label each number gets. */
const PHONES: Readonly<Record<string, string | undefined>> = {
  'primary phone': undefined,
  'home phone': 'home',
  'home phone 2': 'home',
  'mobile phone': 'mobile',
  'mobile number': 'mobile',
  pager: 'pager',
  'pager number': 'pager',
  'home fax': 'fax',
  'company main phone': 'work',
  'business phone': 'work',
  'business phone 2': 'work',
  'work phone': 'work',
  'business fax': 'fax',
  'fax number': 'fax',
  'assistant s phone': 'assistant',
  'other phone': 'other',
  'other fax': 'fax',
  'car phone': 'car',
  callback: 'callback',
  'radio phone': 'radio',
  'tty tdd phone': 'tty',
};

type Block = 'work' | 'home' | 'other';
const BLOCKS: Readonly<Record<string, Block>> = {
  business: 'work',
  work: 'work',
  home: 'home',
  other: 'other',
};
/** Business first: a letter goes to an official's office before their home. */
const BLOCK_ORDER: readonly Block[] = ['work', 'home', 'other'];

const BLOCK_PARTS: Readonly<Record<string, AddressPart>> = {
  street: 'lines',
  'street 2': 'lines',
  'street 3': 'lines',
  'address 2': 'lines',
  'address po box': 'lines',
  city: 'locality',
  state: 'region',
  county: 'region',
  province: 'region',
  'postal code': 'postalCode',
  zipcode: 'postalCode',
  'zip code': 'postalCode',
  postcode: 'postalCode',
  'post code': 'postalCode',
  country: 'country',
  'country region': 'country',
};
const BLOCK_HEADER = /^(business|work|home|other) (.+)$/;

/** Google's numbered columns: "E-mail 1 - Value", "Address 2 - City". */
const NUMBERED = /^(e mail|phone|website|address) (\d+) (.+)$/;
const NUMBERED_FIELDS: Readonly<Record<string, Readonly<Record<string, SimpleField>>>> = {
  'e mail': { type: 'emailLabel', label: 'emailLabel', value: 'emails' },
  phone: { type: 'phoneLabel', label: 'phoneLabel', value: 'phones' },
  website: { type: 'websiteLabel', label: 'websiteLabel', value: 'websites' },
};
const GOOGLE_ADDRESS_PARTS: Readonly<Record<string, AddressPart>> = {
  type: 'label',
  label: 'label',
  formatted: 'formatted',
  street: 'lines',
  'po box': 'lines',
  'extended address': 'lines',
  city: 'locality',
  region: 'region',
  'postal code': 'postalCode',
  country: 'country',
};

/** Which export a header row comes from, if any: by columns only that tool writes. */
export function vendorFormat(headers: readonly string[]): VendorFormat | undefined {
  const keys = new Set(headers.map(headerKey));
  const numbered = [...keys].some((key) => /^(e mail|phone) \d+ value$/.test(key));
  if (numbered || keys.has('group membership') || keys.has('given name yomi')) return 'google';
  if (keys.has('primary email') && keys.has('display name')) return 'thunderbird';
  if (
    keys.has('e mail address') &&
    (keys.has('business street') || keys.has('home street') || keys.has('job title'))
  )
    return 'outlook';
  return undefined;
}

function numberedColumn(match: RegExpExecArray): Column {
  const [, kind = '', number = '', part = ''] = match;
  if (kind === 'address') {
    const slot = Number(number);
    const addressPart = GOOGLE_ADDRESS_PARTS[part];
    if (!addressPart || slot < 1 || slot > MAX_ADDRESS_SLOTS) return { field: 'ignore' };
    return { field: addressField(slot, addressPart) };
  }
  return { field: NUMBERED_FIELDS[kind]?.[part] ?? 'ignore' };
}

/** Each column's field and label, for a header row `vendorFormat` recognized. */
export function vendorMapping(headers: readonly string[]): Column[] {
  const keys = headers.map(headerKey);
  const blocks = new Set<Block>();
  for (const key of keys) {
    const match = BLOCK_HEADER.exec(key);
    const block = match?.[1] ? BLOCKS[match[1]] : undefined;
    if (block && match?.[2] && (BLOCK_PARTS[match[2]] || match[2] === 'address')) blocks.add(block);
  }
  const slotOf = new Map(
    BLOCK_ORDER.filter((block) => blocks.has(block)).map((block, index) => [block, index + 1]),
  );
  const hasStreet = (block: Block) =>
    keys.some(
      (key) =>
        BLOCK_HEADER.exec(key)?.[2] === 'street' && BLOCKS[key.split(' ')[0] ?? ''] === block,
    );
  return keys.map((key): Column => {
    const field = FIELDS[key];
    if (field) return { field };
    if (key in PHONES) return { field: 'phones', label: PHONES[key] };
    const numbered = NUMBERED.exec(key);
    if (numbered) return numberedColumn(numbered);
    const blockMatch = BLOCK_HEADER.exec(key);
    const block = blockMatch?.[1] ? BLOCKS[blockMatch[1]] : undefined;
    const slot = block && slotOf.get(block);
    if (block && slot && blockMatch?.[2]) {
      // Thunderbird's "Home Address" is the street; Outlook's, beside "Home Street", the whole.
      const part =
        blockMatch[2] === 'address'
          ? hasStreet(block)
            ? 'formatted'
            : 'lines'
          : BLOCK_PARTS[blockMatch[2]];
      if (part) return { field: addressField(slot, part), label: block };
    }
    return { field: 'ignore' };
  });
}
