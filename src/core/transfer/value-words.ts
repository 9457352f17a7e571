/**
 * Cell values accepted for enumerated fields, in English and Arabic (compared after the
 * search normalization). The stored codes themselves are always accepted.
 */
import type { ContactKind } from '../domain/contact';

export const KIND_WORDS: Readonly<Record<ContactKind, readonly string[]>> = {
  official: [
    'official',
    'legislator',
    'politician',
    'mp',
    'senator',
    'representative',
    'minister',
    'مسؤول',
    'مسؤولة',
    'مسئول',
    'نائب',
    'نائبة',
    'برلماني',
    'برلمانية',
    'وزير',
    'وزيرة',
  ],
  staff: ['staff', 'staffer', 'aide', 'assistant', 'موظف', 'موظفة', 'مساعد', 'مساعدة', 'طاقم'],
  ally: ['ally', 'supporter', 'friend', 'حليف', 'حليفة', 'داعم', 'داعمة', 'مناصر', 'مناصرة'],
  volunteer: ['volunteer', 'متطوع', 'متطوعة'],
  member: ['member', 'عضو', 'عضوة'],
  journalist: [
    'journalist',
    'reporter',
    'press',
    'media',
    'صحفي',
    'صحفية',
    'صحافي',
    'صحافية',
    'إعلامي',
    'إعلامية',
  ],
  'organization-representative': [
    'organization representative',
    'organisation representative',
    'org representative',
    'ممثل منظمة',
    'ممثلة منظمة',
    'ممثل مؤسسة',
    'ممثلة مؤسسة',
    'ممثل جهة',
  ],
  other: ['other', 'أخرى', 'آخر', 'غير ذلك'],
};

export const CHAMBER_WORDS = {
  upper: [
    'upper',
    'senate',
    'upper house',
    'house of lords',
    'مجلس الشيوخ',
    'الشيوخ',
    'مجلس الأعيان',
    'الغرفة العليا',
    'مجلس المستشارين',
  ],
  lower: [
    'lower',
    'house',
    'house of representatives',
    'lower house',
    'house of commons',
    'chamber of deputies',
    'national assembly',
    'مجلس النواب',
    'النواب',
    'الغرفة السفلى',
    'مجلس الشعب',
    'المجلس الوطني',
  ],
  unicameral: ['unicameral', 'parliament', 'البرلمان', 'مجلس واحد', 'أحادي', 'مجلس الأمة'],
  executive: [
    'executive',
    'government',
    'ministry',
    'cabinet',
    'التنفيذية',
    'الحكومة',
    'الوزارة',
    'السلطة التنفيذية',
    'مجلس الوزراء',
  ],
  local: [
    'local',
    'municipal',
    'city council',
    'council',
    'محلي',
    'محلية',
    'البلدية',
    'المجلس البلدي',
    'المجلس المحلي',
  ],
  other: ['other', 'أخرى', 'آخر'],
} as const;

export const FORM_OF_ADDRESS_WORDS = {
  feminine: [
    'feminine',
    'f',
    'female',
    'woman',
    'w',
    'ms',
    'mrs',
    'مؤنث',
    'أنثى',
    'امرأة',
    'سيدة',
    'مؤنثة',
  ],
  masculine: ['masculine', 'm', 'male', 'man', 'mr', 'مذكر', 'ذكر', 'رجل', 'سيد'],
  neutral: [
    'neutral',
    'n',
    'nonbinary',
    'non binary',
    'x',
    'o',
    'محايد',
    'محايدة',
    'غير ثنائي',
    'لا ثنائي',
  ],
  unknown: ['unknown', 'u', 'unspecified', 'غير معروف', 'غير محدد'],
} as const;

export const YES_WORDS = ['yes', 'y', 'true', '1', 'x', 'نعم', 'صح', 'أجل', '✓', '✔'];
export const NO_WORDS = ['no', 'n', 'false', '0', 'لا', 'خطأ'];

/** Language names for the preferred-language column; tags such as "ar-EG" pass as they are. */
export const LANGUAGE_WORDS: Readonly<Record<string, readonly string[]>> = {
  ar: ['arabic', 'العربية', 'عربي', 'عربية'],
  en: ['english', 'الإنجليزية', 'الإنكليزية', 'انجليزي', 'إنجليزي'],
  fr: ['french', 'français', 'الفرنسية', 'فرنسي'],
  ku: ['kurdish', 'الكردية', 'كردي'],
  fa: ['persian', 'farsi', 'الفارسية', 'فارسي'],
  tr: ['turkish', 'التركية', 'تركي'],
  he: ['hebrew', 'العبرية'],
  es: ['spanish', 'الإسبانية'],
  de: ['german', 'الألمانية'],
};
